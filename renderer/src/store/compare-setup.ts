import type { CompareSessionDetail, CompareSetup, ConversationSettings } from '../../../shared/contract';
import { maxComparePanes } from '../../../shared/contract/compare-limits';
import { readSettingsForm, settingsFields, toSettingsForm, type SettingsForm } from '../features/chat/settings-form';
import { toEntry } from './chat-entries';
import type { ComparePaneState, CompareState } from './types';

export const newPane = (modelId = '', overrides: ConversationSettings = {}): ComparePaneState => ({
  key: crypto.randomUUID(),
  modelId,
  overrides,
  entries: [],
});

export const emptyCompare = (): CompareState => ({
  prompt: '',
  shared: toSettingsForm({}),
  panes: [newPane(), newPane()],
  layout: 'columns',
  widePane: null,
  sessionId: null,
  sessions: [],
  modelSets: [],
  problem: null,
  isRestored: false,
});

/** The shared settings the form holds, leaving out a field typed wrong (the form says so beside it). */
export function sharedSettings(form: SettingsForm): ConversationSettings {
  const { errors } = readSettingsForm(form);
  const cleared = Object.fromEntries(Object.keys(errors).map((key) => [key, '']));
  return readSettingsForm({ ...form, ...cleared }).settings ?? {};
}

/** The screen's setup as the core keeps it (no transcripts, no React keys). */
export function toSetup(compare: CompareState): CompareSetup {
  return {
    shared: sharedSettings(compare.shared),
    panes: compare.panes.map((pane) => ({
      modelId: pane.modelId,
      overrides: pane.overrides,
      ...(pane.conversationId ? { conversationId: pane.conversationId } : {}),
    })),
    layout: compare.layout,
    widePane: compare.widePane,
  };
}

/** A kept setup on the screen: panes without turns (a session's are filled from its conversations). */
export function fromSetup(setup: CompareSetup): Pick<CompareState, 'shared' | 'panes' | 'layout' | 'widePane'> {
  const panes = setup.panes.slice(0, maxComparePanes).map((pane) => ({
    ...newPane(pane.modelId, pane.overrides),
    ...(pane.conversationId ? { conversationId: pane.conversationId } : {}),
  }));
  while (panes.length < 2) panes.push(newPane());
  return {
    shared: toSettingsForm(setup.shared),
    panes,
    layout: setup.layout,
    widePane: setup.widePane !== null && setup.widePane < panes.length ? setup.widePane : null,
  };
}

/**
 * Panes with their conversations' questions and answers (metrics and cost included) from a reopened session;
 * a pane whose conversation the session no longer has starts afresh.
 */
export function fillPanes(panes: ComparePaneState[], detail: CompareSessionDetail): ComparePaneState[] {
  return panes.map(({ conversationId, ...pane }) => {
    const kept = detail.panes.find((candidate) => candidate.conversationId === conversationId);
    return kept ? { ...pane, conversationId, entries: kept.messages.map(toEntry) } : { ...pane, entries: [] };
  });
}

/** Where the wide pane ends up when the pane at `removed` goes. */
export function wideAfterRemoving(widePane: number | null, removed: number): number | null {
  if (widePane === null || widePane === removed) return null;
  return widePane > removed ? widePane - 1 : widePane;
}

/** A short line of what a pane sets for itself: `temperature 0.9 · own system prompt`. */
export function overridesSummary(overrides: ConversationSettings): string {
  const parts: string[] = [];
  for (const field of settingsFields) {
    const value = overrides[field.key];
    if (value !== undefined) parts.push(`${field.label.toLowerCase()} ${value}`);
  }
  if (overrides.system !== undefined) parts.push(overrides.system.trim() ? 'own system prompt' : 'no system prompt');
  return parts.join(' · ');
}
