import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { checkBothThemes, startEmptyApp } from './firstrun-setup';
import { SwitchboardPage } from './pages';

// One data folder with an endpoint written by hand; the tests run in order on it.
test.describe.configure({ mode: 'serial' });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startEmptyApp>>;
const configFile = () => join(app.home, 'config.json');

test.beforeAll(async () => {
  fake = await startFakeProvider({ models: ['listed-a', 'listed-b', 'gpt-4o-mini'] });
  app = await startEmptyApp();
  const config = {
    endpoints: [{ id: 'work', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, models: ['own-model'] }],
  };
  await writeFile(configFile(), JSON.stringify(config, null, 2));
});
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

const addForm = (page: Page) => page.getByRole('form', { name: 'Add an endpoint' });

test('adding an endpoint with an id in use is refused beside the id field, and the endpoint there stays as it was', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  // An app with an endpoint opens on Chat, not on the welcome.
  await expect(page.getByRole('heading', { level: 2, name: 'Chat' })).toBeVisible();
  const ui = new SwitchboardPage(page);
  await ui.open('Settings');
  const before = await readFile(configFile(), 'utf8');
  const form = addForm(page);
  await form.getByLabel('Endpoint id').fill('work');
  await form.getByLabel('Kind').selectOption('anthropic');
  await form.getByRole('button', { name: 'Add endpoint' }).click();

  const id = form.getByLabel('Endpoint id');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect(id).toHaveAccessibleDescription(
    '"work" is already the id of an endpoint: pick another id, or change that endpoint instead.',
  );
  await expect(form.getByRole('alert')).toHaveText('Not added: fix the marked field.');
  // The form's words, not the file's or the request's.
  await expect(page.locator('body')).not.toContainText('config.json');
  await expect(page.locator('body')).not.toContainText('endpoints.add');
  await expect(form.getByLabel('Kind')).not.toHaveAttribute('aria-invalid');
  expect(await readFile(configFile(), 'utf8')).toBe(before);
  await expect(page.getByRole('article', { name: 'Endpoint work', exact: true })).toContainText('openai-compatible');
  expect(await checkBothThemes(page, testInfo, 'settings-id-taken')).toEqual([]);

  // Fixed beside the field, it is added.
  await id.fill('team-anthropic');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByRole('article', { name: 'Endpoint team-anthropic' })).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(id).not.toHaveAttribute('aria-invalid');
});

test('an id that is not one, and a route to an endpoint that does not exist, are each refused beside their field', async ({
  page,
}) => {
  await page.goto(app.url);
  const ui = new SwitchboardPage(page);
  await ui.open('Settings');
  const form = addForm(page);
  await form.getByLabel('Endpoint id').fill('Work Two');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(form.getByLabel('Endpoint id')).toHaveAccessibleDescription(
    'use lowercase letters, digits, ".", "_" or "-" (e.g. "work-openai").',
  );

  await ui.addRoute('fast', 'nowhere/m');
  const routeForm = page.getByRole('form', { name: 'Add a route' });
  const targets = routeForm.getByLabel('Targets, in order');
  await expect(targets).toHaveAttribute('aria-invalid', 'true');
  await expect(targets).toHaveAccessibleDescription(
    /^"nowhere\/m" names endpoint "nowhere", which is not in "endpoints"/,
  );
  await expect(routeForm.getByRole('alert')).toHaveText('Not saved: fix the marked field.');
  await expect(page.locator('body')).not.toContainText('routes.save');
});

test("an endpoint's model list is fetched from it, refreshed from Settings, and the picker shows it with catalog prices", async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  const ui = new SwitchboardPage(page);
  await ui.open('Settings');
  const card = page.getByRole('article', { name: 'Endpoint work', exact: true });
  await expect(card).toContainText('The model list of work has not been fetched yet.');
  const before = fake.requests.length;
  await card.getByRole('button', { name: 'Refresh models' }).click();
  await expect(card).toContainText('3 models listed by work, fetched just now.');
  expect(fake.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/models']);

  // A key saved later fetches the list again, with the key.
  await ui.setKey('work', 'sk-settings-test-6060');
  await expect.poll(() => fake.requests.at(-1)?.headers.authorization).toBe('Bearer sk-settings-test-6060');
  expect(await checkBothThemes(page, testInfo, 'settings')).toEqual([]);

  await ui.open('Chat');
  await page.keyboard.press('Control+K');
  const group = page
    .getByRole('dialog', { name: 'Pick a model' })
    .getByRole('group', { name: 'Endpoint work', exact: true });
  await expect(group.getByRole('option')).toHaveText([
    /^work\/own-model/,
    /^work\/listed-a/,
    /^work\/listed-b/,
    /^work\/gpt-4o-mini/,
  ]);
  // The catalog knows gpt-4o-mini (even behind another address, by its name): its price and context window show.
  await expect(group.getByRole('option', { name: /^work\/gpt-4o-mini/ })).toContainText(
    /\$[\d.]+ in · \$[\d.]+ out per 1M tokens · \d+K context/,
  );
  await page.keyboard.press('Escape');
});

test('Settings adds another provider from a preset too, under an id no endpoint has, and stays open', async ({
  page,
}) => {
  await page.goto(app.url);
  await new SwitchboardPage(page).open('Settings');
  const form = page.getByRole('form', { name: 'Add a provider' });
  await form.getByRole('radio', { name: 'Other OpenAI-compatible server' }).check();
  await form.getByLabel('Base URL').fill(`${fake.url}/v1`);
  await expect(form.getByLabel('Endpoint id')).toHaveValue('local');
  await form.getByRole('button', { name: 'Add and test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added endpoint local with 3 models.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Endpoint local', exact: true })).toContainText(
    '3 models listed by local, fetched just now.',
  );
  await form.getByRole('radio', { name: 'Other OpenAI-compatible server' }).check();
  await form.getByLabel('Base URL').fill(`${fake.url}/v1`);
  await expect(form.getByLabel('Endpoint id')).toHaveValue('local-2');
});

test('the local API key is shown with "Show key" and hidden again with "Hide key"', async ({ page }) => {
  await page.goto(app.url);
  await new SwitchboardPage(page).open('Settings');
  const panel = page.getByRole('region', { name: 'Local API' });
  const key = panel.getByLabel('Local API key');
  await expect(key).toHaveText(`••••${app.token.slice(-4)}`);
  await panel.getByRole('button', { name: 'Show key' }).click();
  await expect(key).toHaveText(app.token);
  await panel.getByRole('button', { name: 'Hide key' }).click();
  await expect(key).toHaveText(`••••${app.token.slice(-4)}`);
  await expect(panel.getByRole('button', { name: 'Show key' })).toBeVisible();
});
