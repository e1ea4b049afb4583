import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { deadPort, startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { sendInChat } from './chat-setup';
import { SwitchboardPage } from './pages';
import { accessibilityViolations } from './accessibility';

// One user's history: the review test reads the calls the setup made.
test.describe.configure({ mode: 'serial' });
// Tall enough for the whole screen in one screenshot (the app scrolls inside its main area).
test.use({ viewport: { width: 1280, height: 2400 } });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;
const key = 'sk-usage-review-secret-4321';

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
  // Priced per million tokens, so the calls have costs to chart.
  const prices = { cheap: { input: 1, output: 2 }, dear: { input: 30, output: 60 } };
  await writeFile(
    join(app.home, 'config.json'),
    JSON.stringify({
      endpoints: [
        { id: 'fake', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, prices, models: ['cheap', 'dear'] },
        { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
      ],
      routes: {
        safe: { targets: ['dead/cheap', 'fake/dear'] },
        kept: { targets: ['fake/cheap'], cache: { ttlSeconds: 600 } },
      },
    }),
  );
});
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

/** A call through the local API, as another tool makes it. */
async function apiCall(model: string, content: string) {
  const response = await fetch(`${app.apiBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  await response.text();
}

const totals = (page: Page) => page.getByRole('status').filter({ hasText: /priced call/ });

test('usage is filtered, charted and exported as CSV, and a call opens its routing log', async ({ page }, testInfo) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  await ui.open('Settings');
  await ui.setKey('fake', key);

  // Six calls: two from the app, four through the local API (a failover, a kept answer and its replay, an error).
  fake.enqueue({
    kind: 'text',
    text: 'Cheap answer.',
    model: 'cheap',
    usage: { inputTokens: 1000, outputTokens: 500 },
  });
  await sendInChat(page, 'fake/cheap', 'Hello');
  await expect(page.getByRole('article', { name: 'Answer from fake/cheap' }).getByRole('status')).toHaveText('ok');
  fake.enqueue({ kind: 'text', text: 'Dear answer.', model: 'dear', usage: { inputTokens: 1000, outputTokens: 500 } });
  await sendInChat(page, 'fake/dear', 'Hello again');
  await expect(page.getByRole('article', { name: 'Answer from fake/dear' }).getByRole('status')).toHaveText('ok');
  fake.enqueue({ kind: 'text', text: 'Safe.', model: 'dear', usage: { inputTokens: 100, outputTokens: 100 } });
  await apiCall('safe', 'fail over');
  fake.enqueue({ kind: 'text', text: 'Kept.', model: 'cheap', usage: { inputTokens: 2000, outputTokens: 1000 } });
  await apiCall('kept', 'keep this');
  await apiCall('kept', 'keep this');
  // A provider that echoes the key back in its error: the history and the export hold it redacted.
  fake.enqueue({ kind: 'http-error', status: 400, body: { error: { message: `Bad key ${key} given` } } });
  await apiCall('fake/cheap', 'refused');

  await ui.open('Usage');
  // Priced per million tokens: $0.002 + $0.06 from the app, $0.009 (the failover) + $0.004 (kept) through the API.
  await expect(totals(page)).toHaveText('6 calls: $0.0750 for 5 priced calls');
  const sums = page.getByLabel('Totals', { exact: true }).getByRole('definition');
  await expect(sums).toHaveText([
    '6',
    '4,100 in · 2,100 out',
    '$0.0750',
    '1',
    '1 call needed more than one attempt',
    '$0.004000 over 1 replay',
  ]);

  // The charts, each named and described, with its numbers as a table.
  const cost = page.getByRole('figure', { name: 'Cost per day by model' });
  await expect(cost).toHaveAccessibleDescription(
    /^\$0\.0750 over 1 day; the costliest day was \d{4}-\d{2}-\d{2} \(\$0\.0750\); the most was spent on fake\/dear \(\$0\.0690\)\.$/,
  );
  await expect(cost.locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await cost.getByText('Cost per day by model: the numbers').click();
  await expect(cost.getByRole('table', { name: 'Cost per day by model' }).getByRole('columnheader')).toHaveText([
    'Day (UTC)',
    'fake/dear',
    'fake/cheap',
  ]);
  const latency = page.getByRole('figure', { name: 'Time to first token by model' });
  await expect(latency).toHaveAccessibleDescription(
    /^Fastest: fake\/\w+, median \d+ ms, p95 \d+ ms; slowest: fake\/\w+/,
  );
  await latency.getByText('Time to first token by model: the numbers').click();
  await expect(latency.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('figure', { name: 'Calls and failovers per day' })).toHaveAccessibleDescription(
    /^6 calls over 1 day, 1 call with a failover; the busiest day was/,
  );

  // Light and dark, every text meets WCAG AA and every control has a name.
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'usage-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'usage-dark');

  // Filters: every total follows them.
  const filters = page.getByRole('search', { name: 'Filter calls' });
  await filters.getByLabel('Source').selectOption('Local API');
  await expect(totals(page)).toHaveText('4 calls: $0.0130 for 3 priced calls');
  await filters.getByLabel('Route').selectOption('kept');
  await expect(totals(page)).toHaveText('2 calls: $0.004000 for 2 priced calls');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Status').selectOption('error');
  await expect(totals(page)).toHaveText('1 call: $0.00 for 0 priced calls');
  await filters.getByLabel('Status').selectOption('Any status');
  await filters.getByLabel('Endpoint').selectOption('fake');
  await filters.getByLabel('Model').selectOption('fake/dear');
  await expect(totals(page)).toHaveText('2 calls: $0.0690 for 2 priced calls');
  const today = new Date().toISOString().slice(0, 10);
  await filters.getByLabel('From').fill(today);
  await filters.getByLabel('To').fill(today);
  await expect(totals(page)).toHaveText('2 calls: $0.0690 for 2 priced calls');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await filters.getByLabel('From').fill(tomorrow);
  await filters.getByLabel('To').fill(tomorrow);
  await expect(totals(page)).toHaveText('0 calls: $0.00 for 0 priced calls');
  await expect(page.getByText('No calls match. Change the filters above')).toBeVisible();
  // Days the wrong way round are pointed out beside the dates.
  await filters.getByLabel('To').fill(today);
  await expect(filters.getByRole('alert')).toHaveText(
    'From is after To, so no day matches: pick a From on or before the To.',
  );
  await expect(filters.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
  await filters.getByRole('button', { name: 'All time' }).click();

  // The export holds every matching call, as a file saved by the browser.
  await filters.getByLabel('Model').selectOption('Any model');
  await filters.getByLabel('Endpoint').selectOption('Any endpoint');
  await filters.getByLabel('Source').selectOption('Local API');
  await expect(totals(page)).toHaveText('4 calls: $0.0130 for 3 priced calls');
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(/^switchboard-usage-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe(
    'time,source,status,model,target,input_tokens,output_tokens,cached_tokens,reasoning_tokens,ttft_ms,total_ms,tokens_per_s,cost_usd,cost_source,saved_usd,attempts,error,id',
  );
  expect(lines).toHaveLength(5);
  expect(lines.slice(1).every((line) => line.split(',')[1] === 'api')).toBe(true);
  expect(lines.find((line) => line.includes(',safe,'))).toMatch(/,api,ok,safe,fake\/dear,100,100,/);
  expect(lines.find((line) => line.includes(',cache,'))).toMatch(/,0\.000000,cache,0\.004000,0,,/);
  expect(lines.find((line) => line.includes(',api,error,'))).toContain('[redacted key]');
  expect(csv).not.toContain(key);
  await expect(page.getByRole('group', { name: 'Export the matching calls' }).getByRole('status')).toHaveText(
    /^Saved switchboard-usage-.*\.csv\.$/,
  );

  // A call's routing log: every attempt, its error and its time.
  const calls = page.getByRole('table', { name: 'Recent calls' });
  await calls
    .getByRole('row')
    .filter({ hasText: 'safe' })
    .getByRole('button', { name: /^Routing log: safe at/ })
    .click();
  const log = page.getByRole('dialog', { name: 'Routing log' });
  await expect(log).toHaveAccessibleDescription(
    /^safe from the local API \(Chat Completions, pass-through\), started .*: ok, served by fake\/dear\.$/,
  );
  const attempts = log.getByRole('list', { name: 'Attempts' }).getByRole('listitem');
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText('dead/cheap');
  await expect(attempts.nth(0)).toContainText(/NETWORK: .*refused/);
  await expect(attempts.nth(0)).toContainText(/at \+\d+ ms, took \d+ ms/);
  await expect(attempts.nth(1)).toContainText('fake/dear');
  await expect(attempts.nth(1)).toContainText('Served the answer');
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'routing-log-dark');
  await page.keyboard.press('Escape');
  await expect(log).toBeHidden();
  await page.emulateMedia({ colorScheme: 'light' });
  await calls
    .getByRole('row')
    .filter({ hasText: '(from cache)' })
    .getByRole('button', { name: /^Routing log/ })
    .click();
  await expect(log.getByText("Replayed from the route's cache: no provider was called.")).toBeVisible();
  await expect(log).toHaveAccessibleDescription(
    /^kept from the local API \(Chat Completions, replayed from the cache\)/,
  );
  await expect(log.getByText('$0.00; saved $0.004000, what the kept answer cost')).toBeVisible();
  await snapshot(page, testInfo, 'routing-log-light');
  await log.getByRole('button', { name: 'Close' }).click();
});
