import { expect, type Page } from '@playwright/test';

/** Page objects: each screen as a person uses it, by role and label. */
export class SwitchboardPage {
  constructor(readonly page: Page) {}

  async open(screen: 'Chat' | 'Compare' | 'Usage' | 'Settings') {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: screen })).toBeVisible();
  }

  async addEndpoint(id: string, kind: string, baseURL: string, models: string) {
    await this.open('Settings');
    const form = this.page.getByRole('form', { name: 'Add an endpoint' });
    await form.getByLabel('Endpoint id').fill(id);
    await form.getByLabel('Kind').selectOption(kind);
    await form.getByLabel('Base URL').fill(baseURL);
    await form.getByLabel('Models (comma-separated)').fill(models);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(this.page.getByRole('article', { name: `Endpoint ${id}` })).toBeVisible();
  }

  async addRoute(name: string, targets: string, keepSeconds = '') {
    await this.open('Settings');
    const form = this.page.getByRole('form', { name: 'Add a route' });
    await form.getByLabel('Route name').fill(name);
    // Targets are chosen with the picker; what an earlier, refused save left is cleared first.
    const chosen = form.getByRole('button', { name: /^Remove target / });
    while ((await chosen.count()) > 0) await chosen.first().click();
    for (const target of targets.split(',').map((entry) => entry.trim())) {
      await pickModel(this.page, target, 'Targets, in order');
    }
    await form.getByLabel('Keep answers for (seconds, optional)').fill(keepSeconds);
    await form.getByRole('button', { name: 'Save route' }).click();
  }

  async setKey(id: string, key: string) {
    const card = this.page.getByRole('article', { name: `Endpoint ${id}` });
    await card.getByLabel(`API key for ${id}`).fill(key);
    await card.getByRole('button', { name: 'Save key' }).click();
    await expect(card.getByText(`Key set ••••${key.slice(-4)}`)).toBeVisible();
  }

  /** Runs the endpoint's Test button and returns what it reports. */
  async testKey(id: string, model: string) {
    const card = this.page.getByRole('article', { name: `Endpoint ${id}` });
    await card.getByLabel(`Test model for ${id}`).fill(model);
    await card.getByRole('button', { name: 'Test', exact: true }).click();
    const status = card.getByRole('status');
    await expect(status).not.toHaveText('Testing…');
    return status;
  }

  async chat(model: string, message: string) {
    await this.open('Chat');
    await pickModel(this.page, model);
    const box = this.page.getByRole('textbox', { name: 'Message' });
    await box.fill(message);
    await box.press('Enter');
  }

  async compare(
    prompt: string,
    models: string[],
    settings: { system?: string; temperature?: string; maxOutputTokens?: string } = {},
  ) {
    await this.open('Compare');
    // The setup (and the compare left open) is kept: a new comparison starts from no conversations.
    await expect(this.page.getByRole('region', { name: 'Compare' })).not.toHaveAttribute('aria-busy', 'true');
    const startOver = this.page.getByRole('button', { name: 'New compare' });
    if (await startOver.isVisible()) await startOver.click();
    await this.page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
    await this.page.getByRole('textbox', { name: 'System prompt (optional)' }).fill(settings.system ?? '');
    await this.page.getByRole('spinbutton', { name: 'Temperature' }).fill(settings.temperature ?? '');
    await this.page.getByRole('spinbutton', { name: 'Max output tokens' }).fill(settings.maxOutputTokens ?? '');
    for (const [index, model] of models.entries()) {
      if (index >= 2) await this.page.getByRole('button', { name: 'Add model' }).click();
      await pickModel(this.page, model, `Model ${index + 1}`);
    }
    await this.page
      .getByRole('region', { name: 'Compare' })
      .getByRole('button', { name: 'Compare', exact: true })
      .click();
  }
}

/**
 * Picks a model with the picker (Ctrl/Cmd+K): the button named `label` opens it, and the model is
 * chosen from the list, or typed when it is not listed. Chat's model box is this button.
 */
export async function pickModel(page: Page, model: string, label = 'Model') {
  await page.getByRole('button', { name: new RegExp(`^${label}\\b`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').fill(model);
  const listed = dialog.getByRole('option', {
    name: new RegExp(`^${model.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\b`),
  });
  await ((await listed.count()) ? listed.first() : dialog.getByRole('option', { name: `Use “${model}”` })).click();
  await expect(dialog).toBeHidden();
}
