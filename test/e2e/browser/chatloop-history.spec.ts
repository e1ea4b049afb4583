import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { startApp } from './app-server';
import { addFakeEndpoint } from './chat-setup';
import { checkBothThemes, send } from './chatloop-setup';
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

/** A JSON export as another Switchboard wrote it: a long trip plan, one answer in the middle naming Rottnest. */
function tripExport(turns: number) {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();
  const messages = Array.from({ length: turns }, (_, turn) => [
    {
      id: `q${turn}`,
      parentId: turn === 0 ? null : `a${turn - 1}`,
      role: 'user',
      content: `Day ${turn + 1}: where next?`,
      model: null,
      status: null,
      createdAt: at(turn * 2),
      attachments: [],
      usage: null,
    },
    {
      id: `a${turn}`,
      parentId: `q${turn}`,
      role: 'assistant',
      content:
        turn === 15
          ? 'Take the ferry to Rottnest Island and meet the quokkas.'
          : `Day ${turn + 1}: walk along the coast and rest.`,
      model: 'fake/fast-model',
      status: 'ok',
      createdAt: at(turn * 2 + 1),
      attachments: [],
      usage: null,
    },
  ]).flat();
  return {
    format: 'switchboard.conversation',
    version: 1,
    exportedAt: at(100),
    conversation: {
      title: 'Western Australia trip',
      createdAt: at(0),
      updatedAt: at(turns * 2),
      modelId: 'fake/fast-model',
      settings: { system: 'Plan trips.' },
      isPinned: false,
    },
    messages,
    activeMessageId: `a${turns - 1}`,
  };
}

async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel('Import a conversation (JSON)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('a conversation found by search opens at the match; it is renamed, pinned, deleted with undo, exported and imported back', async ({
  page,
}, testInfo) => {
  await page.goto(app.url);
  await addFakeEndpoint(page, fake.url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Chat' }).click();
  const history = page.getByRole('navigation', { name: 'History' });
  await expect(history.getByText('No conversations yet: write a message to start one, or import one.')).toBeVisible();
  await pickModel(page, 'fake/fast-model');
  fake.enqueue({ kind: 'text', text: 'Rigatoni holds the sauce best.' });
  await send(page, 'Best pasta shape?');
  await expect(page.getByRole('article').last()).toContainText('Rigatoni');

  // A bad file is refused beside the button, and nothing is imported.
  await importFile(page, 'broken.json', '{"format": "switchboard.conversation", "version": 1');
  await expect(history.getByRole('alert')).toHaveText(
    /^That file is not a conversation exported from Switchboard as JSON: it is not JSON .*Nothing was imported/,
  );
  await importFile(page, 'other.json', JSON.stringify({ ...tripExport(1), format: 'someone.else' }));
  await expect(history.getByRole('alert')).toContainText('format: "format" is "switchboard.conversation"');
  await expect(history.getByRole('listitem')).toHaveCount(1);

  await importFile(page, 'trip.json', JSON.stringify(tripExport(30)));
  await expect(history.getByRole('alert')).toHaveCount(0);
  await expect(history.getByRole('button', { name: /^Western Australia trip/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  const transcript = page.getByRole('list', { name: 'Conversation' });
  await expect(transcript.getByText('Day 30: walk along the coast and rest.')).toBeInViewport();

  // Search: every message of every conversation; a result opens its conversation at the message.
  await page.getByRole('button', { name: 'New chat' }).click();
  await history.getByRole('searchbox', { name: 'Search messages' }).fill('quokka rott');
  const results = history.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.getByRole('button')).toContainText('Western Australia trip');
  await expect(results.locator('mark')).toHaveText(['Rottnest', 'quokkas']);
  await checkBothThemes(page, testInfo, 'history-search');
  await results.getByRole('button').click();
  const match = transcript.getByText('Take the ferry to Rottnest Island and meet the quokkas.');
  await expect(match).toBeInViewport();
  await expect(transcript.getByText('Day 30: walk along the coast and rest.')).not.toBeInViewport();
  // A result in the conversation already open is brought into view too.
  await history.getByRole('searchbox', { name: 'Search messages' }).fill('day 5 where');
  await expect(results.getByRole('button')).toHaveCount(1);
  await results.getByRole('button').click();
  await expect(transcript.getByText('Day 5: where next?')).toBeInViewport();
  await expect(match).not.toBeInViewport();
  await history.getByRole('searchbox', { name: 'Search messages' }).fill('zzzz');
  await expect(history.getByText('No message has “zzzz”. Try fewer or shorter words.')).toBeVisible();
  await history.getByRole('searchbox', { name: 'Search messages' }).fill('');

  // Rename and pin: pinned conversations come first.
  const header = page.getByRole('group', { name: 'This conversation' });
  await header.getByRole('button', { name: 'Rename' }).click();
  await header.getByRole('textbox', { name: 'Title' }).fill('Quokka trip');
  await header.getByRole('button', { name: 'Save title' }).click();
  await expect(header).toContainText('Quokka trip');
  await history.getByRole('button', { name: /^Best pasta shape\?/ }).click();
  await expect(header.getByRole('button', { name: 'Pin' })).toHaveAttribute('aria-pressed', 'false');
  await header.getByRole('button', { name: 'Pin' }).click();
  await expect(header.getByRole('button', { name: 'Pin' })).toHaveAttribute('aria-pressed', 'true');
  await expect(history.getByRole('button', { name: /^(Best pasta|Quokka)/ })).toHaveText([
    /^Best pasta shape\?Pinned · /,
    /^Quokka trip/,
  ]);
  await checkBothThemes(page, testInfo, 'history-pinned');

  // Export as Markdown and as JSON; the JSON imports back as a new conversation, whole.
  await history.getByRole('button', { name: /^Quokka trip/ }).click();
  const markdownDownload = page.waitForEvent('download');
  await header.getByRole('button', { name: 'Export as Markdown' }).click();
  const markdown = await markdownDownload;
  expect(markdown.suggestedFilename()).toBe('quokka-trip.md');
  const markdownText = await readFile(await markdown.path(), 'utf8');
  expect(markdownText).toMatch(/^# Quokka trip\n/);
  expect(markdownText).toContain('## You\n\nDay 16: where next?\n\n## fake/fast-model\n\n_ok_\n\nTake the ferry');
  const jsonDownload = page.waitForEvent('download');
  await header.getByRole('button', { name: 'Export as JSON' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe('quokka-trip.json');
  const exported = await readFile(await json.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({
    format: 'switchboard.conversation',
    conversation: { title: 'Quokka trip' },
  });
  expect(JSON.parse(exported).messages).toHaveLength(60);
  await importFile(page, 'quokka-trip.json', exported);
  await expect(history.getByRole('button', { name: /^Quokka trip/ })).toHaveCount(2);
  await expect(transcript.getByText('Day 30: walk along the coast and rest.')).toBeInViewport();

  // Delete with undo: gone at once, back with Undo; deleted for good when Undo is not used.
  await history.getByRole('button', { name: 'Delete conversation “Best pasta shape?”' }).click();
  await expect(history.getByRole('button', { name: /^Best pasta shape\?/ })).toHaveCount(0);
  const toast = history.getByRole('status');
  await expect(toast).toContainText('Deleted “Best pasta shape?”.');
  // Focused, it stays while it is looked at.
  await toast.getByRole('button', { name: 'Undo' }).focus();
  await checkBothThemes(page, testInfo, 'history-undo');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(history.getByRole('button', { name: /^Best pasta shape\?/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('article').last()).toContainText('Rigatoni');
  await history.getByRole('button', { name: 'Delete conversation “Best pasta shape?”' }).click();
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(history.getByRole('button', { name: /^Quokka trip/ })).toHaveCount(2);
  await expect(history.getByRole('button', { name: /^Best pasta shape\?/ })).toHaveCount(0);
  await history.getByRole('searchbox', { name: 'Search messages' }).fill('rigatoni');
  await expect(history.getByText('No message has “rigatoni”. Try fewer or shorter words.')).toBeVisible();
});
