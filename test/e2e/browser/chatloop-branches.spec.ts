import { expect, test } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { startApp } from './app-server';
import { addFakeEndpoint } from './chat-setup';
import { checkBothThemes, lastSent, send } from './chatloop-setup';
import { pickModel } from './pages';

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;

test.beforeAll(async ({ browser }) => {
  fake = await startFakeProvider();
  app = await startApp();
  const page = await browser.newPage();
  await page.goto(app.url);
  await addFakeEndpoint(page, fake.url);
  await page.close();
});
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

test('regenerate an answer and edit a question: earlier versions stay as branches to step through, and only the branch shown is sent', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await pickModel(page, 'fake/fast-model');
  const transcript = page.getByRole('list', { name: 'Conversation' });
  const answers = transcript.getByRole('article');

  fake.enqueue({ kind: 'text', text: 'Rome.' }, { kind: 'text', text: 'Pasta.' });
  await send(page, 'Capital of Italy?');
  await expect(answers.first().getByRole('status')).toHaveText('ok');
  await send(page, 'Famous food?');
  await expect(answers.last()).toContainText('Pasta.');

  // Regenerate: a second version in place of the answer.
  fake.enqueue({ kind: 'text', text: 'Pizza.' });
  await answers.last().getByRole('button', { name: 'Regenerate' }).click();
  await expect(answers.last()).toContainText('Pizza.');
  await expect(answers.last().getByRole('status')).toHaveText('ok');
  const answerVersions = answers.last().getByRole('group', { name: /^Version \d of \d$/ });
  await expect(answerVersions).toHaveAccessibleName('Version 2 of 2');
  expect(lastSent(fake)).toEqual(['user: Capital of Italy?', 'assistant: Rome.', 'user: Famous food?']);
  await answerVersions.getByRole('button', { name: 'Previous version' }).click();
  await expect(answers.last()).toContainText('Pasta.');
  await expect(answers.last().getByRole('group', { name: 'Version 1 of 2' })).toBeVisible();
  await expect(answers.last().getByRole('button', { name: 'Previous version' })).toBeDisabled();
  await answers.last().getByRole('button', { name: 'Next version' }).click();
  await expect(answers.last()).toContainText('Pizza.');

  // Edit the question: a new version of it, answered on its own branch.
  fake.enqueue({ kind: 'text', text: 'Gelato.' });
  await transcript.getByRole('button', { name: 'Edit message' }).last().click();
  const edit = page.getByRole('form', { name: 'Edit your message' });
  await expect(edit.getByRole('textbox', { name: 'Edited message' })).toHaveValue('Famous food?');
  await edit.getByRole('textbox', { name: 'Edited message' }).fill('Famous dessert?');
  await edit.getByRole('button', { name: 'Send edit' }).click();
  await expect(answers.last()).toContainText('Gelato.');
  await expect(answers.last().getByRole('status')).toHaveText('ok');
  expect(lastSent(fake)).toEqual(['user: Capital of Italy?', 'assistant: Rome.', 'user: Famous dessert?']);
  const questions = transcript.getByLabel('You said');
  await expect(questions).toHaveText(['Capital of Italy?', 'Famous dessert?']);
  await expect(transcript.getByRole('group', { name: 'Version 2 of 2' })).toHaveCount(1);
  await checkBothThemes(page, testInfo, 'chat-versions');

  // Back to the first question: its branch as it was left (the second answer), then forward again.
  await transcript
    .getByRole('group', { name: 'Version 2 of 2' })
    .getByRole('button', { name: 'Previous version' })
    .click();
  await expect(questions).toHaveText(['Capital of Italy?', 'Famous food?']);
  await expect(answers.last()).toContainText('Pizza.');
  await expect(answers.last().getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();

  // The branch shown is kept: a reload reopens it, and the next question follows it.
  await page.reload();
  await expect(transcript.getByLabel('You said')).toHaveText(['Capital of Italy?', 'Famous food?']);
  await expect(answers.last()).toContainText('Pizza.');
  fake.enqueue({ kind: 'text', text: 'Margherita.' });
  await send(page, 'Which pizza?');
  await expect(answers.last()).toContainText('Margherita.');
  expect(lastSent(fake)).toEqual([
    'user: Capital of Italy?',
    'assistant: Rome.',
    'user: Famous food?',
    'assistant: Pizza.',
    'user: Which pizza?',
  ]);
});

test('a conversation keeps its own system prompt, parameters and model; a wrong value is explained beside its field', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await pickModel(page, 'fake/slow-model');
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await dialog.getByRole('textbox', { name: 'System prompt' }).fill('Answer in French.');
  await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('3');
  await dialog.getByRole('spinbutton', { name: 'Top P' }).fill('0.9');
  await dialog.getByRole('spinbutton', { name: 'Seed' }).fill('42');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  const temperature = dialog.getByRole('spinbutton', { name: 'Temperature' });
  await expect(temperature).toHaveAttribute('aria-invalid', 'true');
  await expect(temperature).toHaveAccessibleDescription('Temperature is from 0 to 2.');
  await checkBothThemes(page, testInfo, 'chat-settings');
  await temperature.fill('0.2');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('System prompt · temperature 0.2 · top p 0.9 · seed 42')).toBeVisible();

  fake.enqueue({ kind: 'text', text: 'Bonjour !' });
  await send(page, 'Hello');
  await expect(page.getByRole('article').last()).toContainText('Bonjour !');
  expect(fake.requests.at(-1)!.body).toMatchObject({ model: 'slow-model', temperature: 0.2, top_p: 0.9, seed: 42 });
  expect(lastSent(fake)).toEqual(['system: Answer in French.', 'user: Hello']);

  // Another conversation with another model; coming back brings this one's model and settings back.
  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(page.getByText('System prompt · temperature 0.2')).toHaveCount(0);
  await pickModel(page, 'fake/fast-model');
  fake.enqueue({ kind: 'text', text: 'Hi.' });
  await send(page, 'Plain hello');
  await expect(page.getByRole('article').last()).toContainText('Hi.');
  expect(lastSent(fake)).toEqual(['user: Plain hello']);
  await page
    .getByRole('navigation', { name: 'History' })
    .getByRole('button', { name: /^Hello/ })
    .click();
  await expect(page.getByRole('button', { name: /^Model\b/ })).toHaveText(/fake\/slow-model/);
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await expect(dialog.getByRole('textbox', { name: 'System prompt' })).toHaveValue('Answer in French.');
  await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  fake.enqueue({ kind: 'text', text: 'Encore.' });
  await send(page, 'Again');
  await expect(page.getByRole('article').last()).toContainText('Encore.');
  expect(fake.requests.at(-1)!.body).not.toHaveProperty('temperature');
  expect(fake.requests.at(-1)!.body.model).toBe('slow-model');
});

test('attach an image and a text file: the image goes as an image, the file inlined with its name, and a refusal is clear', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await pickModel(page, 'fake/fast-model');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const attach = page.getByLabel('Attach files');
  await attach.setInputFiles([
    { name: 'dot.png', mimeType: 'image/png', buffer: png },
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n- one\n') },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1]) },
  ]);
  await expect(page.getByRole('alert')).toHaveText(
    'report.pdf is neither text nor a PNG, JPEG, GIF or WebP image, so it cannot be attached.',
  );
  const attached = page.locator('form.composer').getByRole('list', { name: 'Attached files' });
  await expect(attached.getByRole('listitem')).toHaveCount(2);
  await expect(attached.getByRole('img', { name: 'dot.png' })).toBeVisible();

  fake.enqueue({ kind: 'text', text: 'A dot, and your notes.' });
  await send(page, 'What are these?');
  const answer = page.getByRole('article').last();
  await expect(answer).toContainText('A dot, and your notes.');
  const [question] = fake.requests.at(-1)!.body.messages as { content: unknown }[];
  expect(question!.content).toEqual([
    { type: 'text', text: 'What are these?\n\nFile notes.md:\n```md\n# Notes\n- one\n```' },
    { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
  ]);
  const transcript = page.getByRole('list', { name: 'Conversation' });
  await expect(transcript.getByRole('img', { name: 'dot.png' })).toBeVisible();
  await expect(transcript.getByText('notes.md')).toBeVisible();
  await checkBothThemes(page, testInfo, 'chat-attachments');

  // A model that takes no images: its refusal is the answer's error, with what to do.
  fake.enqueue({
    kind: 'http-error',
    status: 400,
    body: { error: { message: 'Invalid content type. image_url is only supported by certain models.' } },
  });
  await attach.setInputFiles([{ name: 'dot.png', mimeType: 'image/png', buffer: png }]);
  await send(page, 'And this one?');
  await expect(answer.getByRole('status')).toHaveText('error');
  await expect(answer).toContainText('image_url is only supported by certain models');
  await expect(answer.getByText(/The question carries an image: this model may not take images/)).toBeVisible();
  await expect(answer.getByRole('button', { name: 'Retry' })).toBeVisible();
});
