import { expect, test } from '@playwright/test';
import { startFakeProvider, startScriptedServer, type FakeProvider } from '../../fake-provider';
import { lookUpInOsKeychain } from '../../integration/os-keychain';
import { actionCounter, checkBothThemes, startEmptyApp } from './firstrun-setup';

const key = 'sk-first-run-5150';

test('an empty app opens on a welcome, and a preset, a key and its fetched model list give a first answer in 5 actions', async ({
  page,
}, testInfo) => {
  const fake: FakeProvider = await startFakeProvider({ models: ['fast-model', 'slow-model'] });
  const app = await startEmptyApp();
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Switchboard' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Add a provider' });
    const providers = form.getByRole('group', { name: 'Provider' });
    const presetNames = [
      ...['OpenAI', 'Anthropic', 'Google Gemini', 'OpenRouter', 'Vercel AI Gateway', 'Groq', 'Together AI'],
      ...['DeepSeek', 'Mistral', 'xAI', 'Ollama', 'LM Studio', 'Other OpenAI-compatible server'],
    ];
    await expect(providers.getByRole('radio')).toHaveCount(presetNames.length);
    for (const name of presetNames) await expect(providers.getByRole('radio', { name, exact: true })).toBeVisible();
    expect(await checkBothThemes(page, testInfo, 'welcome')).toEqual([]);

    fake.enqueue({ kind: 'text', text: 'Hello from your first model.', model: 'fast-model' });
    const { act, actions } = actionCounter();
    await act('choose a preset', () =>
      providers.getByRole('radio', { name: 'Other OpenAI-compatible server' }).check(),
    );
    await act('type its base URL', () => form.getByLabel('Base URL').fill(`${fake.url}/v1`));
    await act('paste the key', () => form.getByLabel('API key (if it needs one)').fill(key));
    await expect(form.getByLabel('Endpoint id')).toHaveValue('local');
    await act('Add and test', () => form.getByRole('button', { name: 'Add and test' }).click());

    // Chat, with the first model of the fetched list chosen and the composer ready.
    await expect(page.getByRole('heading', { level: 2, name: 'Chat' })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Added Other OpenAI-compatible server with 2 models' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /^Model\b/ })).toHaveText(/local\/fast-model/);
    const box = page.getByRole('textbox', { name: 'Message' });
    await expect(box).toBeFocused();
    await act('type and send', () => box.fill('Hi!').then(() => box.press('Enter')));

    const answer = page.getByRole('article', { name: 'Answer from local/fast-model' });
    await expect(answer.getByText('Hello from your first model.')).toBeVisible();
    await expect(answer.getByRole('status')).toHaveText('ok');
    expect(actions).toHaveLength(5);

    // The list came from the endpoint itself, with the key, which the OS keychain keeps.
    const listed = fake.requests.find((request) => request.method === 'GET' && request.path === '/v1/models')!;
    expect(listed.headers.authorization).toBe(`Bearer ${key}`);
    expect(listed.headers['x-switchboard-hop']).toBe('1');
    expect(fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${key}`);
    if (process.env.SWITCHBOARD_TEST_KEYRING === '1') expect(await lookUpInOsKeychain('local')).toBe(key);

    // The picker offers the fetched list.
    await page.keyboard.press('Control+K');
    const fetched = page.getByRole('dialog', { name: 'Pick a model' }).getByRole('group', { name: 'Endpoint local' });
    await expect(fetched.getByRole('option')).toHaveText([/^local\/fast-model/, /^local\/slow-model/]);
  } finally {
    await app.dispose();
    await fake.close();
  }
});

test('a refused key is shown beside the key field, and nothing is added', async ({ page }, testInfo) => {
  const provider = await startScriptedServer(() => ({
    status: 401,
    body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' } },
  }));
  const app = await startEmptyApp();
  try {
    await page.goto(app.url);
    const form = page.getByRole('form', { name: 'Add a provider' });
    await form.getByRole('radio', { name: 'Other OpenAI-compatible server' }).check();
    await form.getByLabel('Base URL').fill(`${provider.url}/v1`);
    const keyBox = form.getByLabel('API key (if it needs one)');
    await keyBox.fill('sk-wrong-key-0000');
    await form.getByRole('button', { name: 'Show key' }).click();
    await expect(keyBox).toHaveAttribute('type', 'text');
    await form.getByRole('button', { name: 'Hide key' }).click();
    await expect(keyBox).toHaveAttribute('type', 'password');
    await form.getByRole('button', { name: 'Add and test' }).click();

    await expect(form.getByRole('alert')).toHaveText('Not added: fix the marked field.');
    await expect(keyBox).toHaveAttribute('aria-invalid', 'true');
    await expect(keyBox).toHaveAccessibleDescription(
      'local refused the key (401: Incorrect API key provided). Paste the whole key again, or make a new one.',
    );
    await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Switchboard' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('sk-wrong-key-0000');
    expect(await checkBothThemes(page, testInfo, 'welcome-key-refused')).toEqual([]);
  } finally {
    await app.dispose();
    await provider.close();
  }
});

test('an Ollama running on its (fake) default port is found, added with one click and answers', async ({
  page,
}, testInfo) => {
  const ollama = await startFakeProvider({ models: ['llama3.2:latest', 'qwen3:8b'] });
  const app = await startEmptyApp({ ollama: Number(new URL(ollama.url).port) });
  try {
    await page.goto(app.url);
    const found = page.getByRole('region', { name: 'Found on this computer' }).getByRole('article', { name: 'Ollama' });
    await expect(found).toContainText(
      `Ollama is running at ${ollama.url}/v1 with 2 models (llama3.2:latest, qwen3:8b).`,
    );
    await expect(page.getByRole('article', { name: 'LM Studio' })).toHaveCount(0);
    expect(await checkBothThemes(page, testInfo, 'welcome-ollama-found')).toEqual([]);

    ollama.enqueue({ kind: 'text', text: 'Local hello.', model: 'llama3.2:latest' });
    const { act, actions } = actionCounter();
    await act('Add Ollama', () => found.getByRole('button', { name: 'Add Ollama' }).click());
    const box = page.getByRole('textbox', { name: 'Message' });
    await expect(page.getByRole('button', { name: /^Model\b/ })).toHaveText(/ollama\/llama3\.2:latest/);
    await act('type and send', () => box.fill('Hi').then(() => box.press('Enter')));
    await expect(
      page.getByRole('article', { name: 'Answer from ollama/llama3.2:latest' }).getByText('Local hello.'),
    ).toBeVisible();
    expect(actions).toHaveLength(2);
    // No key goes to a local server.
    expect(ollama.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
  } finally {
    await app.dispose();
    await ollama.close();
  }
});
