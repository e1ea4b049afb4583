import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { deadPort, startFakeProvider, type FakeProvider } from '../../fake-provider';
import { lookUpInOsKeychain } from '../../integration/os-keychain';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { pickModel, SwitchboardPage } from './pages';

// One user's session: later tests use the endpoint the first one adds, so they run in order and stop at a failure.
test.describe.configure({ mode: 'serial' });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
});
test.beforeEach(() => fake.clearQueue());
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

test('add an endpoint and key, chat, compare two models, and see the usage', async ({ page }, testInfo) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  // The page secret leaves the address bar once the page has it, and no cookie carries it.
  await expect(page).toHaveURL(/\/$/);
  expect(await page.context().cookies()).toEqual([]);

  await ui.addEndpoint('fake', 'openai-compatible', `${fake.url}/v1`, 'fast-model, slow-model');
  await ui.setKey('fake', 'sk-browser-test-7777');
  expect(await page.content()).not.toContain('sk-browser-test-7777');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  fake.enqueue({
    kind: 'text',
    text: 'Hello from the fake model, streamed in pieces.',
    model: 'fast-model',
    deltas: 6,
    delayMs: 30,
    usage: { inputTokens: 9, outputTokens: 11 },
  });
  await ui.chat('fake/fast-model', 'Say hello');
  const answer = page.getByRole('article', { name: 'Answer from fake/fast-model' });
  await expect(answer.getByText('Hello from the fake model, streamed in pieces.')).toBeVisible();
  await expect(answer.getByRole('status')).toHaveText('ok');
  await expect(answer.getByLabel('Measurements')).toHaveText(/^\d+ ms to first token · [\d.]+ tok\/s · unknown$/);
  expect(fake.requests.at(-1)!.headers.authorization).toBe('Bearer sk-browser-test-7777');
  await answer.getByRole('button', { name: 'Copy' }).click();
  await expect(answer.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'Hello from the fake model, streamed in pieces.',
  );
  await snapshot(page, testInfo, 'chat');

  fake.enqueue(
    { kind: 'text', text: 'First pane answer.', model: 'fast-model', usage: { inputTokens: 5, outputTokens: 4 } },
    { kind: 'text', text: 'Second pane answer.', model: 'slow-model', usage: { inputTokens: 5, outputTokens: 4 } },
  );
  await ui.compare('Compare me', ['fake/fast-model', 'fake/slow-model']);
  const panes = page.getByRole('group', { name: 'Answers side by side' });
  await expect(panes.getByRole('article')).toHaveCount(2);
  await expect(panes.getByText(/(First|Second) pane answer\./)).toHaveCount(2);
  for (const pane of await panes.getByRole('article').all()) {
    await expect(pane.getByRole('status')).toHaveText('ok');
    await expect(pane.getByRole('definition').first()).toHaveText(/\d+ ms/);
  }
  await snapshot(page, testInfo, 'compare');

  await ui.open('Usage');
  const table = page.getByRole('table', { name: 'Recent calls' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: 'fake/slow-model' })).toHaveCount(1);
  await expect(table.getByRole('cell', { name: 'app', exact: true })).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'without a price left out' })).toHaveText(
    '3 calls: $0.00 for 0 priced calls; 3 calls without a price left out',
  );
  const byModel = page.getByRole('table', { name: 'Spend by model' });
  await expect(byModel.getByRole('row', { name: /^fake\/fast-model 2 0 14 15 unknown 2$/ })).toBeVisible();
  await expect(byModel.getByRole('row', { name: /^fake\/slow-model 1 0 5 4 unknown 1$/ })).toBeVisible();
  await page.getByLabel('Source').selectOption('Local API');
  await expect(page.getByRole('status').filter({ hasText: 'priced call' })).toHaveText(
    '0 calls: $0.00 for 0 priced calls',
  );
  await expect(byModel.getByRole('row')).toHaveCount(1);
  await page.getByLabel('Source').selectOption('App');
  await expect(table.getByRole('row')).toHaveCount(4);
  await snapshot(page, testInfo, 'usage');
});

test('a dead endpoint is reported clearly and the partial answer of an interrupted call is kept', async ({ page }) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  fake.enqueue({
    kind: 'text',
    text: 'This answer will break off halfway through.',
    deltas: 6,
    errorAfterDeltas: 3,
    delayMs: 20,
  });
  await ui.chat('fake/fast-model', 'Start talking');
  const answer = page.getByRole('article', { name: 'Answer from fake/fast-model' });
  await expect(answer.getByRole('status')).toHaveText('interrupted');
  await expect(answer.getByText(/stopped mid-answer/)).toBeVisible();
  await expect(answer.locator('.answer-text')).not.toBeEmpty();

  await ui.chat('nowhere/model', 'Hello?');
  await expect(
    page.getByRole('article', { name: 'Answer from nowhere/model' }).getByText(/Unknown endpoint "nowhere"/),
  ).toBeVisible();
});

test('the playground sends the system prompt and settings to every model, and explains a wrong setting', async ({
  page,
}) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  const before = fake.requests.length;
  await ui.compare('Greet me', ['fake/fast-model', 'fake/slow-model'], {
    system: 'Answer in French.',
    temperature: '5',
  });
  // The form itself refuses it and says why, before anything is sent.
  const temperature = page.getByRole('spinbutton', { name: 'Temperature' });
  expect(await temperature.evaluate((input: HTMLInputElement) => input.validationMessage)).not.toBe('');
  await expect(page.getByRole('group', { name: 'Answers side by side' }).getByRole('article')).toHaveCount(0);
  expect(fake.requests.length).toBe(before);

  fake.enqueue(
    { kind: 'text', text: 'Bonjour !', model: 'fast-model' },
    { kind: 'text', text: 'Salut !', model: 'slow-model' },
  );
  await ui.compare('Greet me', ['fake/fast-model', 'fake/slow-model'], {
    system: 'Answer in French.',
    temperature: '0.2',
    maxOutputTokens: '64',
  });
  const panes = page.getByRole('group', { name: 'Answers side by side' });
  await expect(panes.getByText(/Bonjour !|Salut !/)).toHaveCount(2);
  const sent = fake.requests.slice(before).map((request) => request.body);
  expect(sent).toHaveLength(2);
  for (const body of sent) {
    expect(body).toMatchObject({ temperature: 0.2, max_tokens: 64 });
    expect(body.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Greet me' },
    ]);
  }
});

test('a conversation is kept: it reopens from History after a reload, each answer with its model, and goes on', async ({
  page,
}) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  fake.enqueue({ kind: 'text', text: 'Paris.', model: 'fast-model' });
  await ui.chat('fake/fast-model', 'Capital of France?');
  await expect(page.getByRole('article', { name: 'Answer from fake/fast-model' }).getByRole('status')).toHaveText('ok');
  // Switching the model mid-conversation: the next answer comes from the other one.
  fake.enqueue({ kind: 'text', text: 'Rome.', model: 'slow-model' });
  await ui.chat('fake/slow-model', 'And of Italy?');
  await expect(page.getByRole('article', { name: 'Answer from fake/slow-model' }).getByRole('status')).toHaveText('ok');

  await page.reload();
  await ui.open('Chat');
  const history = page.getByRole('navigation', { name: 'History' });
  await history.getByRole('button', { name: /^Capital of France\?/ }).click();
  await expect(history.getByRole('button', { name: /^Capital of France\?/ })).toHaveAttribute('aria-current', 'true');
  const transcript = page.getByRole('list', { name: 'Conversation' });
  await expect(transcript.getByLabel('You said')).toHaveText(['Capital of France?', 'And of Italy?']);
  await expect(transcript.getByRole('article', { name: 'Answer from fake/fast-model' })).toContainText('Paris.');
  await expect(transcript.getByRole('article', { name: 'Answer from fake/slow-model' })).toContainText('Rome.');
  await expect(page.getByRole('button', { name: /^Model\b/ })).toHaveText(/fake\/slow-model/);

  fake.enqueue({ kind: 'text', text: 'Madrid.', model: 'slow-model' });
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('And of Spain?');
  await box.press('Enter');
  await expect(transcript.getByText('Madrid.')).toBeVisible();
  expect(fake.requests.at(-1)!.body.messages.map((message: { content: string }) => message.content)).toEqual([
    'Capital of France?',
    'Paris.',
    'And of Italy?',
    'Rome.',
    'And of Spain?',
  ]);
  await expect(history.getByRole('button', { name: /^Capital of France\?/ })).toHaveCount(1);
  await snapshot(page, test.info(), 'history');

  // Deleting can be undone for a few seconds; the conversation goes, the spend record of its calls stays.
  await history.getByRole('button', { name: 'Delete conversation “Capital of France?”' }).click();
  await expect(history.getByRole('status').getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(history.getByRole('button', { name: /^Capital of France\?/ })).toHaveCount(0);
  await expect(transcript.getByRole('listitem')).toHaveCount(0);
  await page.reload();
  await ui.open('Chat');
  await expect(history.getByRole('button', { name: /^Say hello/ })).toBeVisible();
  await expect(history.getByRole('button', { name: /^Capital of France\?/ })).toHaveCount(0);
  await ui.open('Usage');
  await expect(
    page.getByRole('table', { name: 'Recent calls' }).getByRole('row', { name: /fake\/slow-model/ }),
  ).not.toHaveCount(0);
});

test('a route with a cache replays a repeated question, says so, and costs nothing', async ({ page }) => {
  // Routes are written in config.json by hand, as a user does; the app reads it on every call.
  const configFile = join(app.home, 'config.json');
  const config = JSON.parse(await readFile(configFile, 'utf8'));
  config.routes = { ...config.routes, kept: { targets: ['fake/fast-model'], cache: { ttlSeconds: 600 } } };
  await writeFile(configFile, JSON.stringify(config, null, 2));

  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  fake.enqueue({ kind: 'text', text: 'Kept for later.', model: 'fast-model' });
  await ui.chat('kept', 'Remember this?');
  const answers = page.getByRole('article', { name: 'Answer from fake/fast-model' });
  await expect(answers.last().getByRole('status')).toHaveText('ok');
  await expect(answers.last().getByText('from cache')).toHaveCount(0);
  const requests = fake.requests.length;

  await page.getByRole('button', { name: 'New chat' }).click();
  await ui.chat('kept', 'Remember this?');
  await expect(answers.last().getByText('Kept for later.')).toBeVisible();
  await expect(answers.last().getByText('from cache')).toBeVisible();
  expect(fake.requests.length).toBe(requests);

  await ui.open('Usage');
  const newest = page.getByRole('table', { name: 'Recent calls' }).getByRole('row').nth(1);
  await expect(newest).toContainText('fake/fast-model (from cache)');
  await expect(newest.getByRole('cell', { name: '$0.00', exact: true })).toBeVisible();
});

test('answers are shown as Markdown, without raw HTML or remote images', async ({ page }) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  const markdown = [
    '## Steps',
    '',
    '1. **Boil** the water',
    '2. Add `pasta`',
    '',
    '| kind | minutes |',
    '| --- | --- |',
    '| penne | 11 |',
    '',
    '<script>window.injected = true</script>',
    '',
    'See ![tracker](https://example.com/pixel.png) the [docs](https://example.com/docs).',
  ].join('\n');
  fake.enqueue({ kind: 'text', text: markdown, model: 'fast-model', deltas: 8 });
  await ui.chat('fake/fast-model', 'How do I cook pasta?');
  const answer = page.getByRole('article', { name: 'Answer from fake/fast-model' }).last();
  await expect(answer.getByRole('status')).toHaveText('ok');
  await expect(answer.getByRole('heading', { name: 'Steps' })).toBeVisible();
  await expect(answer.getByRole('listitem')).toHaveText(['Boil the water', 'Add pasta']);
  await expect(answer.getByRole('cell', { name: 'penne' })).toBeVisible();
  await expect(answer.getByRole('link', { name: 'docs' })).toHaveAttribute('target', '_blank');
  await expect(answer.getByRole('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});

test('Stop ends a streaming answer, keeps what came, and aborts the upstream request', async ({ page }) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  fake.enqueue({ kind: 'text', text: 'word '.repeat(200), model: 'fast-model', deltas: 200, delayMs: 50 });
  await ui.chat('fake/fast-model', 'Talk for a while');
  const answer = page.getByRole('article', { name: 'Answer from fake/fast-model' }).last();
  await expect(answer.locator('.answer-text')).toContainText('word');
  // Escape in the message box stops it, as the Stop button does.
  await page.getByRole('textbox', { name: 'Message' }).press('Escape');
  await expect(answer.getByRole('status')).toHaveText('cancelled');
  await expect(answer.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await expect(answer.locator('.answer-text')).toContainText('word');
  await fake.requests.at(-1)!.aborted;

  await ui.open('Usage');
  const newest = page.getByRole('table', { name: 'Recent calls' }).getByRole('row').nth(1);
  await expect(newest).toContainText('fake/fast-model');
  await expect(newest.getByRole('cell', { name: 'cancelled', exact: true })).toBeVisible();
});

test('a key is tested against its endpoint, a wrong key says so, and a removed key leaves the keychain', async ({
  page,
}) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  await ui.addEndpoint('keyed', 'openai-compatible', `${fake.url}/v1`, 'fast-model');
  await ui.setKey('keyed', 'sk-keyed-good-1234');
  expect(await lookUpInOsKeychain('keyed')).toBe('sk-keyed-good-1234');

  fake.enqueue({ kind: 'text', text: 'ok', model: 'fast-model' });
  await expect(await ui.testKey('keyed', 'fast-model')).toHaveText('Works: keyed/fast-model answered.');
  expect(fake.requests.at(-1)!.headers.authorization).toBe('Bearer sk-keyed-good-1234');

  fake.enqueue({
    kind: 'http-error',
    status: 401,
    body: {
      error: {
        message: 'Incorrect API key provided: sk-keyed-*******1234.',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    },
  });
  const failed = await ui.testKey('keyed', 'fast-model');
  await expect(failed).toHaveText(/^Failed: .*key/i);
  await expect(failed).not.toContainText('sk-keyed');

  const card = page.getByRole('article', { name: 'Endpoint keyed' });
  await card.getByRole('button', { name: 'Remove key' }).click();
  await expect(card.getByText('No key')).toBeVisible();
  expect(await lookUpInOsKeychain('keyed')).toBeNull();
  await page.reload();
  await ui.open('Settings');
  await expect(page.getByRole('article', { name: 'Endpoint keyed' }).getByText('No key')).toBeVisible();

  // Removing the endpoint asks first, then takes its key out of the keychain with it.
  await ui.setKey('keyed', 'sk-keyed-again-5678');
  const reloaded = page.getByRole('article', { name: 'Endpoint keyed' });
  await reloaded.getByRole('button', { name: 'Remove endpoint' }).click();
  const confirm = reloaded.getByRole('group', { name: 'Remove keyed?' });
  await expect(confirm).toContainText('Remove keyed and its key in the OS keychain?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(reloaded).toBeVisible();
  await reloaded.getByRole('button', { name: 'Remove endpoint' }).click();
  await expect(confirm.getByRole('button', { name: 'Yes, remove keyed' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Endpoint keyed' })).toHaveCount(0);
  expect(await lookUpInOsKeychain('keyed')).toBeNull();
});

test('routes are made in Settings: a bad target is refused by name, a good route fails over from a dead target', async ({
  page,
}) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  await ui.addRoute('resilient', 'gone/fast-model, fake/fast-model');
  // Refused beside the field that names the unknown endpoint.
  const targets = page.getByRole('form', { name: 'Add a route' }).getByLabel('Targets, in order');
  await expect(targets).toHaveAccessibleDescription(/^"gone\/fast-model" names endpoint "gone"/);
  await expect(page.getByRole('article', { name: 'Route resilient' })).toHaveCount(0);

  await ui.addEndpoint('dead', 'openai-compatible', `http://127.0.0.1:${await deadPort()}/v1`, 'fast-model');
  await ui.addRoute('resilient', 'dead/fast-model, fake/fast-model');
  await expect(page.getByRole('article', { name: 'Route resilient' })).toContainText(
    'dead/fast-model → fake/fast-model',
  );

  fake.enqueue({ kind: 'text', text: 'Served by the second target.', model: 'fast-model' });
  await ui.chat('resilient', 'Anyone there?');
  const answer = page.getByRole('article', { name: 'Answer from fake/fast-model' }).last();
  await expect(answer.getByText('Served by the second target.')).toBeVisible();
  await expect(answer.getByRole('list', { name: 'Failed attempts' })).toContainText('dead/fast-model failed');

  await ui.open('Settings');
  const route = page.getByRole('article', { name: 'Route resilient' });
  await route.getByRole('button', { name: 'Remove route' }).click();
  await route.getByRole('button', { name: 'Yes, remove resilient' }).click();
  await expect(route).toHaveCount(0);
});

test('an endpoint is edited in Settings: a price set there prices the next call', async ({ page }) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  await ui.open('Settings');
  const card = page.getByRole('article', { name: 'Endpoint fake' });
  await card.getByRole('button', { name: 'Edit' }).click();
  const editor = card.getByRole('form', { name: 'Edit fake' });
  await expect(editor.getByLabel('Models (comma-separated)')).toHaveValue('fast-model, slow-model');
  await editor.getByRole('button', { name: 'Add a price' }).click();
  const price = editor.getByRole('group', { name: 'Price 1' });
  await price.getByLabel('Model').fill('fast-model');
  await price.getByLabel('Input').fill('1');
  await price.getByLabel('Output').fill('2');
  await snapshot(page, test.info(), 'endpoint-editor');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toHaveCount(0);
  const config = JSON.parse(await readFile(join(app.home, 'config.json'), 'utf8'));
  expect(config.endpoints.find((endpoint: { id: string }) => endpoint.id === 'fake').prices).toEqual({
    'fast-model': { input: 1, output: 2 },
  });

  fake.enqueue({
    kind: 'text',
    text: 'Priced now.',
    model: 'fast-model',
    usage: { inputTokens: 1000, outputTokens: 2000 },
  });
  await ui.chat('fake/fast-model', 'What does this cost?');
  await expect(
    page.getByRole('article', { name: 'Answer from fake/fast-model' }).last().getByRole('status'),
  ).toHaveText('ok');
  await ui.open('Usage');
  const newest = page.getByRole('table', { name: 'Recent calls' }).getByRole('row').nth(1);
  // 1,000 × $1 + 2,000 × $2 per million tokens.
  await expect(newest.getByRole('cell', { name: '$0.005000', exact: true })).toBeVisible();
});

test('Settings shows the local API to give other tools, and copies its base URL and key', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  await ui.open('Settings');
  const panel = page.getByRole('region', { name: 'Local API' });
  await expect(panel.getByLabel('Local API base URL')).toHaveText(app.apiBase);
  const key = panel.getByLabel('Local API key');
  await expect(key).toHaveText(`••••${app.token.slice(-4)}`);
  await panel.getByRole('button', { name: 'Show key' }).click();
  await expect(key).toHaveText(app.token);

  await panel.getByRole('button', { name: 'Copy the key' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied the key.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(app.token);
  await panel.getByRole('button', { name: 'Copy the base URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(app.apiBase);
});

test('the page runs under a strict CSP: no injected inline script, no calls to other origins', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Switchboard' })).toBeVisible();
  // Listens in the page for the next CSP violation; CDP keeps the order of this call and the next.
  const nextViolation = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), {
            once: true,
          }),
        ),
    );
  const scriptViolation = nextViolation();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
  });
  expect(await scriptViolation).toBe('script-src-elem');
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  const connectViolation = nextViolation();
  await page.evaluate(() => fetch('https://example.com/collect').catch(() => 'refused'));
  expect(await connectViolation).toBe('connect-src');
});

test('a page opened without its secret, or with the API key instead, is not let in and says where to go', async ({
  page,
}) => {
  const origin = new URL(app.url).origin;
  // The app's files hold no secret, so they are served; the socket behind them is what the secret opens.
  const response = await page.goto(`${origin}/`);
  expect(response?.status()).toBe(200);
  expect(await response!.text()).not.toContain(app.token);
  const notLetIn = page.getByRole('alert').filter({ hasText: 'This page is not let in' });
  await expect(notLetIn).toContainText('open the address `switchboard serve` printed');

  await page.goto(`${origin}/#session=${app.token}`);
  await page.reload();
  await expect(notLetIn).toBeVisible();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('article', { name: 'Endpoint fake' })).toHaveCount(0);
});

test('a message over 16 MiB pasted into Chat is refused with a clear error, and the server goes on', async ({
  page,
}) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  await ui.open('Chat');
  await pickModel(page, 'fake/fast-model');
  const box = page.getByRole('textbox', { name: 'Message' });
  // As a paste does: one input event with the whole text.
  await box.evaluate(
    (element: HTMLTextAreaElement, size) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(element, 'x'.repeat(size));
      element.dispatchEvent(new Event('input', { bubbles: true }));
    },
    17 * 1024 * 1024,
  );
  const before = fake.requests.length;
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'The message is over 16 MiB' })).toBeVisible();
  expect(fake.requests.length).toBe(before);

  fake.enqueue({ kind: 'text', text: 'Still here.', model: 'fast-model' });
  await page.getByRole('button', { name: 'New chat' }).click();
  await ui.chat('fake/fast-model', 'Are you there?');
  await expect(
    page.getByRole('article', { name: 'Answer from fake/fast-model' }).getByText('Still here.'),
  ).toBeVisible();
});

test('Ctrl+Enter in the prompt runs a comparison', async ({ page }) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  fake.enqueue(
    { kind: 'text', text: 'One.', model: 'fast-model' },
    { kind: 'text', text: 'Two.', model: 'slow-model' },
  );
  await ui.open('Compare');
  await pickModel(page, 'fake/fast-model', 'Model 1');
  await pickModel(page, 'fake/slow-model', 'Model 2');
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await prompt.fill('Count');
  // The shortcut goes through the form, so the form's checks hold for it too.
  const temperature = page.getByRole('spinbutton', { name: 'Temperature' });
  await temperature.fill('5');
  const before = fake.requests.length;
  await prompt.press('Control+Enter');
  expect(await temperature.evaluate((input: HTMLInputElement) => input.validationMessage)).not.toBe('');
  expect(fake.requests.length).toBe(before);
  await temperature.fill('');
  await prompt.press('Control+Enter');
  await expect(page.getByRole('group', { name: 'Answers side by side' }).getByText(/^(One|Two)\.$/)).toHaveCount(2);
});

test('every screen is reachable from the keyboard', async ({ page }) => {
  await page.goto(app.url);
  for (const screen of ['Compare', 'Usage', 'Settings', 'Chat']) {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: screen })).toBeVisible();
  }
  // From the message box, Tab reaches Send.
  await page.getByRole('textbox', { name: 'Message' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send' })).toBeFocused();
});
