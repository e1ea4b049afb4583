// Compare's blind mode: panes shuffled as Answer A, B, … with every sign of their model hidden through follow-ups
// until one vote on the latest round, then named; the votes build a leaderboard kept in the history.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { SwitchboardPage } from './pages';
import { accessibilityViolations } from './accessibility';

// The second test reads the leaderboard the first one left empty.
test.describe.configure({ mode: 'serial' });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;
const models = ['fake/fast-model', 'fake/slow-model', 'fake/other-model'];

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
  const config = {
    endpoints: [
      {
        id: 'fake',
        kind: 'openai-compatible',
        baseURL: `${fake.url}/v1`,
        models: ['fast-model', 'slow-model', 'other-model'],
        prices: { 'fast-model': { input: 1, output: 2 } },
      },
    ],
  };
  await writeFile(join(app.home, 'config.json'), JSON.stringify(config, null, 2));
});
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

const compareRegion = (page: Page) => page.getByRole('region', { name: 'Compare' });

async function openLeaderboard(page: Page) {
  await compareRegion(page).getByRole('button', { name: 'Leaderboard' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leaderboard' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A model's row of the leaderboard: rank, rating, win rate, votes, won, tied, lost (the model is its header). */
const leaderboardRow = (page: Page, model: string) =>
  page
    .getByRole('dialog', { name: 'Leaderboard' })
    .getByRole('table', { name: 'Models by rating' })
    .getByRole('row', { name: new RegExp(model.replace('/', '\\/')) });

const answerPane = (page: Page, letter: string) => page.getByRole('group', { name: `Answer ${letter}`, exact: true });

/** Waits until each lettered pane has `turns` answers, the last one finished. */
async function waitForAnswers(page: Page, letters: string[], turns = 1) {
  for (const letter of letters) {
    const answers = answerPane(page, letter).getByRole('article');
    await expect(answers).toHaveCount(turns);
    await expect(answers.last().getByRole('status')).toHaveText('ok');
  }
}

/** Nothing in Compare names a model: not the panes, their costs and measurements, the summary, nor a model button. */
async function expectNoNames(page: Page, letters: string[]) {
  for (const model of models) await expect(compareRegion(page)).not.toContainText(model);
  for (const letter of letters) {
    await expect(answerPane(page, letter).getByRole('definition')).toHaveCount(0);
    await expect(answerPane(page, letter).getByRole('button', { name: /^Model \d/ })).toHaveCount(0);
    await expect(answerPane(page, letter).getByRole('button', { name: /^Settings/ })).toHaveCount(0);
    await expect(answerPane(page, letter).getByRole('button', { name: 'Continue with this one' })).toHaveCount(0);
  }
  await expect(page.getByRole('region', { name: 'Summary' })).toHaveCount(0);
  await expect(compareRegion(page).getByRole('button', { name: 'Add model' })).toBeDisabled();
}

async function sendFollowUp(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(text);
  await compareRegion(page).getByRole('button', { name: 'Send to all', exact: true }).click();
}

test('a blind compare hides the models through a follow-up until the vote, then names them, and the votes rank them on a leaderboard that survives a reload', async ({
  page,
}, testInfo) => {
  fake.setDefault({ kind: 'text', text: 'Paris is the capital of France.', deltas: 3 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  const ui = new SwitchboardPage(page);
  await ui.open('Compare');

  let dialog = await openLeaderboard(page);
  await expect(dialog.getByText(/^No votes yet\. Turn on Blind mode in Compare/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await compareRegion(page).getByRole('checkbox', { name: 'Blind mode' }).check();
  await ui.compare('What is the capital of France?', models.slice(0, 2));
  await waitForAnswers(page, ['A', 'B']);
  await expect(answerPane(page, 'C')).toHaveCount(0);
  await expectNoNames(page, ['A', 'B']);
  // Nor does the model picker's shortcut open on a blind compare.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const vote = page.getByRole('group', { name: 'Your vote' });
  await expect(vote.getByRole('button')).toHaveText(['A is better', 'B is better', 'Tie', 'Both bad']);

  // A follow-up without voting: still blind, and the vote is on the latest answers.
  await sendFollowUp(page, 'And its population?');
  await waitForAnswers(page, ['A', 'B'], 2);
  await expectNoNames(page, ['A', 'B']);
  await expect(page.getByRole('region', { name: 'Blind vote' })).toContainText('to question 2');
  await snapshot(page, testInfo, 'compare-blind-light');
  await vote.getByRole('button', { name: 'A is better' }).click();

  const picked = page.getByRole('region', { name: 'Blind vote' }).getByRole('status');
  await expect(picked).toHaveText(/^You picked Answer A \(fake\/(fast|slow)-model\)\. Kept on the leaderboard\.$/);
  const winner = /\((fake\/[a-z-]+)\)/.exec((await picked.textContent()) ?? '')![1]!;
  const loser = models.slice(0, 2).find((model) => model !== winner)!;
  // Named now: each pane's model, its answers' measurements, the summary, and the list under them.
  await expect(answerPane(page, 'A').getByRole('button', { name: /^Model \d/ })).toContainText(winner);
  await expect(answerPane(page, 'B').getByRole('button', { name: /^Model \d/ })).toContainText(loser);
  await expect(answerPane(page, 'A').getByRole('definition').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Who wrote which answer' }).getByRole('listitem')).toHaveText([
    `Answer A: ${winner}`,
    `Answer B: ${loser}`,
  ]);
  await expect(vote).toHaveCount(0);

  // A follow-up after the vote keeps the names shown and asks for no second vote.
  await sendFollowUp(page, 'And its rivers?');
  await waitForAnswers(page, ['A', 'B'], 3);
  await expect(answerPane(page, 'A')).toContainText(winner);
  await expect(vote).toHaveCount(0);

  dialog = await openLeaderboard(page);
  const rows = dialog.getByRole('table', { name: 'Models by rating' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(winner);
  await expect(leaderboardRow(page, winner).getByRole('cell')).toHaveText([
    '1',
    /^1\d\d\d$/,
    '100%',
    '1',
    '1',
    '0',
    '0',
  ]);
  await expect(leaderboardRow(page, loser).getByRole('cell')).toHaveText(['2', /^\d{3}$/, '0%', '1', '0', '0', '1']);
  await expect(dialog.getByText('1 vote in all.')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page), `the leaderboard in ${scheme}`).toEqual([]);
    await snapshot(page, testInfo, `compare-leaderboard-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A second, three-way compare, still blind after a reload, called a tie: the winner keeps first place.
  await ui.compare('And of Italy?', models);
  await waitForAnswers(page, ['A', 'B', 'C']);
  await page.reload();
  await ui.open('Compare');
  await waitForAnswers(page, ['A', 'B', 'C']);
  await expectNoNames(page, ['A', 'B', 'C']);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page), `a blind compare in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(vote.getByRole('button')).toHaveText([
    'A is the best',
    'B is the best',
    'C is the best',
    'Tie',
    'All bad',
  ]);
  await vote.getByRole('button', { name: 'Tie' }).click();
  await expect(page.getByRole('region', { name: 'Blind vote' }).getByRole('status')).toHaveText(
    'You called it a tie. Kept on the leaderboard.',
  );
  await expect(page.getByRole('list', { name: 'Who wrote which answer' }).getByRole('listitem')).toHaveCount(3);

  const expectSecondBoard = async () => {
    const board = await openLeaderboard(page);
    await expect(board.getByRole('table', { name: 'Models by rating' }).getByRole('row').nth(1)).toContainText(winner);
    await expect(leaderboardRow(page, winner).getByRole('cell')).toHaveText(['1', /^\d+$/, '75%', '2', '1', '1', '0']);
    await expect(leaderboardRow(page, 'fake/other-model').getByRole('cell')).toHaveText([
      '2',
      /^\d+$/,
      '50%',
      '1',
      '0',
      '1',
      '0',
    ]);
    await expect(leaderboardRow(page, loser).getByRole('cell')).toHaveText(['3', /^\d+$/, '25%', '2', '0', '1', '1']);
    await expect(board.getByText('2 votes in all.')).toBeVisible();
    return board;
  };
  await (await expectSecondBoard()).getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await ui.open('Compare');
  await expect(compareRegion(page).getByRole('checkbox', { name: 'Blind mode' })).toBeChecked();
  // Voted on: reopened, the compare shows its names.
  await expect(compareRegion(page)).toContainText(winner);
  dialog = await expectSecondBoard();

  // Reset asks first; then the leaderboard is empty again.
  await dialog.getByRole('button', { name: 'Reset leaderboard' }).click();
  const confirm = dialog.getByRole('group', { name: 'Reset the leaderboard' });
  await expect(confirm).toContainText('Delete all 2 votes? This cannot be undone.');
  await confirm.getByRole('button', { name: 'Delete every vote' }).click();
  await expect(dialog.getByText(/^No votes yet\./)).toBeVisible();
});

test('a blind compare can show its names without a vote, which then counts nothing', async ({ page }) => {
  fake.setDefault({ kind: 'text', text: 'Rome.', deltas: 2 });
  await page.goto(app.url);
  const ui = new SwitchboardPage(page);
  await ui.open('Compare');
  await compareRegion(page).getByRole('checkbox', { name: 'Blind mode' }).check();
  await ui.compare('Capital of Italy?', models.slice(1, 3));
  await waitForAnswers(page, ['A', 'B']);
  await expectNoNames(page, ['A', 'B']);
  await page.getByRole('button', { name: 'Show names without voting' }).click();
  await expect(page.getByRole('group', { name: 'Your vote' })).toHaveCount(0);
  await expect(compareRegion(page)).toContainText(models[1]!);
  await expect(compareRegion(page)).toContainText(models[2]!);
  const dialog = await openLeaderboard(page);
  await expect(dialog.getByText(/^No votes yet\./)).toBeVisible();
});
