import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { addFakeEndpoint, sendInChat } from './chat-setup';
import { typeWatched, watchTyping } from './typing-probe';

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

/** How far the conversation is scrolled from its bottom, in pixels (it scrolls in the box around its list). */
const distanceFromBottom = (page: Page) =>
  page.locator('.transcript-scroll').evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight);

const paragraphs = (count: number, prefix: string) =>
  Array.from(
    { length: count },
    (_, index) => `${prefix} paragraph ${index + 1} with **some** \`code\` and words.`,
  ).join('\n\n');

test('a 48-entry chat: composer and history stay put, the view follows an answer until scrolled up, and typing leaves the conversation’s DOM untouched (keystroke times reported)', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await addFakeEndpoint(page, fake.url);
  for (let turn = 1; turn <= 24; turn++) {
    fake.enqueue({ kind: 'text', text: paragraphs(4, `Answer ${turn}`), model: 'fast-model' });
    await sendInChat(page, turn === 1 ? 'fake/fast-model' : null, `Question ${turn}`);
    // The newest answer (earlier ones leave the page once far out of view).
    await expect(page.getByRole('article').last().getByRole('status')).toHaveText('ok');
  }
  // Only the messages near the view are drawn; each says where it stands among all 48.
  await expect(page.getByRole('list', { name: 'Conversation' }).getByRole('listitem').last()).toHaveAttribute(
    'aria-posinset',
    '48',
  );
  await expect(page.getByRole('list', { name: 'Conversation' }).getByRole('listitem').last()).toHaveAttribute(
    'aria-setsize',
    '48',
  );

  const viewport = page.viewportSize()!;
  const composer = page.getByRole('textbox', { name: 'Message' });
  const composerBox = (await composer.boundingBox())!;
  expect(composerBox.y + composerBox.height).toBeLessThanOrEqual(viewport.height);
  await expect(page.getByRole('heading', { name: 'History' })).toBeInViewport();
  expect(await distanceFromBottom(page)).toBeLessThanOrEqual(2);

  // Typing renders the composer only; keystroke times are reported, not asserted (targets live in `npm run bench`).
  await watchTyping(page);
  await composer.click();
  const typing = await typeWatched(page, 'A question typed key by key into a long chat');
  await expect(composer).toHaveValue('A question typed key by key into a long chat');
  const slowest = Math.max(0, ...typing.keystrokeMs);
  test.info().annotations.push({ type: 'slowest keystroke (ms)', description: slowest.toFixed(1) });
  expect(typing.transcriptMutations).toBe(0);
  await composer.fill('');

  // A long streaming answer is followed...
  fake.enqueue({ kind: 'text', text: paragraphs(60, 'Streamed'), model: 'fast-model', deltas: 40, delayMs: 150 });
  await sendInChat(page, null, 'Write a lot');
  const streaming = page.getByRole('article').last();
  await expect(streaming.getByRole('status')).toHaveText('streaming…');
  await expect(streaming.getByText('Streamed paragraph 10 ')).toBeVisible();
  expect(await distanceFromBottom(page)).toBeLessThanOrEqual(2);

  // ...until the user scrolls up: then the view stays where they put it.
  await page.getByRole('list', { name: 'Conversation' }).hover();
  await page.mouse.wheel(0, -800);
  await expect.poll(() => distanceFromBottom(page)).toBeGreaterThan(400);
  const jump = page.getByRole('button', { name: 'Jump to the latest' });
  await expect(jump).toBeVisible();
  const scrolledTo = await page.locator('.transcript-scroll').evaluate((box) => box.scrollTop);
  await expect(streaming.getByText('Streamed paragraph 30 ')).toBeAttached();
  expect(await page.locator('.transcript-scroll').evaluate((box) => box.scrollTop)).toBe(scrolledTo);
  await expect(composer).toBeInViewport();
  await snapshot(page, testInfo, 'chat-scrolled-up');

  // Back at the bottom, it follows again to the end.
  await jump.click();
  await expect(streaming.getByRole('status')).toHaveText('ok', { timeout: 20_000 });
  await expect(streaming.getByText('Streamed paragraph 60 ')).toBeInViewport();
  expect(await distanceFromBottom(page)).toBeLessThanOrEqual(2);
  await snapshot(page, testInfo, 'chat-long');
});
