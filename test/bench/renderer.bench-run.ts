// Issue 14's renderer figures, in Debian Chromium on browser mode (`switchboard serve`, as built by npm run bench):
// 8 Compare panes streaming 2,000 tokens each from a fake provider on 127.0.0.1 (frame gaps, main-thread busy
// time, long tasks), and a 2,000-message conversation (open time, keystroke work).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { openStore } from '../../electron/store/open-store';
import { startFakeProvider } from '../fake-provider';
import { startServe } from '../integration/cli-process';
import { machineLine, writeMarkedSection, type ReportRow } from './marked-section';
import { record, round } from './measure';
import { readKeystrokes, startFrames, timeOpen, watchKeystrokes, type FrameFigures } from './renderer-probes';

const runs = Number(process.env.BENCH_RENDER_RUNS ?? 3);
const panes = 8;
const tokens = 2000;
/** The fake's pause between deltas: 8 panes at ~150 tokens/s each, a fast model's pace. */
const deltaMs = Number(process.env.BENCH_RENDER_DELTA_MS ?? 5);
const turns = 1000;
const profileFile = process.env.BENCH_RENDER_PROFILE;
const traceFile = process.env.BENCH_RENDER_TRACE;
const beforeDir = process.env.BENCH_RENDER_BEFORE_DIR;
const repoRoot = resolve(import.meta.dirname, '../..');

/** An answer in the Markdown models write: headings, lists, code, a table, inline and display math. */
function answer(): string {
  const parts: string[] = [];
  for (let part = 1; parts.join('').length < tokens * 4; part += 1) {
    parts.push(
      `## Part ${part}\n\nA paragraph with **bold**, _italic_, \`inline code\` and inline math $a_${part}^2 + b^2 = c^2$, ` +
        `which goes on for a while to read like prose, as an answer does when it explains step ${part}.\n\n` +
        `- a first point about ${part}\n- a second point with \`code\`\n- a third point\n\n` +
        `\`\`\`ts\nfunction part${part}(x: number): number {\n  return x * ${part} + 1;\n}\n\`\`\`\n\n` +
        `| model | tokens | cost (USD) |\n| --- | ---: | ---: |\n| a | ${part * 10} | 0.0${part} |\n| b | ${part * 20} | 0.1${part} |\n\n` +
        `$$\n\\sum_{k=1}^{${part}} k = \\frac{${part}(${part}+1)}{2}\n$$\n\n`,
    );
  }
  return parts.join('');
}

const conversationAnswer = (turn: number) =>
  turn % 10 === 0
    ? `Answer ${turn}, with code:\n\n\`\`\`ts\nconst turn: number = ${turn};\nconsole.log(turn * 2);\n\`\`\`\n\nAnd a closing line.`
    : `Answer ${turn}: ${'a sentence of some length, with **bold** and `code`, '.repeat(1 + (turn % 4))}done.`;

async function pick(page: Page, label: string, model: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}\\b`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').fill(model);
  await dialog
    .getByRole('option', { name: new RegExp(`^(Use “)?${model.replace('/', '\\/')}\\b`) })
    .first()
    .click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Runs one Compare of 8 models and measures the page until every pane has finished. */
async function streamPanes(page: Page): Promise<FrameFigures> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Compare' }).click();
  const screen = page.getByRole('region', { name: 'Compare' });
  await screen.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Explain it in parts.');
  // Compare's setup is kept across reloads: a later run starts a new compare on the panes already there.
  const newCompare = screen.getByRole('button', { name: 'New compare' });
  if (await newCompare.isVisible()) await newCompare.click();
  for (let index = 1; index <= panes; index += 1) {
    const isThere = (await screen.getByRole('group', { name: `Pane ${index}`, exact: true }).count()) > 0;
    if (!isThere) await screen.getByRole('button', { name: 'Add model' }).click();
    await pick(page, `Model ${index}`, `fake/m${index}`);
  }
  const cdp = await page.context().newCDPSession(page);
  // BENCH_RENDER_PROFILE=file.cpuprofile keeps a CPU profile of the run, for DevTools.
  if (profileFile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  // BENCH_RENDER_TRACE=file.json keeps a Chromium trace (layout, paint, each frame), for DevTools.
  if (traceFile)
    await page
      .context()
      .browser()!
      .startTracing(page, { categories: ['devtools.timeline', 'blink'] });
  const stop = await startFrames(page, cdp);
  await screen.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.waitForFunction(
    (count) => {
      const answers = document.querySelectorAll('[aria-label^="Answer "]');
      return (
        answers.length === count && Array.from(answers).every((answer) => answer.getAttribute('aria-busy') === 'false')
      );
    },
    panes,
    { timeout: 120_000, polling: 500 },
  );
  const figures = await stop();
  if (traceFile) await writeFile(traceFile, await page.context().browser()!.stopTracing());
  if (profileFile) await writeFile(profileFile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  await cdp.detach();
  // Every pane drew the whole answer: its last table and its code, highlighted.
  const texts = await page.getByRole('article', { name: /^Answer / }).allInnerTexts();
  expect(texts).toHaveLength(panes);
  return figures;
}

/** A data folder with the fake endpoint and a 2,000-message conversation, written before `serve` starts. */
async function prepareHome(fakeUrl: string): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'switchboard-renderer-bench-'));
  const models = Array.from({ length: panes }, (_, index) => `m${index + 1}`);
  await writeFile(
    join(home, 'config.json'),
    JSON.stringify({ endpoints: [{ id: 'fake', kind: 'openai-compatible', baseURL: `${fakeUrl}/v1`, models }] }),
  );
  const store = openStore(home);
  const { id } = store.createConversation({ title: 'A very long conversation', modelId: 'fake/m1' });
  let parentId: string | null = null;
  for (let turn = 1; turn <= turns; turn += 1) {
    parentId = store.addMessage({ conversationId: id, parentId, role: 'user', content: `Question ${turn}` }).id;
    parentId = store.addMessage({
      conversationId: id,
      parentId,
      role: 'assistant',
      content: conversationAnswer(turn),
      model: 'fake/m1',
      status: 'ok',
    }).id;
  }
  store.close();
  return home;
}

interface Keystrokes {
  p50: number;
  p95: number;
  slowest: number;
}

/** Opens the 2,000-message conversation in a fresh page, then types at its end. */
async function openAndType(page: Page, url: string): Promise<{ openMs: number; keystrokes: Keystrokes }> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Chat' }).click();
  const conversation = page
    .getByRole('navigation', { name: 'History' })
    .getByRole('button', { name: /^A very long conversation/ });
  await conversation.waitFor();
  const openMs = await timeOpen(conversation, `Answer ${turns},`);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.click();
  // Typing is measured once the view has finished drawing (code highlighted).
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
  await watchKeystrokes(page, composer);
  const typed = 'A question typed key by key at the end of 2,000 messages';
  await page.keyboard.type(typed, { delay: 15 });
  expect(await composer.inputValue()).toBe(typed);
  const { keystrokeMs } = await readKeystrokes(page);
  const sorted = [...keystrokeMs].sort((a, b) => a - b);
  expect(sorted.length).toBeGreaterThanOrEqual(typed.length);
  return {
    openMs,
    keystrokes: {
      p50: sorted[Math.floor(sorted.length / 2)]!,
      p95: sorted[Math.floor(sorted.length * 0.95)]!,
      slowest: sorted.at(-1)!,
    },
  };
}

interface BuildResults {
  streaming: FrameFigures[];
  openMs: number[];
  keystrokes: Keystrokes[];
}

function reportRows(results: BuildResults, before?: BuildResults): ReportRow[] {
  const row = (figure: string, read: (results: BuildResults) => number[], unit: string, target: string): ReportRow => ({
    figure,
    values: read(results),
    beforeValues: before && read(before),
    unit,
    target,
  });
  return [
    row('8 panes: longest frame gap', (r) => r.streaming.map((f) => f.longestGapMs), 'ms', '< 50 ms'),
    row('8 panes: frame gap p95', (r) => r.streaming.map((f) => f.p95GapMs), 'ms', ''),
    row('8 panes: frame gaps over 50 ms', (r) => r.streaming.map((f) => f.gapsOver50Ms), '', '0'),
    row('8 panes: main thread busy (CPU time)', (r) => r.streaming.map((f) => f.busyShare * 100), '%', '< 50%'),
    row('8 panes: frames drawn', (r) => r.streaming.map((f) => f.frames), '', ''),
    row('8 panes: frames dropped (60 Hz)', (r) => r.streaming.map((f) => f.droppedFrames), '', ''),
    row('8 panes: long tasks (> 50 ms)', (r) => r.streaming.map((f) => f.longTasks), '', ''),
    row('8 panes: longest task', (r) => r.streaming.map((f) => f.longestTaskMs), 'ms', ''),
    row(
      '8 panes: wall time, click on Compare to the last pane done',
      (r) => r.streaming.map((f) => f.wallMs),
      'ms',
      '',
    ),
    row('2,000 messages: open, click to the last answer drawn', (r) => r.openMs, 'ms', '< 500 ms'),
    row('2,000 messages: keystroke work, p50', (r) => r.keystrokes.map((k) => k.p50), 'ms', '< 16 ms'),
    row('2,000 messages: keystroke work, p95', (r) => r.keystrokes.map((k) => k.p95), 'ms', '< 16 ms'),
    row('2,000 messages: slowest keystroke', (r) => r.keystrokes.map((k) => k.slowest), 'ms', ''),
  ];
}

it('renderer: 8 panes streaming, a 2,000-message conversation', async () => {
  if (!existsSync(join(repoRoot, 'out/main/cli.js')))
    throw new Error('Build first: npm run bench builds the app (electron-vite build) before it runs.');
  const started = performance.now();
  const loadBefore = loadavg();
  const fake = await startFakeProvider();
  const text = answer();
  fake.setDefault({ kind: 'text', text, deltas: tokens, delayMs: deltaMs });
  await createKeytarKeychain().set('fake', 'sk-bench-render-0000');
  // BENCH_RENDER_BEFORE_DIR=<a built renderer folder> measures it too, run by run in turn with this build.
  const builds = [
    { name: 'this build', env: {} },
    ...(beforeDir ? [{ name: 'before', env: { SWITCHBOARD_RENDERER_DIR: beforeDir } }] : []),
  ].map((build) => ({ ...build, home: '', url: '', stop: async () => {} }));
  for (const build of builds) {
    build.home = await prepareHome(fake.url);
    const serve = await startServe(build.home, { env: build.env });
    build.url = serve.url;
    build.stop = serve.stop;
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const results: BuildResults[] = builds.map(() => ({ streaming: [], openMs: [], keystrokes: [] }));
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const [index, build] of builds.entries()) {
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(build.url);
        results[index]!.streaming.push(await streamPanes(page));
        await page.close();
      }
    }
    for (let run = 0; run < runs; run += 1) {
      for (const [index, build] of builds.entries()) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const { openMs, keystrokes } = await openAndType(page, build.url);
        results[index]!.openMs.push(openMs);
        results[index]!.keystrokes.push(keystrokes);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    for (const build of builds) {
      await build.stop();
      await rm(build.home, { recursive: true, force: true });
    }
    await fake.close();
  }

  const rows = reportRows(results[0]!, results[1]);
  for (const row of rows) {
    for (const [name, values] of [
      ['', row.values],
      ['before: ', row.beforeValues],
    ] as const) {
      if (!values) continue;
      const sorted = [...values].sort((a, b) => a - b);
      record({
        name: `renderer: ${name}${row.figure}${row.unit ? ` (${row.unit})` : ''}`,
        runs: values.length,
        medianMs: round(sorted[Math.floor(sorted.length / 2)]!),
        p95Ms: round(sorted.at(-1)!),
        extra: { lowest: round(sorted[0]!), highest: round(sorted.at(-1)!), target: row.target },
      });
    }
  }
  writeMarkedSection(
    'renderer-bench',
    'The renderer: 8 panes streaming, a 2,000-message conversation',
    [
      `Last run: ${new Date().toISOString()}, ${Math.round((performance.now() - started) / 1000)} s. ${machineLine(loadBefore)}`,
      `Runs: ${runs}${builds.length > 1 ? `, each build in turn (before: ${beforeDir})` : ''}. Each Compare run streams ${tokens.toLocaleString('en')} deltas (~${text.length.toLocaleString('en')} characters of Markdown with code, tables and math) to each of ${panes} panes, ${deltaMs} ms apart at the fake provider, in a 1600×1000 page; frames are rAF timestamps, long tasks from PerformanceObserver, busy time is the renderer main thread's CPU time (CDP TaskDuration) over the wall time from the click on Compare to the last pane done. Keystroke work is the time from the key event to the end of its handlers, React's commit and the field's layout; the paint after it is not included.`,
      '`p95Ms` in test-reports/bench.json holds the highest run for these figures.',
    ],
    rows,
  );
  expect(results.every((result) => result.streaming.every((figures) => figures.frames > 0))).toBe(true);
});
