import { z } from 'zod';

/** Zod's words for a missing field are Anthropic's: `max_tokens: Field required`. */
const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'Field required' : undefined) };

const cacheControl = z.looseObject({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() }).nullish();

const textBlock = z.looseObject({ type: z.literal('text'), text: z.string(required), cache_control: cacheControl });

const imageSource = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('base64'),
    media_type: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
    data: z.string(required),
  }),
  z.looseObject({ type: z.literal('url'), url: z.string(required) }),
  z.looseObject({ type: z.literal('file'), file_id: z.string(required) }),
]);

const documentSource = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.literal('application/pdf'), data: z.string(required) }),
  z.looseObject({ type: z.literal('text'), media_type: z.literal('text/plain'), data: z.string(required) }),
  z.looseObject({ type: z.literal('url'), url: z.string(required) }),
  z.looseObject({
    type: z.literal('content'),
    content: z.union([z.string(), z.array(z.looseObject({ type: z.string(required) }))]),
  }),
  z.looseObject({ type: z.literal('file'), file_id: z.string(required) }),
]);

/** The shapes Switchboard reads; any other block type is kept as is (a pass-through target judges it). */
const blockSchemas: Record<string, z.ZodType> = {
  text: textBlock,
  image: z.looseObject({ type: z.literal('image'), source: imageSource }),
  document: z.looseObject({ type: z.literal('document'), source: documentSource }),
  tool_use: z.looseObject({
    type: z.literal('tool_use'),
    id: z.string(required).min(1),
    name: z.string(required).min(1),
    input: z.unknown(),
  }),
  tool_result: z.looseObject({
    type: z.literal('tool_result'),
    tool_use_id: z.string(required).min(1),
    content: z.union([z.string(), z.array(z.looseObject({ type: z.string(required) }))]).optional(),
    is_error: z.boolean().optional(),
  }),
  thinking: z.looseObject({ type: z.literal('thinking'), thinking: z.string(required), signature: z.string(required) }),
  redacted_thinking: z.looseObject({ type: z.literal('redacted_thinking'), data: z.string(required) }),
};

type Path = (string | number)[];
type Context = { addIssue(issue: { code: 'custom'; message: string; path: Path }): void };

function checkBlock(value: { type: string; content?: unknown }, context: Context, path: Path): void {
  const result = blockSchemas[value.type]?.safeParse(value);
  if (result && !result.success) {
    for (const issue of result.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: [...path, ...(issue.path as Path)] });
    }
  }
  // A tool result's own blocks are read the same way.
  if (value.type === 'tool_result' && Array.isArray(value.content)) {
    value.content.forEach((inner: { type: string }, index) => checkBlock(inner, context, [...path, 'content', index]));
  }
}

const block = z
  .looseObject({ type: z.string(required) })
  .superRefine((value, context) => checkBlock(value, context, []));

const message = z.looseObject({
  role: z.enum(['user', 'assistant', 'system'], required),
  content: z.union([z.string(), z.array(block)], required),
});

/** The fields of a Messages request both endpoints read (`/v1/messages` and `/count_tokens`). */
const shared = {
  model: z.string(required).min(1, 'give a model id, e.g. "claude-sonnet-4-5" or a route name'),
  messages: z.array(message, required).min(1, 'at least one message is required'),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  tools: z.array(z.looseObject({ name: z.string(required).min(1), type: z.string().nullish() })).optional(),
  tool_choice: z
    .looseObject({
      type: z.enum(['auto', 'any', 'tool', 'none']),
      name: z.string().optional(),
      disable_parallel_tool_use: z.boolean().optional(),
    })
    .refine((choice) => choice.type !== 'tool' || typeof choice.name === 'string', {
      message: 'a tool_choice of type "tool" names the tool',
      path: ['name'],
    })
    .optional(),
  thinking: z.looseObject({ type: z.string(required), budget_tokens: z.number().int().min(0).optional() }).optional(),
  cache_control: cacheControl,
};

/**
 * A Messages request as Switchboard reads it. Unknown fields are kept: a pass-through target receives
 * them all, a translation refuses the ones it has no rule for.
 */
export const messagesRequestSchema = z.looseObject({
  ...shared,
  max_tokens: z.number(required).int().min(0),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  stop_sequences: z.array(z.string()).optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
  service_tier: z.string().optional(),
});
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;

/** `/v1/messages/count_tokens` takes the prompt fields only. */
export const countTokensRequestSchema = z.looseObject(shared);

export type ReadResult =
  | { ok: true; body: Record<string, unknown>; modelId: string; isStream: boolean }
  | { ok: false; message: string; param?: string };

function describeIssues(error: z.ZodError): { message: string; param?: string } {
  const issue = error.issues[0]!;
  const param = issue.path.join('.');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return { message: `${param || 'body'}: ${issue.message}${more}`, ...(param ? { param } : {}) };
}

function read(schema: z.ZodType, body: unknown): ReadResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'body: a Messages request is a JSON object' };
  }
  const result = schema.safeParse(body);
  if (!result.success) return { ok: false, ...describeIssues(result.error) };
  const value = body as Record<string, unknown>;
  return { ok: true, body: value, modelId: value.model as string, isStream: value.stream === true };
}

/** Checks a `/v1/messages` body; the body returned is the client's own, unchanged. */
export const readMessagesRequest = (body: unknown): ReadResult => read(messagesRequestSchema, body);

/** Checks a `/v1/messages/count_tokens` body. */
export const readCountTokensRequest = (body: unknown): ReadResult => read(countTokensRequestSchema, body);
