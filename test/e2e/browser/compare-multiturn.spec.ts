// Compare as a group chat of models: follow-ups to every pane, each with its own context and settings; stop,
// regenerate and continue one pane; model sets and the open compare kept across a restart; at most 8 panes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider, type RecordedRequest } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { addFakeEndpoint } from './chat-setup';
import { pickModel, SwitchboardPage } from './pages';

test.describe.configure({ mode: 'serial' });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;
const models = ['alpha', 'beta', 'gamma', 'delta'];

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
});
test.beforeEach(() => fake.clearQueue());
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

const pane = (page: Page, number: number) => page.getByRole('group', { name: `Pane ${number}`, exact: true });
const prompt = (page: Page) => page.getByRole('textbox', { name: 'Prompt', exact: true });
const compareRegion = (page: Page) => page.getByRole('region', { name: 'Compare' });

/** Opens Compare once its kept setup is back, starting over when a compare is open. */
async function openFreshCompare(page: Page) {
  await new SwitchboardPage(page).open('Compare');
  await expect(compareRegion(page)).not.toHaveAttribute('aria-busy', 'true');
  const startOver = page.getByRole('button', { name: 'New compare' });
  if (await startOver.isVisible()) await startOver.click();
}

async function send(page: Page, text: string, button: 'Compare' | 'Send to all') {
  await prompt(page).fill(text);
  await compareRegion(page).getByRole('button', { name: button, exact: true }).click();
  await expect(prompt(page)).toHaveValue('');
}

/** Waits until every pane's last answer has ended, with the status it ended with. */
async function allAnswered(page: Page, paneCount: number, turns: number) {
  for (let number = 1; number <= paneCount; number += 1) {
    const answers = pane(page, number).getByRole('article');
    await expect(answers).toHaveCount(turns);
    await expect(answers.last().getByRole('status')).toHaveText('ok');
  }
}

/** The answers a pane shows, in order, as text. */
const answersOf = async (page: Page, number: number) =>
  (await pane(page, number).locator('article .answer-text').allInnerTexts()).map((text) => text.trim());

const messagesOf = (request: RecordedRequest) => request.body.messages as { role: string; content: string }[];

test('four panes, two follow-ups: each model gets only its own pane’s history and its own settings', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await addFakeEndpoint(page, fake.url, models.join(', '));
  await openFreshCompare(page);
  for (const [index, model] of models.entries()) {
    if (index >= 2) await page.getByRole('button', { name: 'Add model' }).click();
    await pickModel(page, `fake/${model}`, `Model ${index + 1}`);
  }
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('0.3');
  await page.getByRole('textbox', { name: 'System prompt (optional)' }).fill('Be brief.');
  // Pane 2 sets its own temperature and goes without the shared system prompt.
  await pane(page, 2).getByRole('button', { name: 'Settings for model 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings for model 2' });
  await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('0.9');
  await dialog.getByRole('checkbox', { name: /Its own system prompt/ }).check();
  await dialog.getByRole('button', { name: 'Save pane settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(pane(page, 2).getByText('temperature 0.9 · no system prompt')).toBeVisible();

  const before = fake.requests.length;
  let reply = 0;
  const enqueueTurn = () =>
    fake.enqueue(
      ...models.map(() => ({
        kind: 'text' as const,
        text: `Reply number ${++reply}.`,
        usage: { inputTokens: 10, outputTokens: 3 + reply },
      })),
    );
  enqueueTurn();
  await send(page, 'Name a colour.', 'Compare');
  await allAnswered(page, 4, 1);
  enqueueTurn();
  await send(page, 'Why that one?', 'Send to all');
  await allAnswered(page, 4, 2);
  enqueueTurn();
  await send(page, 'Say it again.', 'Send to all');
  await allAnswered(page, 4, 3);

  const sent = fake.requests.slice(before).filter((request) => request.path.endsWith('/chat/completions'));
  expect(sent).toHaveLength(12);
  const questions = ['Name a colour.', 'Why that one?', 'Say it again.'];
  for (const [index, model] of models.entries()) {
    const own = await answersOf(page, index + 1);
    expect(own).toHaveLength(3);
    const requests = sent.filter((request) => request.body.model === model);
    expect(requests).toHaveLength(3);
    for (const [turn, request] of requests.entries()) {
      const messages = messagesOf(request).filter((message) => message.role !== 'system');
      // Its own questions and its own earlier answers, nothing from the other panes.
      expect(messages).toEqual(
        questions
          .slice(0, turn + 1)
          .flatMap((question, at) => [
            { role: 'user', content: question },
            ...(at < turn ? [{ role: 'assistant', content: own[at] }] : []),
          ]),
      );
      expect(request.body.temperature).toBe(index === 1 ? 0.9 : 0.3);
      expect(messagesOf(request).some((message) => message.role === 'system')).toBe(index !== 1);
    }
  }

  // When all have finished, the summary names a winner of each measurement.
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByRole('term')).toHaveText(['Fastest first token', 'Fastest tokens/s', 'Longest answer']);
  await expect(summary.getByRole('definition').first()).toHaveText(/^fake\/(alpha|beta|gamma|delta) \d+ ms$/);

  // Laid out as a grid with one pane widened, every pane still fits on the screen.
  await page.getByRole('radio', { name: 'Grid' }).check();
  await pane(page, 1).getByRole('button', { name: 'Widen model 1' }).click();
  await expect(pane(page, 1).getByRole('button', { name: 'Widen model 1' })).toHaveAttribute('aria-pressed', 'true');
  const viewport = page.viewportSize()!;
  for (let number = 1; number <= 4; number += 1) {
    const box = (await pane(page, number).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
  }
  const wide = (await pane(page, 1).boundingBox())!;
  const narrow = (await pane(page, 2).boundingBox())!;
  expect(wide.width).toBeGreaterThan(narrow.width * 1.8);
  await pane(page, 1).getByRole('button', { name: 'Widen model 1' }).click();
  await page.getByRole('radio', { name: 'Columns' }).check();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
    expect(
      results.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id} ${node.target.join(' ')}`),
      ),
      `Compare in ${scheme}`,
    ).toEqual([]);
    await snapshot(page, testInfo, `compare-4-panes-${scheme}`);
  }
});

test('one pane is stopped and regenerated alone, then continued in Chat with its own conversation only', async ({
  page,
}) => {
  await page.goto(app.url);
  await openFreshCompare(page);
  // The four panes of the last compare are kept; two are enough here.
  while ((await page.getByRole('button', { name: /^Remove model/ }).count()) > 0) {
    await page
      .getByRole('button', { name: /^Remove model/ })
      .last()
      .click();
  }
  await pickModel(page, 'fake/alpha', 'Model 1');
  await pickModel(page, 'fake/beta', 'Model 2');
  const slow = { kind: 'text' as const, text: 'A slow answer in many small pieces.', deltas: 20, delayMs: 200 };
  fake.enqueue(slow, slow);
  await send(page, 'Take your time.', 'Compare');
  const first = pane(page, 1).getByRole('article').last();
  const second = pane(page, 2).getByRole('article').last();
  await expect(first.getByRole('status')).toHaveText('streaming…');
  await first.getByRole('button', { name: 'Stop' }).click();
  await expect(first.getByRole('status')).toHaveText('cancelled');
  // The other pane goes on.
  await expect(second.getByRole('status')).toHaveText('ok', { timeout: 15_000 });

  const before = fake.requests.length;
  fake.enqueue({ kind: 'text', text: 'A quick second try.' });
  await pane(page, 1).getByRole('button', { name: 'Regenerate model 1' }).click();
  await expect(pane(page, 1).getByRole('article')).toHaveCount(1);
  await expect(pane(page, 1).getByRole('article').getByRole('status')).toHaveText('ok');
  await expect(pane(page, 1).getByText('A quick second try.')).toBeVisible();
  await expect(second.getByText('A slow answer in many small pieces.')).toBeVisible();
  const regenerated = fake.requests.slice(before);
  expect(regenerated.map((request) => request.body.model)).toEqual(['alpha']);
  expect(messagesOf(regenerated[0]!).filter((message) => message.role !== 'system')).toEqual([
    { role: 'user', content: 'Take your time.' },
  ]);

  // Pane conversations stay out of History until one is continued.
  await new SwitchboardPage(page).open('Chat');
  const history = page.getByRole('navigation', { name: 'History' });
  await expect(history.getByText('Take your time.')).toHaveCount(0);
  await new SwitchboardPage(page).open('Compare');
  await pane(page, 2).getByRole('button', { name: 'Continue with this one' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Chat' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Answer from fake/beta' })).toContainText(
    'A slow answer in many small pieces.',
  );
  await expect(page.getByText('A quick second try.')).toHaveCount(0);
  await expect(history.getByText('Take your time.')).toHaveCount(1);
});

test('a saved model set and the open compare come back after a restart of browser mode', async ({ page }) => {
  await page.goto(app.url);
  await openFreshCompare(page);
  await pickModel(page, 'fake/gamma', 'Model 1');
  await pickModel(page, 'fake/delta', 'Model 2');
  await page.getByRole('button', { name: 'Add model' }).click();
  await pickModel(page, 'fake/alpha', 'Model 3');
  await pane(page, 3).getByRole('button', { name: 'Settings for model 3' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings for model 3' });
  await dialog.getByRole('spinbutton', { name: 'Top P' }).fill('0.5');
  await dialog.getByRole('button', { name: 'Save pane settings' }).click();
  await page.getByRole('radio', { name: 'Grid' }).check();
  await page.getByRole('textbox', { name: 'Model set name' }).fill('');
  await page.getByRole('button', { name: 'Save model set' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Name the model set.' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Model set name' }).fill('Trio');
  await page.getByRole('button', { name: 'Save model set' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Trio”.' })).toBeVisible();
  fake.enqueue(
    { kind: 'text', text: 'Gamma speaks.' },
    { kind: 'text', text: 'Delta speaks.' },
    { kind: 'text', text: 'Alpha speaks.' },
  );
  await send(page, 'Before the restart', 'Compare');
  await allAnswered(page, 3, 1);

  // A restart of `serve` on the same data folder: a new origin, so nothing comes from the page's own storage.
  await app.stop();
  app = await startApp(app.home);
  await page.goto(app.url);
  await new SwitchboardPage(page).open('Compare');
  await expect(compareRegion(page)).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('radio', { name: 'Grid' })).toBeChecked();
  await expect(pane(page, 3).getByRole('button', { name: /^Model 3\b/ })).toHaveText(/fake\/alpha/);
  await expect(pane(page, 3).getByText('top p 0.5')).toBeVisible();
  // The open compare is back with its replies and their measurements.
  for (let number = 1; number <= 3; number += 1) {
    await expect(pane(page, number).getByRole('article').getByRole('status')).toHaveText('ok');
    await expect(pane(page, number).getByRole('article').getByRole('definition').first()).toHaveText(/\d+ ms/);
  }
  await expect(pane(page, 1).getByText('Before the restart')).toBeVisible();

  // Change everything, then open the set: its panes and settings, with no conversations.
  await page.getByRole('button', { name: 'New compare' }).click();
  await page.getByRole('button', { name: 'Remove model 3' }).click();
  await page.getByRole('radio', { name: 'Columns' }).check();
  await expect(pane(page, 3)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Model set' }).selectOption({ label: 'Trio (3 models)' });
  await page.getByRole('button', { name: 'Open set' }).click();
  await expect(page.getByRole('radio', { name: 'Grid' })).toBeChecked();
  await expect(pane(page, 1).getByRole('button', { name: /^Model 1\b/ })).toHaveText(/fake\/gamma/);
  await expect(pane(page, 3).getByRole('button', { name: /^Model 3\b/ })).toHaveText(/fake\/alpha/);
  await expect(pane(page, 3).getByText('top p 0.5')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);

  // The past compare reopens with every reply.
  await page.getByRole('combobox', { name: 'Past compares' }).selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Open compare' }).click();
  await expect(page.getByRole('article')).toHaveCount(3);
  await expect(page.getByRole('article').getByText(/^(Gamma|Delta|Alpha) speaks\.$/)).toHaveCount(3);
});

test('Add model stops at 8 and says why, and eight panes fit on one screen', async ({ page }, testInfo) => {
  await page.goto(app.url);
  await openFreshCompare(page);
  const add = page.getByRole('button', { name: 'Add model' });
  while (await add.isEnabled()) await add.click();
  await expect(page.getByRole('group', { name: /^Pane \d$/ })).toHaveCount(8);
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription('8 models at most: remove one to add another.');
  await expect(page.getByText('8 models at most: remove one to add another.')).toBeVisible();
  // A ninth is never sent to the core, so its refusal is never shown raw.
  await expect(page.getByText(/Invalid compare|too_big|setup\.panes/)).toHaveCount(0);
  // Eight panes fit on one screen, in columns and in a grid.
  const viewport = page.viewportSize()!;
  for (const layout of ['Columns', 'Grid'] as const) {
    await page.getByRole('radio', { name: layout }).check();
    for (let number = 1; number <= 8; number += 1) {
      const box = (await pane(page, number).boundingBox())!;
      expect(box.y + box.height, `pane ${number} in ${layout}`).toBeLessThanOrEqual(viewport.height + 1);
      expect(box.x + box.width, `pane ${number} in ${layout}`).toBeLessThanOrEqual(viewport.width + 1);
    }
    await snapshot(page, testInfo, `compare-8-panes-${layout.toLowerCase()}`);
  }
  await page.getByRole('button', { name: 'Remove model 8' }).click();
  await expect(add).toBeEnabled();
});

test('a pane follows its streaming answer until the user scrolls up in it; the other panes keep following', async ({
  page,
}) => {
  await page.goto(app.url);
  await openFreshCompare(page);
  while ((await page.getByRole('button', { name: /^Remove model/ }).count()) > 0) {
    await page
      .getByRole('button', { name: /^Remove model/ })
      .last()
      .click();
  }
  await pickModel(page, 'fake/alpha', 'Model 1');
  await pickModel(page, 'fake/beta', 'Model 2');
  const long = {
    kind: 'text' as const,
    text: 'A paragraph of a long answer that keeps going for a while.\n\n'.repeat(80),
    deltas: 160,
    delayMs: 30,
  };
  fake.enqueue(long, long);
  await send(page, 'Go on at length.', 'Compare');
  const body = (number: number) => pane(page, number).getByRole('region', { name: `Conversation ${number}` });
  const toBottom = (number: number) =>
    body(number).evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight);
  // The answers grow past their panes and each pane shows its answer's end.
  await expect.poll(() => body(1).evaluate((box) => box.scrollTop), { timeout: 15_000 }).toBeGreaterThan(200);
  await body(1).hover();
  await page.mouse.wheel(0, -150);
  await expect.poll(() => toBottom(1)).toBeGreaterThan(100);
  for (const number of [1, 2]) {
    await expect(pane(page, number).getByRole('article').last().getByRole('status')).toHaveText('ok', {
      timeout: 20_000,
    });
  }
  // Pane 1 stayed where its reader left it while its answer went on; pane 2 followed to the end.
  expect(await toBottom(1)).toBeGreaterThan(500);
  expect(await toBottom(2)).toBeLessThanOrEqual(2);
});
