import { z } from 'zod';
import { jsonSchemaProblem } from '../playground/json-schema';
import { route } from './define';

/** The most models one run asks at once. */
export const maxPlaygroundModels = 24;

/** A JSON schema as an object; refused with the reason when it cannot validate answers. */
export const jsonSchemaSchema = z.record(z.string(), z.unknown()).superRefine((schema, context) => {
  const problem = jsonSchemaProblem(schema);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** One check on a cell's answer; a case may have several. */
export const playgroundCheckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contains'), value: z.string().min(1, 'write the text to look for') }),
  z.object({ kind: z.literal('not-contains'), value: z.string().min(1, 'write the text that must be absent') }),
  z.object({ kind: z.literal('regex'), value: z.string().min(1, 'write a regular expression') }),
  /** The answer is one JSON value; with a schema, a value that matches it. */
  z.object({ kind: z.literal('json'), schema: jsonSchemaSchema.optional() }),
  z.object({ kind: z.literal('max-ttft'), ms: z.number().positive('a time above 0 ms') }),
  z.object({ kind: z.literal('max-cost'), usd: z.number().nonnegative('a cost of 0 or more') }),
  /** A judge model reads the answer against the rubric and answers PASS or FAIL. */
  z.object({
    kind: z.literal('judge'),
    modelId: z.string().trim().min(1, 'pick the judge model'),
    rubric: z.string().trim().min(1, 'write what a good answer does').max(20_000),
  }),
]);
export type PlaygroundCheck = z.infer<typeof playgroundCheckSchema>;

/** A test case: a value per variable, and what its answers must satisfy. */
export const playgroundCaseSchema = z.object({
  id: z.string().min(1),
  values: z.record(z.string(), z.string()),
  checks: z.array(playgroundCheckSchema).max(20),
});
export type PlaygroundCase = z.infer<typeof playgroundCaseSchema>;

/** How to ask; each left out is the provider's default. */
export const playgroundParamsSchema = z.object({
  temperature: z.number().min(0, 'temperature is 0 or more').max(2, 'temperature is at most 2').optional(),
  topP: z.number().gt(0, 'top_p is above 0').max(1, 'top_p is at most 1').optional(),
  maxOutputTokens: z.number().int('a whole number of tokens').positive('at least 1 token').max(1_000_000).optional(),
  seed: z.number().int('a whole number').optional(),
  stop: z.array(z.string().min(1)).max(4, 'at most 4 stop sequences').optional(),
  /** Asks for an answer that is one JSON value, in the provider's own JSON mode. */
  json: z.boolean().optional(),
  /** With `json`: the schema the answer follows, sent as the provider's structured output. */
  jsonSchema: jsonSchemaSchema.optional(),
});
export type PlaygroundParams = z.infer<typeof playgroundParamsSchema>;

/** A turn sent between the system part and the user part (an example exchange), with `{{variables}}` too. */
export const promptMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().trim().min(1, 'write the message or remove it').max(200_000),
});
export type PromptMessage = z.infer<typeof promptMessageSchema>;

/** What a version holds: the prompt's text, parameters and models as they were saved. */
export const promptDraftSchema = z.object({
  system: z.string().max(200_000),
  /** Sent in order after the system part and before the user part; absent in versions saved before them. */
  messages: z.array(promptMessageSchema).max(20, 'at most 20 messages before the user part').optional(),
  user: z.string().trim().min(1, 'write the user part of the prompt').max(200_000),
  params: playgroundParamsSchema,
  modelIds: z.array(z.string().min(1)).max(maxPlaygroundModels, `at most ${maxPlaygroundModels} models in one prompt`),
});
export type PromptDraft = z.infer<typeof promptDraftSchema>;

export interface PromptSummary {
  id: string;
  name: string;
  updatedAt: string;
  versionCount: number;
}

export interface PromptVersion extends PromptDraft {
  id: string;
  promptId: string;
  /** 1 for the first save. */
  number: number;
  note: string;
  createdAt: string;
}

export interface SavedPrompt {
  id: string;
  name: string;
  versions: PromptVersion[];
  cases: PlaygroundCase[];
}

export interface CheckResult {
  check: PlaygroundCheck;
  passed: boolean;
  /** Why it failed, in words; a judge's own reason either way. */
  detail?: string;
  /** What grading by a model cost (USD; null when its price is unknown). */
  judgeCostUSD?: number | null;
}

export type CellStatus = 'waiting' | 'streaming' | 'ok' | 'error' | 'cancelled';

/** One case asked of one model. */
export interface PlaygroundCell {
  caseId: string;
  modelId: string;
  status: CellStatus;
  /** The stream its parts arrive on while it runs (`chat.parts`). */
  streamId: string | null;
  text: string;
  timeToFirstTokenMs: number | null;
  tokensPerSecond: number | null;
  outputTokens: number | null;
  costUSD: number | null;
  totalMs: number | null;
  error: string | null;
  checks: CheckResult[];
  /** True when every check passed (and the call did); null while it runs. */
  passed: boolean | null;
}

export interface PlaygroundRun {
  id: string;
  promptId: string;
  versionId: string;
  versionNumber: number;
  createdAt: string;
  /** The prompt, parameters, models and cases exactly as they were run. */
  version: PromptDraft;
  cases: PlaygroundCase[];
  concurrency: number;
  cells: PlaygroundCell[];
}

export interface RunSummary {
  id: string;
  createdAt: string;
  versionNumber: number;
  modelCount: number;
  caseCount: number;
}

export const playgroundRoutes = {
  'playground.prompts': route<PromptSummary[]>()(z.object({})),
  'playground.prompt': route<SavedPrompt>()(z.object({ promptId: z.string().min(1) })),
  /** Saves a new version (and the cases); makes the prompt when `promptId` is absent. */
  'playground.save': route<SavedPrompt>()(
    z.object({
      promptId: z.string().optional(),
      name: z.string().trim().min(1, 'name the prompt').max(200),
      note: z.string().max(2000).default(''),
      draft: promptDraftSchema,
      cases: z.array(playgroundCaseSchema).max(1000, 'at most 1,000 cases'),
    }),
  ),
  /** Runs every case × every model of a saved version; cells stream as `chat.parts`. */
  'playground.run': route<PlaygroundRun>()(
    z.object({
      versionId: z.string().min(1),
      concurrency: z.number().int('a whole number').min(1, 'at least 1 at a time').max(16, 'at most 16 at a time'),
    }),
  ),
  /** Asks one cell of a run again. */
  'playground.rerunCell': route<PlaygroundRun>()(
    z.object({ runId: z.string().min(1), caseId: z.string().min(1), modelId: z.string().min(1) }),
  ),
  /** Stops every cell of a run still waiting or streaming. */
  'playground.cancel': route<PlaygroundRun>()(z.object({ runId: z.string().min(1) })),
  'playground.runs': route<RunSummary[]>()(z.object({ promptId: z.string().min(1) })),
  'playground.runGet': route<PlaygroundRun>()(z.object({ runId: z.string().min(1) })),
};

/** Events of a run: a cell that started, or ended with its metrics and checks. */
export interface PlaygroundEvents {
  'playground.cell': { runId: string; cell: PlaygroundCell };
}
