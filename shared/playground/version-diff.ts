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

/** Past this many lines on a side, a diff shows the whole text as replaced rather than spend quadratic time. */
const maxDiffLines = 4000;

/** A line diff of two texts (longest common subsequence), in the order a reader goes through the newer one. */
export function lineDiff(before: string[], after: string[]): DiffLine[] {
  if (before.length > maxDiffLines || after.length > maxDiffLines) {
    return [
      ...before.map((text) => ({ kind: 'removed' as const, text })),
      ...after.map((text) => ({ kind: 'added' as const, text })),
    ];
  }
  // common[i][j]: the longest common run of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Uint32Array(after.length + 1));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i]![j] =
        before[i] === after[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      lines.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) lines.push({ kind: 'removed', text: before[i++]! });
    else lines.push({ kind: 'added', text: after[j++]! });
  }
  while (i < before.length) lines.push({ kind: 'removed', text: before[i++]! });
  while (j < after.length) lines.push({ kind: 'added', text: after[j++]! });
  return lines;
}

/** What changed from one version to another, line by line. */
export const versionDiff = (older: PromptDraft, newer: PromptDraft): DiffLine[] =>
  lineDiff(versionLines(older), versionLines(newer));
