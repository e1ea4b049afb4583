import type { PlaygroundCase, PromptDraft } from '../contract/playground';

/** What a prompt file holds: a name, the draft (parts, parameters, models) and the cases with their checks. */
export interface PromptFile {
  format: 'switchboard-prompt';
  version: 1;
  name: string;
  draft: PromptDraft;
  cases: PlaygroundCase[];
}

export function writePromptFile(name: string, draft: PromptDraft, cases: PlaygroundCase[]): string {
  const file: PromptFile = { format: 'switchboard-prompt', version: 1, name, draft, cases };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file's prompt, or what is wrong with it in words; the core checks every field again when it is saved. */
export function readPromptFile(text: string): Omit<PromptFile, 'format' | 'version'> | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'That file is not JSON: pick a prompt exported from the Playground.' };
  }
  if (!isObject(parsed) || parsed.format !== 'switchboard-prompt') {
    return { problem: 'That file is not a Switchboard prompt: pick one exported from the Playground.' };
  }
  if (parsed.version !== 1) {
    return { problem: `That prompt file is version ${String(parsed.version)}; this Switchboard reads version 1.` };
  }
  const { name, draft, cases } = parsed;
  if (typeof name !== 'string' || !isObject(draft) || !Array.isArray(cases)) {
    return { problem: 'That prompt file is missing its name, prompt or cases.' };
  }
  return { name, draft: draft as unknown as PromptDraft, cases: cases as PlaygroundCase[] };
}
