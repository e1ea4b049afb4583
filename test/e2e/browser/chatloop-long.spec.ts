import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openStore } from '../../../electron/store/open-store';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { startServe, type ServeProcess } from '../../integration/cli-process';
import { addFakeEndpoint } from './chat-setup';
import { checkBothThemes, send } from './chatloop-setup';
import { typeWatched, watchTyping } from './typing-probe';

/** Questions and answers written before `serve` starts, straight into the history file. */
const turns = 1000;

let fake: FakeProvider;
let home: string;
let serve: ServeProcess;

const answerText = (turn: number) =>
  turn % 10 === 0
    ? `Answer ${turn}, with code:\n\n\`\`\`ts\nconst turn: number = ${turn};\nconsole.log(turn * 2);\n\`\`\`\n\nAnd a closing line.`
    : `Answer ${turn}: ${'a sentence of some length, with **bold** and `code`, '.repeat(1 + (turn % 4))}done.`;

test.beforeAll(async () => {
  fake = await startFakeProvider();
  home = await mkdtemp(join(tmpdir(), 'switchboard-long-'));
  const store = openStore(home);
  const { id } = store.createConversation({ title: 'A very long conversation', modelId: 'fake/fast-model' });
  let parentId: string | null = null;
  for (let turn = 1; turn <= turns; turn++) {
    parentId = store.addMessage({ conversationId: id, parentId, role: 'user', content: `Question ${turn}` }).id;
    parentId = store.addMessage({
      conversationId: id,
      parentId,
      role: 'assistant',
      content: answerText(turn),
      model: 'fake/fast-model',
      status: 'ok',
    }).id;
  }
  store.close();
  serve = await startServe(home);
});
test.afterAll(async () => {
  await serve?.stop();
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});

const scroller = (page: Page) => page.locator('.transcript-scroll');
const distanceFromBottom = (page: Page) =>
  scroller(page).evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight);
/** Pixels between the last message drawn and the bottom of the box, when scrolled to the end. */
const blankUnderLast = (page: Page) =>
  scroller(page).evaluate((box) => {
    const items = box.querySelectorAll('li');
    return box.getBoundingClientRect().bottom - items[items.length - 1]!.getBoundingClientRect().bottom;
  });

/** Frame times (ms) while `run` scrolls the conversation: what a person sees as smooth or not. */
async function frameTimes(page: Page, run: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const state = window as unknown as { frames: number[]; isMeasuring: boolean };
    state.frames = [];
    state.isMeasuring = true;
    let last = performance.now();
    const tick = (now: number) => {
      state.frames.push(now - last);
      last = now;
      if (state.isMeasuring) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await run();
  return page.evaluate(() => {
    const state = window as unknown as { frames: number[]; isMeasuring: boolean };
    state.isMeasuring = false;
    return state.frames.slice(1);
  });
}

const percentile = (values: number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;

test('a conversation of 2,000 messages opens at its end, scrolls to the top and back, follows a new answer, and typing leaves the conversation’s DOM untouched (keystroke times reported)', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(serve.url);
  await addFakeEndpoint(page, fake.url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Chat' }).click();
  const list = page.getByRole('list', { name: 'Conversation' });
  const measured: Record<string, number | string> = {};

  const openedAt = Date.now();
  await page
    .getByRole('navigation', { name: 'History' })
    .getByRole('button', { name: /^A very long conversation/ })
    .click();
  await expect(list.getByText(new RegExp(`^Answer ${turns}\\b`))).toBeInViewport();
  measured.openMs = Date.now() - openedAt;
  await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-setsize', String(turns * 2));
  measured.drawnItems = await list.getByRole('listitem').count();
  await expect.poll(() => distanceFromBottom(page)).toBeLessThanOrEqual(2);
  // Nothing blank under the last message (only its own spacing).
  await expect.poll(() => blankUnderLast(page)).toBeLessThanOrEqual(12);

  // Reading up at a wheel's pace: each answer is drawn as it comes into view.
  await list.hover();
  const readingFrames = await frameTimes(page, async () => {
    for (let step = 0; step < 40; step++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(16);
    }
  });
  measured.readingScrollFrameP95Ms = Math.round(percentile(readingFrames, 0.95) * 10) / 10;
  measured.readingScrollLongestFrameMs = Math.round(Math.max(...readingFrames));

  // To the top in big throws (a fling, a dragged scrollbar), then back with Jump to the latest.
  const upFrames = await frameTimes(page, async () => {
    for (let step = 0; step < 60; step++) await page.mouse.wheel(0, -2500);
    await scroller(page).evaluate((box) => box.scrollTo({ top: 0 }));
    await expect(list.getByText('Question 1', { exact: true })).toBeInViewport();
  });
  measured.scrollUpFrames = upFrames.length;
  measured.scrollUpFrameP95Ms = Math.round(percentile(upFrames, 0.95) * 10) / 10;
  measured.scrollUpLongestFrameMs = Math.round(Math.max(...upFrames));
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-posinset', '1');
  await checkBothThemes(page, testInfo, 'chat-2000-top');

  const backAt = Date.now();
  await page.getByRole('button', { name: 'Jump to the latest' }).click();
  await expect(list.getByText(new RegExp(`^Answer ${turns}\\b`))).toBeInViewport();
  measured.jumpToLatestMs = Date.now() - backAt;
  await expect.poll(() => distanceFromBottom(page)).toBeLessThanOrEqual(2);

  // Typing renders the composer only, as in chat-layout.spec.ts; keystroke times are reported, not asserted.
  await watchTyping(page);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.click();
  // Once the view has finished drawing (code highlighted, images decoded): typing is measured alone.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  const typing = await typeWatched(page, 'A question typed key by key at the end of 2,000 messages');
  await expect(composer).toHaveValue('A question typed key by key at the end of 2,000 messages');
  const { keystrokeMs } = typing;
  const slowest = Math.max(0, ...keystrokeMs);
  measured.keystrokeEventsTimed = keystrokeMs.length;
  measured.keystrokeP50Ms = percentile(keystrokeMs, 0.5);
  measured.keystrokeP95Ms = percentile(keystrokeMs, 0.95);
  measured.slowestKeystrokeMs = slowest;
  test.info().annotations.push({ type: 'slowest keystroke (ms)', description: slowest.toFixed(1) });
  expect(typing.transcriptMutations).toBe(0);
  await composer.fill('');

  // A new answer streams at the end, followed to its last line.
  fake.enqueue({
    kind: 'text',
    text: Array.from({ length: 30 }, (_, line) => `Streamed line ${line + 1}.`).join('\n\n'),
    deltas: 30,
    delayMs: 40,
  });
  await send(page, 'One more?');
  const streaming = list.getByRole('article').last();
  await expect(streaming.getByRole('status')).toHaveText('ok', { timeout: 20_000 });
  await expect(streaming.getByText('Streamed line 30.')).toBeInViewport();
  await expect.poll(() => distanceFromBottom(page)).toBeLessThanOrEqual(2);
  await expect.poll(() => blankUnderLast(page)).toBeLessThanOrEqual(12);
  await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-setsize', String(turns * 2 + 2));
  // The context of the 1,001st question is the whole branch: 2,000 messages and itself.
  expect(fake.requests.at(-1)!.body.messages).toHaveLength(turns * 2 + 1);

  await testInfo.attach('measured.json', { body: JSON.stringify(measured, null, 2), contentType: 'application/json' });
  console.log(`2,000 messages: ${JSON.stringify(measured)}`);
});
