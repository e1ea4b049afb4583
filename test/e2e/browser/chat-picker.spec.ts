import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { pickModel, SwitchboardPage } from './pages';

// One data folder: conversations carry from test to test (each test has a fresh browser profile).
test.describe.configure({ mode: 'serial' });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
  // Written by hand, as the README allows: an endpoint with listed and priced models, and a route.
  const config = {
    endpoints: [
      {
        id: 'fake',
        kind: 'openai-compatible',
        baseURL: `${fake.url}/v1`,
        models: ['fast-model', 'slow-model'],
        prices: { 'fast-model': { input: 0.15, output: 0.6 } },
      },
    ],
    routes: { quick: { targets: ['fake/fast-model', 'fake/slow-model'] } },
  };
  await writeFile(join(app.home, 'config.json'), JSON.stringify(config, null, 2));
});
test.beforeEach(() => fake.clearQueue());
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

const modelButton = (page: Page) => page.getByRole('button', { name: /^Model\b/ });

test('Ctrl+K opens the picker: routes and endpoint models in groups, prices, fuzzy search, favourites and recents', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  const ui = new SwitchboardPage(page);
  await ui.open('Settings');
  await ui.setKey('fake', 'sk-picker-test-9999');
  await ui.open('Chat');
  await expect(modelButton(page)).toHaveText(/Pick a model/);

  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Pick a model' });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('combobox');
  await expect(search).toBeFocused();
  await expect(dialog.getByRole('group', { name: 'Routes' }).getByRole('option')).toHaveText([
    /^quick\s*route: fake\/fast-model → fake\/slow-model/,
  ]);
  const endpointGroup = dialog.getByRole('group', { name: 'Endpoint fake' });
  await expect(endpointGroup.getByRole('option')).toHaveCount(2);
  await expect(endpointGroup.getByRole('option', { name: /^fake\/fast-model/ })).toContainText(
    '$0.15 in · $0.60 out per 1M tokens',
  );
  await snapshot(page, testInfo, 'model-picker');

  // Fuzzy: letters in order, not a substring.
  await search.fill('fstmdl');
  await expect(dialog.getByRole('option', { name: /^fake\/fast-model/ })).toBeVisible();
  await expect(dialog.getByRole('option', { name: /^fake\/slow-model/ })).toHaveCount(0);
  await search.fill('slow');
  await expect(dialog.getByRole('option', { name: /^fake\/slow-model/ })).toBeVisible();
  await search.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(modelButton(page)).toHaveText(/fake\/slow-model/);

  // Star a model with a click on its star, another with Ctrl+D on the highlighted one.
  await modelButton(page).click();
  await dialog
    .getByRole('option', { name: /^fake\/fast-model/ })
    .getByTitle('Star (Ctrl+D)')
    .click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Favourites' }).getByRole('option')).toHaveText([/^fake\/fast-model/]);
  await expect(dialog.getByRole('group', { name: 'Favourites' }).getByRole('option')).toHaveAccessibleName(
    'fake/fast-model, $0.15 in · $0.60 out per 1M tokens, starred',
  );
  await expect(dialog.getByRole('group', { name: 'Recent' }).getByRole('option')).toHaveText([/^fake\/slow-model/]);
  await dialog.getByRole('combobox').fill('quick');
  await page.keyboard.press('Control+D');
  await dialog.getByRole('combobox').fill('');
  await expect(dialog.getByRole('group', { name: 'Favourites' }).getByRole('option')).toHaveText([
    /^fake\/fast-model/,
    /^quick/,
  ]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(modelButton(page)).toHaveText(/fake\/slow-model/);

  // A model that is not listed can still be typed and used.
  await pickModel(page, 'fake/unlisted-model');
  await expect(modelButton(page)).toHaveText(/fake\/unlisted-model/);

  // All of it survives a reload.
  await page.reload();
  await expect(modelButton(page)).toHaveText(/fake\/unlisted-model/);
  await modelButton(page).click();
  await expect(dialog.getByRole('group', { name: 'Favourites' }).getByRole('option')).toHaveCount(2);
  await expect(dialog.getByRole('group', { name: 'Recent' }).getByRole('option')).toHaveText([
    /^fake\/unlisted-model/,
    /^fake\/slow-model/,
  ]);
  await page.keyboard.press('Escape');
});

async function send(page: Page, message: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(message);
  await box.press('Enter');
}

test('each conversation reopens with the model of its last answer, and a reload comes back to it', async ({ page }) => {
  await page.goto(app.url);
  fake.enqueue({ kind: 'text', text: 'Slow answer.', model: 'slow-model' });
  await pickModel(page, 'fake/slow-model');
  await send(page, 'First conversation');
  await expect(page.getByRole('article', { name: 'Answer from fake/slow-model' }).getByRole('status')).toHaveText('ok');

  await page.keyboard.press('Control+N');
  await expect(page.getByRole('list', { name: 'Conversation' }).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  fake.enqueue({ kind: 'text', text: 'Fast answer.', model: 'fast-model' });
  await pickModel(page, 'fake/fast-model');
  await send(page, 'Second conversation');
  await expect(page.getByRole('article', { name: 'Answer from fake/fast-model' }).getByRole('status')).toHaveText('ok');

  const history = page.getByRole('navigation', { name: 'History' });
  await history.getByRole('button', { name: /^First conversation/ }).click();
  await expect(page.getByRole('article', { name: 'Answer from fake/slow-model' })).toBeVisible();
  await expect(modelButton(page)).toHaveText(/fake\/slow-model/);

  await page.reload();
  await expect(page.getByLabel('You said')).toHaveText('First conversation');
  await expect(modelButton(page)).toHaveText(/fake\/slow-model/);
});

test('keyboard: ? lists every shortcut, / focuses the composer, Ctrl+1..4 switch screens, Esc stops an answer', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 2, name: 'Chat' })).toBeVisible();
  await page.getByRole('heading', { level: 2, name: 'Chat' }).click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const [keys, action] of [
    ['Ctrl+K', 'Pick a model'],
    ['Ctrl+N', 'New chat'],
    ['/', 'Write a message (focus the composer)'],
    ['Esc', 'Stop the answer being written'],
    ['Ctrl+3', 'Go to Usage'],
  ]) {
    await expect(sheet.getByRole('row', { name: `${keys} ${action}` })).toBeVisible();
  }
  await snapshot(page, testInfo, 'shortcuts-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  for (const [digit, screen] of [
    ['2', 'Compare'],
    ['3', 'Usage'],
    ['4', 'Settings'],
    ['1', 'Chat'],
  ]) {
    await page.keyboard.press(`Control+${digit}`);
    await expect(page.getByRole('heading', { level: 2, name: screen })).toBeVisible();
  }
  await page.getByRole('heading', { level: 2, name: 'Chat' }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();

  await pickModel(page, 'fake/slow-model');
  fake.enqueue({
    kind: 'text',
    text: 'A long answer that will be stopped.',
    model: 'slow-model',
    deltas: 10,
    delayMs: 500,
  });
  await send(page, 'Talk slowly');
  const answer = page.getByRole('article').last();
  await expect(answer.getByRole('status')).toHaveText('streaming…');
  await page.getByRole('heading', { level: 2, name: 'Chat' }).click();
  await page.keyboard.press('Escape');
  await expect(answer.getByRole('status')).toHaveText('cancelled');
});

test('Compare picks its models with the same picker', async ({ page }) => {
  await page.goto(app.url);
  await new SwitchboardPage(page).open('Compare');
  // Compare's model slots are the same picker's buttons: there is no model box to type into.
  await expect(page.getByRole('combobox', { name: 'Model 1' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Model 1\b/ }).click();
  await expect(page.getByRole('dialog', { name: 'Pick model 1' })).toBeVisible();
  await page
    .getByRole('dialog')
    .getByRole('option', { name: /^fake\/fast-model/ })
    .last()
    .click();
  await expect(page.getByRole('button', { name: /^Model 1\b/ })).toHaveText(/fake\/fast-model/);
  // Ctrl+K fills the first empty slot.
  await page.getByRole('heading', { level: 2, name: 'Compare' }).click();
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Pick model 2' })).toBeVisible();
  await page.getByRole('dialog').getByRole('combobox').fill('quick');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Model 2\b/ })).toHaveText(/quick/);
});
