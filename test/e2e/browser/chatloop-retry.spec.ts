import { expect, test } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { startApp } from './app-server';
import { addFakeEndpoint } from './chat-setup';
import { checkBothThemes, lastSent, send } from './chatloop-setup';
import { pickModel } from './pages';

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
});
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

const refused = (message: string) => ({ kind: 'http-error', status: 400, body: { error: { message } } }) as const;

test('a failed turn is never sent as context, is retried in place, and stays visible with its attempts when reopened', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await addFakeEndpoint(page, fake.url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Chat' }).click();
  await pickModel(page, 'fake/fast-model');
  const transcript = page.getByRole('list', { name: 'Conversation' });
  const answers = transcript.getByRole('article');

  fake.enqueue(refused('The request was refused.'));
  await send(page, 'Capital of Narnia?');
  await expect(answers.last().getByRole('status')).toHaveText('error');
  await expect(answers.last()).toContainText('The request was refused.');
  await expect(answers.last().getByRole('button', { name: 'Retry' })).toBeVisible();

  // The next question goes alone: the failed one is not merged into it.
  fake.enqueue({ kind: 'text', text: 'Paris.' });
  await send(page, 'Capital of France?');
  await expect(answers.last()).toContainText('Paris.');
  expect(lastSent(fake)).toEqual(['user: Capital of France?']);

  fake.enqueue(refused('Refused once more.'));
  await send(page, 'And of Italy?');
  await expect(answers.last().getByRole('status')).toHaveText('error');
  await checkBothThemes(page, testInfo, 'chat-failed-turn');

  // Retried in place: the answer takes the failed one's place, which stays a version behind it.
  fake.enqueue({ kind: 'text', text: 'Rome.' });
  await answers.last().getByRole('button', { name: 'Retry' }).click();
  await expect(answers.last()).toContainText('Rome.');
  await expect(answers.last().getByRole('status')).toHaveText('ok');
  await expect(answers.last().getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  expect(lastSent(fake)).toEqual(['user: Capital of France?', 'assistant: Paris.', 'user: And of Italy?']);
  fake.enqueue({ kind: 'text', text: 'Madrid.' });
  await send(page, 'And of Spain?');
  await expect(answers.last()).toContainText('Madrid.');
  expect(lastSent(fake)).toEqual([
    'user: Capital of France?',
    'assistant: Paris.',
    'user: And of Italy?',
    'assistant: Rome.',
    'user: And of Spain?',
  ]);

  // Reopened after a reload: the failed turn is still there with its attempt and error; answers keep their measurements.
  await page.reload();
  await expect(transcript.getByLabel('You said')).toHaveText([
    'Capital of Narnia?',
    'Capital of France?',
    'And of Italy?',
    'And of Spain?',
  ]);
  const failed = answers.first();
  await expect(failed.getByRole('status')).toHaveText('error');
  await expect(failed.getByRole('list', { name: 'Failed attempts' })).toContainText(
    'fake/fast-model failed: fake answered 400: The request was refused.',
  );
  await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(answers.nth(1).getByLabel('Measurements')).toHaveText(/^\d+ ms to first token · [\d.]+ tok\/s · /);
  await expect(answers.nth(2).getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await answers.nth(2).getByRole('button', { name: 'Previous version' }).click();
  await expect(answers.nth(2)).toContainText('Refused once more.');
  await expect(answers.nth(2).getByRole('status')).toHaveText('error');
  await checkBothThemes(page, testInfo, 'chat-reopened-failure');
});
