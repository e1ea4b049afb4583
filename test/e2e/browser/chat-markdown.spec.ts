import { expect, test } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { addFakeEndpoint, sendInChat } from './chat-setup';

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

const pythonCode = 'def area(r):\n    # circle\n    return 3.14159 * r ** 2';
const answer = [
  '## Result',
  '',
  'Inline math $a\\,b$ and \\(x^2\\), then a [link](https://example.com/docs). Prices stay text: $5 or $10.',
  '',
  '\\[',
  '\\int_0^1 x\\,dx = \\tfrac{1}{2}',
  '\\]',
  '',
  '$$',
  'E = mc^2',
  '$$',
  '',
  '```python',
  pythonCode,
  '```',
  '',
  '| Model | Cost |',
  '|---|---|',
  '| fast | $0.10 |',
  '',
  '```ts',
  'const total: number = 42;',
  '```',
].join('\n');

test('an answer shows highlighted code blocks with their language and own Copy, KaTeX math and a table', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await addFakeEndpoint(page, fake.url);
  fake.enqueue({ kind: 'text', text: answer, model: 'fast-model', deltas: 12, delayMs: 20 });
  await sendInChat(page, 'fake/fast-model', 'Show me everything');

  const reply = page.getByRole('article', { name: 'Answer from fake/fast-model' });
  await expect(reply.getByRole('status')).toHaveText('ok');
  await expect(reply.getByRole('heading', { name: 'Result' })).toBeVisible();

  const python = reply.getByRole('figure', { name: 'python code' });
  await expect(python.getByText('python', { exact: true })).toBeVisible();
  // Highlighted: the code is cut into tokens coloured for both themes.
  await expect(python.locator('code.shiki span[style*="--shiki-light"]').first()).toBeVisible();
  await expect(python.locator('code')).toHaveText(pythonCode);
  await python.getByRole('button', { name: 'Copy code' }).click();
  await expect(python.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pythonCode);
  const typescript = reply.getByRole('figure', { name: 'ts code' });
  await typescript.getByRole('button', { name: 'Copy code' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('const total: number = 42;');

  // Math in all four notations, each rendered by KaTeX with its source kept (\, included).
  await expect(reply.locator('.katex')).toHaveCount(4);
  await expect(reply.locator('.katex-display')).toHaveCount(2);
  const sources = await reply.locator('annotation[encoding="application/x-tex"]').allTextContents();
  expect(sources.map((source) => source.trim())).toEqual([
    'a\\,b',
    'x^2',
    '\\int_0^1 x\\,dx = \\tfrac{1}{2}',
    'E = mc^2',
  ]);

  await expect(reply.getByText('Prices stay text: $5 or $10.')).toBeVisible();

  const table = reply.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Cost' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '$0.10' })).toBeVisible();
  await expect(reply.getByRole('link', { name: 'link' })).toHaveAttribute('target', '_blank');
  await snapshot(page, testInfo, 'chat-markdown');
});

test('a code fence still being written shows as code, and is highlighted once finished', async ({ page }) => {
  await page.goto(app.url);
  fake.enqueue({
    kind: 'text',
    text: 'Here it is:\n\n```js\nconst first = 1;\nconst second = 2;\nconst third = 3;\n```\n\nDone.',
    model: 'fast-model',
    deltas: 6,
    delayMs: 700,
  });
  await sendInChat(page, 'fake/fast-model', 'Write code slowly');
  const reply = page.getByRole('article', { name: 'Answer from fake/fast-model' }).last();
  const code = reply.getByRole('figure', { name: 'js code' });
  await expect(code).toBeVisible();
  await expect(reply.getByRole('status')).toHaveText('streaming…');
  await expect(code.locator('code.shiki')).toHaveCount(0);
  await expect(reply.getByRole('status')).toHaveText('ok');
  await expect(code.locator('code.shiki')).toHaveCount(1);
  await expect(code.locator('code')).toHaveText('const first = 1;\nconst second = 2;\nconst third = 3;');
});

test('a 200 KB line wraps and renders without holding the page up', async ({ page }, testInfo) => {
  await page.goto(app.url);
  // JSON on one line: full of `_` and `*`, the kind of line that made Markdown parsing take seconds.
  const line = '{"a_b":[1,2,3],"c*d":"x_y*z"},'.repeat(6700);
  expect(line.length).toBeGreaterThan(200_000);
  fake.enqueue({ kind: 'text', text: `${line}\n\n\`\`\`json\n${line}\n\`\`\``, model: 'fast-model', deltas: 20 });
  await page.evaluate(() => {
    const state = window as unknown as { longestTaskMs: number };
    state.longestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longestTaskMs = Math.max(state.longestTaskMs, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await sendInChat(page, 'fake/fast-model', 'Dump it');
  const reply = page.getByRole('article', { name: 'Answer from fake/fast-model' }).last();
  await expect(reply.getByRole('status')).toHaveText('ok');
  await expect(reply.getByRole('figure', { name: 'json code' })).toBeVisible();
  // Wrapped: nothing is wider than the window.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const answerBox = await reply.boundingBox();
  expect(answerBox!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  // Generous against this shared machine: parsing the line as Markdown took 10 s.
  const longest = await page.evaluate(() => (window as unknown as { longestTaskMs: number }).longestTaskMs);
  expect(longest).toBeLessThan(2000);
  await snapshot(page, testInfo, 'chat-long-line');
});
