import { z } from 'zod';

/**
 * The shape of `POST /v1/responses` as far as Switchboard reads it. Unknown fields and item types are kept:
 * a pass-through target gets them as sent, and translation refuses what it cannot honour.
 */
const contentPart = z.looseObject({ type: z.string() });

const messageItem = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(contentPart)]),
});

const functionCallItem = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
});

const functionCallOutputItem = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(contentPart)]),
});

const reasoningItem = z.looseObject({
  type: z.literal('reasoning'),
  summary: z.array(z.looseObject({ type: z.string(), text: z.string() })),
  content: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
});

/** Item types checked in depth; any other item only needs a `type`. */
const itemSchemas: Record<string, z.ZodType> = {
  message: messageItem,
  function_call: functionCallItem,
  function_call_output: functionCallOutputItem,
  reasoning: reasoningItem,
};

const inputItem = z.looseObject({ type: z.string().optional() }).superRefine((item, context) => {
  // A message may leave out `type`, as the SDKs' "easy" input messages do.
  const type = item.type ?? ('role' in item ? 'message' : undefined);
  if (type === undefined) {
    context.addIssue({ code: 'custom', message: 'each input item needs a "type" (or a "role" for a message)' });
    return;
  }
  const schema = itemSchemas[type];
  if (!schema) return;
  const result = schema.safeParse(item);
  if (!result.success) for (const issue of result.error.issues) context.addIssue({ ...issue, code: 'custom' });
});

const functionTool = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const tool = z.looseObject({ type: z.string() }).superRefine((value, context) => {
  if (value.type !== 'function') return;
  const result = functionTool.safeParse(value);
  if (!result.success) for (const issue of result.error.issues) context.addIssue({ ...issue, code: 'custom' });
});

const textFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string().min(1),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]);

export const reasoningEfforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
const summaryMode = z.enum(['auto', 'concise', 'detailed']).nullish();

export const responsesRequestSchema = z.looseObject({
  model: z.string().min(1),
  // Optional here: OpenAI takes a request built from `prompt` or `conversation` alone.
  input: z.union([z.string(), z.array(inputItem)]).optional(),
  instructions: z.string().nullish(),
  stream: z.boolean().nullish(),
  tools: z.array(tool).nullish(),
  tool_choice: z.union([z.enum(['none', 'auto', 'required']), z.looseObject({ type: z.string() })]).nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  text: z
    .looseObject({ format: textFormat.nullish(), verbosity: z.enum(['low', 'medium', 'high']).nullish() })
    .nullish(),
  reasoning: z
    .looseObject({ effort: z.enum(reasoningEfforts).nullish(), summary: summaryMode, generate_summary: summaryMode })
    .nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  max_tool_calls: z.number().int().nonnegative().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  store: z.boolean().nullish(),
  background: z.boolean().nullish(),
  include: z.array(z.string()).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
  service_tier: z.string().nullish(),
  truncation: z.enum(['auto', 'disabled']).nullish(),
  previous_response_id: z.string().nullish(),
  stream_options: z.looseObject({ include_obfuscation: z.boolean().nullish() }).nullish(),
});

export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;

/** `input[2].content[0].image_url` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export type ReadResult =
  | { ok: true; body: Record<string, unknown>; modelId: string; isStream: boolean }
  | { ok: false; message: string; param?: string };

/** Checks a Responses request: the model, whether it streams, or a message naming the field at fault. */
export function readResponsesRequest(body: unknown): ReadResult {
  const parsed = responsesRequestSchema.safeParse(body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'The body must be a JSON object with "model" and "input".' };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = issue.path.length > 0 ? formatPath(issue.path) : undefined;
    return { ok: false, message: param ? `"${param}": ${issue.message}` : issue.message, param };
  }
  // The body goes on exactly as the client sent it: a pass-through target gets every byte of meaning.
  return {
    ok: true,
    body: body as Record<string, unknown>,
    modelId: parsed.data.model,
    isStream: parsed.data.stream === true,
  };
}
