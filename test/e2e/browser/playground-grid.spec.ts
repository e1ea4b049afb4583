import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { pickModel } from './pages';
import { accessibilityViolations } from './accessibility';

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

async function addModel(page: Page, model: string) {
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Add a model to the Playground' });
  await dialog.getByRole('combobox').fill(model);
  await dialog
    .getByRole('option', { name: new RegExp(`^${model.replace('/', '\\/')}\\b`) })
    .first()
    .click();
  await expect(dialog).toBeHidden();
}

const cell = (page: Page, caseNumber: number, model: string) =>
  page.getByRole('group', { name: `Case ${caseNumber} on ${model}` });

test('a prompt with two variables and three cases runs across three models, one check fails, the run reopens after a reload and exports, an older version is restored, and the runs of two versions compare side by side', async ({
  page,
}, testInfo) => {
  // One long scenario with twelve axe scans and screenshots: more than a minute on a busy 2-core machine.
  test.slow();
  fake.setDefault({
    kind: 'text',
    text: 'The capital is here.',
    deltas: 3,
    usage: { inputTokens: 10, outputTokens: 5 },
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 2, name: 'Playground' })).toBeVisible();
  await expect(page.getByText('No run yet: pick models, add cases, then run them all.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Prompt name' }).fill('Capitals');
  await page.getByRole('textbox', { name: 'System part (optional)' }).fill('Answer as a {{tone}} guide.');
  await page.getByRole('textbox', { name: 'User part' }).fill('Name the capital of {{country}}.');
  await expect(page.getByRole('list', { name: 'Variables' }).getByRole('listitem')).toHaveText([
    '{{tone}}',
    '{{country}}',
  ]);
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('0.2');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  for (const model of models) await addModel(page, model);
  await expect(page.getByRole('list', { name: 'Models' }).getByRole('listitem')).toHaveText(
    models.map((model) => new RegExp(model)),
  );

  // Two cases typed in, the third pasted as CSV.
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.getByRole('textbox', { name: 'tone in case 1' }).fill('brief');
  await page.getByRole('textbox', { name: 'country in case 1' }).fill('Norway');
  await page.getByRole('textbox', { name: 'tone in case 2' }).fill('warm');
  await page.getByRole('textbox', { name: 'country in case 2' }).fill('Japan');
  await page.getByText('Paste rows (CSV or JSON)').click();
  await page.getByRole('textbox', { name: /^Rows to import/ }).fill('tone,country\nlong,Peru');
  await page.getByRole('button', { name: 'Import rows' }).click();
  await expect(page.getByRole('textbox', { name: 'country in case 3' })).toHaveValue('Peru');

  await page.getByRole('textbox', { name: 'Check text for case 1' }).fill('capital');
  await page.getByRole('button', { name: 'Add check to case 1' }).click();
  await page.getByRole('combobox', { name: 'New check for case 2' }).selectOption('not-contains');
  await page.getByRole('textbox', { name: 'Check text for case 2' }).fill('sorry');
  await page.getByRole('button', { name: 'Add check to case 2' }).click();
  await page.getByRole('textbox', { name: 'Check text for case 3' }).fill('Lima');
  await page.getByRole('button', { name: 'Add check to case 3' }).click();
  await expect(page.getByRole('list', { name: 'Checks of case 3' })).toHaveText(/contains “Lima”/);

  await page.getByRole('spinbutton', { name: 'At a time' }).fill('2');
  const before = fake.requests.length;
  await page.getByRole('button', { name: 'Run all cases' }).click();
  for (const model of models) {
    await expect(cell(page, 1, model).getByRole('status')).toHaveText('Passed');
    await expect(cell(page, 2, model).getByRole('status')).toHaveText('Passed');
    await expect(cell(page, 3, model).getByRole('status')).toHaveText('Failed');
    await expect(page.getByRole('group', { name: `Totals of ${model}` })).toContainText('Pass rate 67% (2 of 3)');
  }
  await expect(cell(page, 3, 'fake/fast-model')).toContainText('contains “Lima”: “Lima” is not in the answer');
  await expect(cell(page, 1, 'fake/fast-model')).toContainText('The capital is here.');
  await expect(page.getByRole('group', { name: 'Totals of fake/fast-model' })).toContainText('Total cost $0.000060');
  // No price for the others: their cost is unknown, not zero.
  await expect(page.getByRole('group', { name: 'Totals of fake/slow-model' })).toContainText('Total cost unknown');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version 1' })).toBeVisible();

  const sent = fake.requests.slice(before);
  expect(sent).toHaveLength(9);
  expect(sent.find((request) => JSON.stringify(request.body.messages).includes('Peru'))!.body).toMatchObject({
    temperature: 0.2,
    seed: 7,
    messages: [
      { role: 'system', content: 'Answer as a long guide.' },
      { role: 'user', content: 'Name the capital of Peru.' },
    ],
  });

  // The prompt at the top, then the grid, in both themes; every text meets WCAG AA in each.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('heading', { level: 2, name: 'Playground' }).scrollIntoViewIfNeeded();
    await snapshot(page, testInfo, `playground-prompt-${scheme}`);
    await page.getByRole('heading', { name: 'Run', exact: true }).evaluate((heading) => heading.scrollIntoView());
    await snapshot(page, testInfo, `playground-grid-${scheme}`);
  }

  // Re-run one cell: only it is asked again.
  const requests = fake.requests.length;
  fake.setDefault({ kind: 'text', text: 'Lima is the capital.', usage: { inputTokens: 10, outputTokens: 5 } });
  await cell(page, 3, 'fake/slow-model').getByRole('button', { name: 'Re-run Case 3 on fake/slow-model' }).click();
  await expect(cell(page, 3, 'fake/slow-model').getByRole('status')).toHaveText('Passed');
  expect(fake.requests.length).toBe(requests + 1);

  await page.reload();
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('textbox', { name: 'Prompt name' })).toHaveValue('Capitals');
  await expect(page.getByRole('textbox', { name: 'User part' })).toHaveValue('Name the capital of {{country}}.');
  await expect(page.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('0.2');
  await expect(page.getByRole('textbox', { name: 'country in case 3' })).toHaveValue('Peru');
  await expect(page.getByRole('caption')).toContainText('Run of version 1');
  for (const model of models) {
    await expect(cell(page, 1, model).getByRole('status')).toHaveText('Passed');
    await expect(cell(page, 2, model).getByRole('status')).toHaveText('Passed');
  }
  await expect(cell(page, 3, 'fake/fast-model').getByRole('status')).toHaveText('Failed');
  await expect(cell(page, 3, 'fake/slow-model').getByRole('status')).toHaveText('Passed');
  await expect(cell(page, 3, 'fake/slow-model')).toContainText('Lima is the capital.');
  await expect(page.getByRole('group', { name: 'Totals of fake/other-model' })).toContainText('Pass rate 67% (2 of 3)');

  // The reopened run goes on: a row (case 3 again on every model), then a column (every case again on one model).
  const cancelAll = page.getByRole('button', { name: 'Cancel all' });
  await page.getByRole('button', { name: 'Re-run case 3 on every model' }).click();
  await expect.poll(() => fake.requests.length).toBe(requests + 4);
  await expect(cancelAll).toBeDisabled();
  for (const model of models) await expect(cell(page, 3, model).getByRole('status')).toHaveText('Passed');
  await page.getByRole('button', { name: 'Re-run every case on fake/other-model' }).click();
  await expect.poll(() => fake.requests.length).toBe(requests + 7);
  await expect(cancelAll).toBeDisabled();
  for (const model of models) {
    await expect(page.getByRole('group', { name: `Totals of ${model}` })).toContainText('Pass rate 100% (3 of 3)');
  }
  await expect(cell(page, 1, 'fake/other-model')).toContainText('Lima is the capital.');

  // The run as it is now, exported.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export run as CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\n')).toHaveLength(11);
  expect(csv).toContain('3,long,Peru,fake/slow-model,ok,yes,Lima is the capital.');
  expect(csv).toContain('3,long,Peru,fake/fast-model,ok,yes,Lima is the capital.');
  expect(csv).toContain('1,brief,Norway,fake/fast-model,ok,yes,The capital is here.');

  // Every save is a version with its note; an older one opens in the editor and saving restores it as the newest.
  const saveStatus = page.getByRole('status').filter({ hasText: /version/ });
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('0.9');
  await page.getByRole('textbox', { name: 'Version note' }).fill('warmer');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(saveStatus).toHaveText('Saved as version 2');
  const versions = page.getByRole('list', { name: 'Saved versions' }).getByRole('listitem');
  await expect(versions).toHaveText([/^Version 2 · .* · warmer/, /^Version 1 · .* · Saved to run/]);
  await page.getByRole('button', { name: 'Open version 1' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('0.2');
  await expect(saveStatus).toHaveText('Showing version 1 (the newest is 2): save to restore it');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(saveStatus).toHaveText('Saved as version 3');
  await expect(versions.first()).toHaveText(/^Version 3 · .* · Restored from version 1/);

  // Two versions' outputs on the same cases, side by side.
  fake.setDefault({
    kind: 'text',
    text: 'Version three names the capital.',
    usage: { inputTokens: 10, outputTokens: 5 },
  });
  await page.getByRole('button', { name: 'Run all cases' }).click();
  await expect(page.getByRole('caption').last()).toContainText('Run of version 3');
  await expect(cancelAll).toBeDisabled();
  const compareWith = page.getByRole('combobox', { name: 'Compare with run' });
  const first = await compareWith.locator('option', { hasText: /^Version 1/ }).textContent();
  await compareWith.selectOption({ label: first! });
  await expect(page.getByRole('group', { name: 'Version 3: Case 1 on fake/fast-model' })).toContainText(
    'Version three names the capital.',
  );
  await expect(page.getByRole('group', { name: 'Version 1: Case 1 on fake/fast-model' })).toContainText(
    'The capital is here.',
  );
  expect(await accessibilityViolations(page)).toEqual([]);

  // Two versions' text as a line diff: version 2 (warmer) against version 3 (restored from 1).
  const diff = page.getByRole('list', { name: 'Changes from version 2 to version 3' });
  await expect(diff.getByRole('deletion')).toHaveText(['Removed: temperature: 0.9']);
  await expect(diff.getByRole('insertion')).toHaveText(['Added: temperature: 0.2']);
  await expect(diff.getByRole('listitem').filter({ hasText: 'Name the capital of {{country}}.' })).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Compare two versions' }).evaluate((heading) => heading.scrollIntoView());
    await snapshot(page, testInfo, `playground-version-diff-${scheme}`);
  }
  await page.getByRole('combobox', { name: 'Older version' }).selectOption({ label: 'Version 1 · Saved to run' });
  await expect(page.getByText('The two versions are the same.')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Changes from version 1 to version 3' }).getByRole('insertion'),
  ).toHaveCount(0);
  // Version 2 never ran: its outputs cannot be compared, and the page says why.
  await page.getByRole('combobox', { name: 'Older version' }).selectOption({ label: 'Version 2 · warmer' });
  await page.getByRole('button', { name: 'Compare outputs of versions 2 and 3' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Run both versions first' })).toBeVisible();
  // Versions 1 and 3 both ran: their newest runs open side by side.
  await compareWith.selectOption({ label: 'No comparison' });
  await expect(page.getByRole('group', { name: 'Version 1: Case 1 on fake/fast-model' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Older version' }).selectOption({ label: 'Version 1 · Saved to run' });
  await page.getByRole('button', { name: 'Compare outputs of versions 1 and 3' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Their newest runs are side by side' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Version 3: Case 2 on fake/other-model' })).toContainText(
    'Version three names the capital.',
  );
  await expect(page.getByRole('group', { name: 'Version 1: Case 2 on fake/other-model' })).toContainText(
    'Lima is the capital.',
  );
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Run', exact: true }).evaluate((heading) => heading.scrollIntoView());
    await snapshot(page, testInfo, `playground-version-outputs-${scheme}`);
  }
});

test('a check graded by a model shows the judge’s verdict, reason and cost; the prompt exports as JSON and imports back', async ({
  page,
}) => {
  await page.goto(app.url);
  await page.keyboard.press('Control+5');
  await page.getByRole('button', { name: 'New prompt' }).click();
  await page.getByRole('textbox', { name: 'Prompt name' }).fill('Judged');
  await page.getByRole('textbox', { name: 'User part' }).fill('Capital of {{country}}?');
  await addModel(page, 'fake/slow-model');
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.getByRole('textbox', { name: 'country in case 1' }).fill('Peru');
  await page.getByRole('combobox', { name: 'New check for case 1' }).selectOption('judge');
  await page.getByRole('button', { name: 'Add check to case 1' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write the judge model (endpoint-id/model or a route).');
  await pickModel(page, 'fake/fast-model', 'Judge model for case 1');
  await page.getByRole('textbox', { name: 'Check rubric for case 1' }).fill('Names the capital correctly.');
  await page.getByRole('button', { name: 'Add check to case 1' }).click();
  await expect(page.getByRole('list', { name: 'Checks of case 1' })).toHaveText(
    /graded by fake\/fast-model: Names the capital correctly\./,
  );

  fake.clearQueue();
  fake.enqueue(
    { kind: 'text', text: 'Lima.' },
    { kind: 'text', text: 'PASS It names Lima.', usage: { inputTokens: 40, outputTokens: 5 } },
  );
  await page.getByRole('button', { name: 'Run all cases' }).click();
  const judged = cell(page, 1, 'fake/slow-model');
  await expect(judged.getByRole('status')).toHaveText('Passed');
  await expect(judged.getByRole('list', { name: 'Checks of Case 1 on fake/slow-model' })).toHaveText(
    '✓ graded by fake/fast-model: Names the capital correctly.: It names Lima. (grading cost $0.000050)',
  );
  expect(await accessibilityViolations(page)).toEqual([]);

  // Exported as JSON with its cases and checks, and imported back as a prompt of its own.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export prompt as JSON' }).click(),
  ]);
  const file = await readFile((await download.path())!);
  expect(JSON.parse(file.toString('utf8'))).toMatchObject({
    format: 'switchboard-prompt',
    name: 'Judged',
    draft: { user: 'Capital of {{country}}?', modelIds: ['fake/slow-model'] },
    cases: [{ values: { country: 'Peru' }, checks: [{ kind: 'judge', modelId: 'fake/fast-model' }] }],
  });
  const importer = page.getByLabel('Import a prompt (JSON)');
  await importer.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') });
  await expect(page.getByRole('alert')).toHaveText(
    'That file is not a Switchboard prompt: pick one exported from the Playground.',
  );
  await page.getByRole('button', { name: 'New prompt' }).click();
  await importer.setInputFiles({ name: 'judged.json', mimeType: 'application/json', buffer: file });
  await expect(page.getByRole('textbox', { name: 'User part' })).toHaveValue('Capital of {{country}}?');
  await expect(page.getByRole('list', { name: 'Saved versions' }).getByRole('listitem')).toHaveText([
    /^Version 1 · .* · Imported/,
  ]);
  await expect(page.getByRole('list', { name: 'Checks of case 1' })).toHaveText(/graded by fake\/fast-model/);
  await expect(
    page.getByRole('combobox', { name: 'Saved prompt' }).getByRole('option', { name: /^Judged/ }),
  ).toHaveCount(2);
});

test('messages before the user part are added, reordered and sent in order; JSON output follows a schema that is checked, and both survive a reload and the JSON export', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await page.keyboard.press('Control+5');
  await page.getByRole('button', { name: 'New prompt' }).click();
  await page.getByRole('textbox', { name: 'Prompt name' }).fill('Cities as JSON');
  await page.getByRole('textbox', { name: 'System part (optional)' }).fill('You describe cities.');
  await page.getByRole('textbox', { name: 'User part' }).fill('Describe {{city}}.');

  // Three turns, the last one removed, then the assistant turn moved below the user turn.
  await page.getByRole('button', { name: 'Add assistant message' }).click();
  await page.getByRole('button', { name: 'Add user message' }).click();
  await page.getByRole('button', { name: 'Add user message' }).click();
  await page.getByRole('textbox', { name: 'Message 1 (Assistant)' }).fill('{"city": "Paris", "population": 2100000}');
  await page.getByRole('textbox', { name: 'Message 2 (User)' }).fill('Describe Paris, like {{city}}.');
  await page.getByRole('textbox', { name: 'Message 3 (User)' }).fill('Never sent');
  await page.getByRole('button', { name: 'Remove message 3' }).click();
  await page.getByRole('button', { name: 'Move message 2 up' }).click();
  await expect(page.getByRole('textbox', { name: 'Message 1 (User)' })).toHaveValue('Describe Paris, like {{city}}.');
  await expect(page.getByRole('textbox', { name: 'Message 2 (Assistant)' })).toHaveValue(
    '{"city": "Paris", "population": 2100000}',
  );
  await expect(page.getByRole('button', { name: 'Move message 2 down' })).toBeDisabled();
  await expect(page.getByRole('list', { name: 'Variables' }).getByRole('listitem')).toHaveText(['{{city}}']);

  // A malformed schema is refused beside its field: first as text that is not JSON, then one that cannot validate.
  await page.getByRole('checkbox', { name: 'JSON output' }).check();
  const schemaField = page.getByRole('textbox', { name: 'JSON schema (optional)' });
  await schemaField.fill('{"type": "object",');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(schemaField).toHaveAccessibleDescription(/^the schema is not JSON/);
  await schemaField.fill('{"type": "strnig"}');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(schemaField).toHaveAccessibleDescription('the JSON schema cannot be used: Unsupported type: strnig');
  const schema = {
    type: 'object',
    properties: { city: { type: 'string' }, population: { type: 'number' } },
    required: ['city', 'population'],
    additionalProperties: false,
  };
  await schemaField.fill(JSON.stringify(schema, null, 2));
  await expect(schemaField).not.toHaveAttribute('aria-invalid');

  await addModel(page, 'fake/fast-model');
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.getByRole('textbox', { name: 'city in case 1' }).fill('Oslo');
  await page.getByRole('textbox', { name: 'city in case 2' }).fill('Lima');
  for (const caseNumber of [1, 2]) {
    await page.getByRole('combobox', { name: `New check for case ${caseNumber}` }).selectOption('json');
    await page
      .getByRole('textbox', { name: `Check schema for case ${caseNumber} (optional)` })
      .fill(JSON.stringify(schema));
    await page.getByRole('button', { name: `Add check to case ${caseNumber}` }).click();
  }
  await expect(page.getByRole('list', { name: 'Checks of case 2' })).toHaveText(/is valid JSON matching its schema/);

  fake.clearQueue();
  fake.enqueue(
    { kind: 'text', text: '{"city": "Oslo", "population": 709000}' },
    { kind: 'text', text: '{"city": "Lima", "population": "ten million"}' },
  );
  await page.getByRole('spinbutton', { name: 'At a time' }).fill('1');
  const before = fake.requests.length;
  await page.getByRole('button', { name: 'Run all cases' }).click();
  await expect(cell(page, 1, 'fake/fast-model').getByRole('status')).toHaveText('Passed');
  await expect(cell(page, 2, 'fake/fast-model').getByRole('status')).toHaveText('Failed');
  await expect(cell(page, 2, 'fake/fast-model')).toContainText('the JSON does not match the schema (at population:');
  const sent = fake.requests.slice(before);
  expect(sent).toHaveLength(2);
  expect(sent[0]!.body.messages).toEqual([
    {
      role: 'system',
      content: 'You describe cities.\n\nAnswer with one valid JSON value only: no prose, no Markdown.',
    },
    { role: 'user', content: 'Describe Paris, like Oslo.' },
    { role: 'assistant', content: '{"city": "Paris", "population": 2100000}' },
    { role: 'user', content: 'Describe Oslo.' },
  ]);
  expect(sent[0]!.body.response_format).toEqual({
    type: 'json_schema',
    json_schema: { name: 'answer', schema, strict: true },
  });
  // The messages, the schema and the failed schema check, in both themes.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('heading', { level: 2, name: 'Playground' }).scrollIntoViewIfNeeded();
    await snapshot(page, testInfo, `playground-messages-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await page.reload();
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('textbox', { name: 'Prompt name' })).toHaveValue('Cities as JSON');
  await expect(page.getByRole('textbox', { name: 'Message 1 (User)' })).toHaveValue('Describe Paris, like {{city}}.');
  await expect(page.getByRole('textbox', { name: 'Message 2 (Assistant)' })).toHaveValue(
    '{"city": "Paris", "population": 2100000}',
  );
  await expect(page.getByRole('checkbox', { name: 'JSON output' })).toBeChecked();
  expect(JSON.parse(await page.getByRole('textbox', { name: 'JSON schema (optional)' }).inputValue())).toEqual(schema);
  await expect(cell(page, 2, 'fake/fast-model').getByRole('status')).toHaveText('Failed');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export prompt as JSON' }).click(),
  ]);
  expect(JSON.parse(await readFile((await download.path())!, 'utf8'))).toMatchObject({
    draft: {
      messages: [
        { role: 'user', content: 'Describe Paris, like {{city}}.' },
        { role: 'assistant', content: '{"city": "Paris", "population": 2100000}' },
      ],
      params: { json: true, jsonSchema: schema },
    },
    cases: [{ checks: [{ kind: 'json', schema }] }, { checks: [{ kind: 'json', schema }] }],
  });
});
