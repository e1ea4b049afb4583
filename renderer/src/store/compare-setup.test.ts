import { describe, expect, it } from 'vitest';
import type { CompareSessionDetail, PathMessage } from '../../../shared/contract';
import {
  emptyCompare,
  fillPanes,
  fromSetup,
  overridesSummary,
  sharedSettings,
  toSetup,
  wideAfterRemoving,
} from './compare-setup';

const message = (id: string, role: PathMessage['role'], content: string): PathMessage => ({
  id,
  role,
  content,
  model: role === 'assistant' ? 'a/m' : null,
  status: role === 'assistant' ? 'ok' : null,
  createdAt: '2026-11-26T10:00:00.000Z',
  parentId: null,
  versionIds: [id],
  usage: null,
  attachments: [],
});

describe('the Compare setup', () => {
  it('keeps panes, shared settings typed right, overrides, layout and conversations, and reads them back', () => {
    const compare = {
      ...emptyCompare(),
      shared: { system: 'Be brief.', temperature: '0.4', maxOutputTokens: 'lots', topP: '', seed: '' },
      layout: 'grid' as const,
      widePane: 1,
    };
    compare.panes = [
      { ...compare.panes[0]!, modelId: 'a/m', conversationId: 'c1' },
      { ...compare.panes[1]!, modelId: 'b/m', overrides: { temperature: 1.5, system: '' } },
    ];
    const setup = toSetup(compare);
    // A field typed wrong is left out (the form says so beside it), the others are kept.
    expect(setup).toEqual({
      shared: { system: 'Be brief.', temperature: 0.4 },
      panes: [
        { modelId: 'a/m', overrides: {}, conversationId: 'c1' },
        { modelId: 'b/m', overrides: { temperature: 1.5, system: '' } },
      ],
      layout: 'grid',
      widePane: 1,
    });
    const back = fromSetup(setup);
    expect(
      back.panes.map(({ modelId, overrides, conversationId }) => ({ modelId, overrides, conversationId })),
    ).toEqual([
      { modelId: 'a/m', overrides: {}, conversationId: 'c1' },
      { modelId: 'b/m', overrides: { temperature: 1.5, system: '' }, conversationId: undefined },
    ]);
    expect(back.shared.temperature).toBe('0.4');
    expect(new Set(back.panes.map((pane) => pane.key)).size).toBe(2);
    expect(sharedSettings({ system: '', temperature: '3', maxOutputTokens: '64', topP: '', seed: '' })).toEqual({
      maxOutputTokens: 64,
    });
  });

  it('opens with two panes at least and a wide pane only where there is one', () => {
    const opened = fromSetup({
      shared: {},
      panes: [{ modelId: 'a/m', overrides: {} }],
      layout: 'columns',
      widePane: 5,
    });
    expect(opened.panes.map((pane) => pane.modelId)).toEqual(['a/m', '']);
    expect(opened.widePane).toBeNull();
    expect(wideAfterRemoving(2, 0)).toBe(1);
    expect(wideAfterRemoving(2, 2)).toBeNull();
    expect(wideAfterRemoving(0, 3)).toBe(0);
    expect(overridesSummary({ temperature: 0.9, system: '' })).toBe('temperature 0.9 · no system prompt');
  });

  it('fills each pane with its own conversation of a reopened session, and empties a pane whose is gone', () => {
    const { panes } = fromSetup({
      shared: {},
      panes: [
        { modelId: 'a/m', overrides: {}, conversationId: 'c1' },
        { modelId: 'b/m', overrides: {}, conversationId: 'gone' },
      ],
      layout: 'columns',
      widePane: null,
    });
    const detail: CompareSessionDetail = {
      id: 's',
      title: 'Hi',
      setup: { shared: {}, panes: [], layout: 'columns', widePane: null },
      panes: [{ conversationId: 'c1', messages: [message('q', 'user', 'Hi'), message('a', 'assistant', 'Hello')] }],
    };
    const filled = fillPanes(panes, detail);
    expect(filled[0]!.entries.map((entry) => [entry.role, entry.content])).toEqual([
      ['user', 'Hi'],
      ['assistant', 'Hello'],
    ]);
    expect(filled[1]).toMatchObject({ modelId: 'b/m', entries: [] });
    expect(filled[1]!.conversationId).toBeUndefined();
  });
});
