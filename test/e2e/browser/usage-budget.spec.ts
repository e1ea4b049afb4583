import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { sendInChat } from './chat-setup';
import { SwitchboardPage } from './pages';
import { accessibilityViolations } from './accessibility';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 1400 } });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
  await writeFile(
    join(app.home, 'config.json'),
    JSON.stringify({
      endpoints: [
        {
          id: 'fake',
          kind: 'openai-compatible',
          baseURL: `${fake.url}/v1`,
          models: ['cheap'],
          prices: { cheap: { input: 1, output: 2 } },
        },
      ],
    }),
  );
});
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

/** Fills and saves the Usage screen's budget form. */
async function setBudget(page: Page, options: { for: string; limit: string; warnFrom?: string; atLimit: string }) {
  const form = page.getByRole('form', { name: 'Set a budget' });
  await form.getByLabel('For').selectOption(options.for);
  await form.getByLabel('Monthly limit (USD)').fill(options.limit);
  await form.getByLabel('Warn from (% of the limit)').fill(options.warnFrom ?? '80');
  await form.getByLabel('At the limit').selectOption(options.atLimit);
  await form.getByRole('button', { name: 'Save budget' }).click();
  return form;
}

test('a budget warning is shown in Usage and in Chat, and a budget set to stop refuses the next call', async ({
  page,
}, testInfo) => {
  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  // $1 in and $2 out per million: 1,000 in and 500 out cost $0.002.
  fake.enqueue({ kind: 'text', text: 'Paid for.', model: 'cheap', usage: { inputTokens: 1000, outputTokens: 500 } });
  await sendInChat(page, 'fake/cheap', 'What does this cost?');
  await expect(page.getByRole('article', { name: 'Answer from fake/cheap' }).getByRole('status')).toHaveText('ok');

  await ui.open('Usage');
  const budgets = page.getByRole('region', { name: 'Budgets' });
  await expect(budgets.getByText('No budget yet: set one below.')).toBeVisible();
  // A wrong limit is explained beside the form, and nothing is saved.
  const form = await setBudget(page, { for: 'All endpoints together', limit: '0', atLimit: 'Warn, keep calling' });
  await expect(form.getByRole('alert')).toHaveText('Write the monthly limit in dollars, above 0 (e.g. 20).');
  await expect(form.getByLabel('Monthly limit (USD)')).toHaveAttribute('aria-invalid', 'true');

  // $0.002 of $0.0025 is 80%: past the warning at 50%.
  await setBudget(page, {
    for: 'All endpoints together',
    limit: '0.0025',
    warnFrom: '50',
    atLimit: 'Warn, keep calling',
  });
  await expect(form.getByRole('alert')).toHaveCount(0);
  const overall = budgets.getByRole('listitem', { name: 'Budget for all endpoints' });
  await expect(overall).toContainText('$0.002 of $0.0025 (80%)');
  await expect(overall).toContainText('near its limit');
  await expect(overall.getByRole('meter', { name: 'Spent of the budget for all endpoints' })).toBeVisible();
  const warning = 'The monthly budget for all endpoints is 80% spent: $0.002 of $0.0025 (80%).';
  await expect(page.getByRole('status', { name: 'Budgets' })).toHaveText(warning);
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'usage-budgets-light');

  // The same warning above Chat, with the way to Usage › Budgets.
  await ui.open('Chat');
  const notice = page.getByRole('status', { name: 'Budgets' });
  await expect(notice).toContainText(warning);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'chat-budget-warning-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'chat-budget-warning-dark');

  // A budget for the endpoint, set to stop, already spent: Chat says calls are stopped, and they are.
  await notice.getByRole('button', { name: 'Open Usage › Budgets' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Usage' })).toBeVisible();
  await setBudget(page, { for: 'Endpoint fake', limit: '0.001', atLimit: 'Stop new calls' });
  await expect(budgets.getByRole('listitem', { name: 'Budget for endpoint “fake”' })).toContainText('reached');
  await expect(page.getByRole('alert', { name: 'Budgets' })).toContainText('new calls to endpoint “fake” are stopped');
  expect(await accessibilityViolations(page)).toEqual([]);
  await budgets.scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'usage-budgets-dark');
  await ui.open('Chat');
  const stopped = page.getByRole('alert', { name: 'Budgets' });
  await expect(stopped).toContainText(
    /The monthly budget for endpoint “fake” \(\$0\.001\) is reached: new calls to endpoint “fake” are stopped until 1 \w+ \(UTC\)\. Raise it in Usage › Budgets\./,
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'chat-budget-stopped-dark');
  const requests = fake.requests.length;
  await sendInChat(page, null, 'One more?');
  const refused = page.getByRole('article', { name: /^Answer from fake\/cheap/ }).last();
  await expect(refused).toContainText(
    /The monthly budget for endpoint "fake" \(\$0\.001\) is reached \(\$0\.002 spent in \d{4}-\d{2}, UTC\); raise it in Usage › Budgets\./,
  );
  expect(fake.requests.length).toBe(requests);

  // Removing it lets calls through again; the overall warning stays, and can be dismissed in Chat.
  await ui.open('Usage');
  await budgets.getByRole('button', { name: 'Remove the budget for endpoint “fake”' }).click();
  await expect(budgets.getByRole('listitem')).toHaveCount(1);
  await ui.open('Chat');
  await expect(page.getByRole('alert', { name: 'Budgets' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Dismiss the budget warning' }).click();
  await expect(page.getByRole('status', { name: 'Budgets' })).toHaveCount(0);
});
