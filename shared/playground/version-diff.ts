import { diffArrays } from 'diff';
import type { PromptDraft } from '../contract/playground';

/** One line of a diff: in both versions, only in the newer one, or only in the older one. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A version as labelled lines: its system part, messages, user part, parameters and models. */
export function versionLines(draft: PromptDraft): string[] {
  const block = (title: string, text: string) => [title, ...text.split('\n').map((line) => `  ${line}`)];
  const { json, jsonSchema, stop, ...numbers } = draft.params;
  const params = [
    ...Object.entries(numbers).map(([name, value]) => `  ${name}: ${String(value)}`),
    ...(stop?.length ? [`  stop: ${stop.map((item) => JSON.stringify(item)).join(', ')}`] : []),
    ...(json ? ['  JSON output: on'] : []),
    ...(jsonSchema
      ? [
          '  JSON schema:',
          ...JSON.stringify(jsonSchema, null, 2)
            .split('\n')
            .map((l) => `    ${l}`),
        ]
      : []),
  ];
  return [
    ...(draft.system ? block('System part:', draft.system) : []),
    ...(draft.messages ?? []).flatMap((message, index) =>
      block(`Message ${index + 1} (${message.role}):`, message.content),
    ),
    ...block('User part:', draft.user),
    'Parameters:',
    ...(params.length ? params : ['  (provider defaults)']),
    'Models:',
    ...(draft.modelIds.length ? draft.modelIds.map((id) => `  ${id}`) : ['  (none)']),
  ];
}

/** A line diff of two texts (jsdiff's Myers diff), in the order a reader goes through the newer one. */
export function lineDiff(before: string[], after: string[]): DiffLine[] {
  return diffArrays(before, after).flatMap((change) =>
    change.value.map(
      (text) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text }) as DiffLine,
    ),
  );
}

/** What changed from one version to another, line by line. */
export const versionDiff = (older: PromptDraft, newer: PromptDraft): DiffLine[] =>
  lineDiff(versionLines(older), versionLines(newer));
