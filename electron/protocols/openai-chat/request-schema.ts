import { z } from 'zod';

/** Content parts Chat Completions defines; a part of another type is kept for targets that speak the protocol. */
export const contentPartSchemas = {
  text: z.looseObject({ type: z.literal('text'), text: z.string() }),
  image_url: z.looseObject({
    type: z.literal('image_url'),
    image_url: z.looseObject({
      url: z.string().min(1),
      detail: z.enum(['auto', 'low', 'high', 'original']).optional(),
    }),
  }),
  input_audio: z.looseObject({
    type: z.literal('input_audio'),
    input_audio: z.looseObject({ data: z.string().min(1), format: z.string().min(1) }),
  }),
  file: z.looseObject({
    type: z.literal('file'),
    file: z.looseObject({
      file_data: z.string().min(1).optional(),
      file_id: z.string().min(1).optional(),
      filename: z.string().optional(),
    }),
  }),
  refusal: z.looseObject({ type: z.literal('refusal'), refusal: z.string() }),
} as const;

/**
 * An object with a `type`: checked against the schema of that type when it is one Chat Completions defines, kept as
 * it is otherwise (a target speaking the protocol may know it; translation refuses it).
 */
function typedObject(schemas: Record<string, z.ZodType>) {
  return z.looseObject({ type: z.string() }).superRefine((value, context) => {
    const result = schemas[value.type]?.safeParse(value);
    if (!result || result.success) return;
    for (const issue of result.error.issues)
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
}

const contentPart = typedObject(contentPartSchemas);
export type ContentPart = z.infer<typeof contentPart>;

const content = z.union([z.string(), z.array(contentPart)]);

const functionCall = z.looseObject({ name: z.string().min(1), arguments: z.string() });
const toolCall = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  function: functionCall.optional(),
  custom: z.looseObject({ name: z.string(), input: z.string() }).optional(),
});
export type ToolCall = z.infer<typeof toolCall>;

const name = z.string().optional();
export const messageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content, name }),
  z.looseObject({ role: z.literal('developer'), content, name }),
  z.looseObject({ role: z.literal('user'), content, name }),
  z.looseObject({
    role: z.literal('assistant'),
    content: content.nullish(),
    name,
    tool_calls: z.array(toolCall).nullish(),
    function_call: functionCall.nullish(),
    refusal: z.string().nullish(),
    audio: z.looseObject({ id: z.string() }).nullish(),
  }),
  z.looseObject({ role: z.literal('tool'), content, tool_call_id: z.string().min(1) }),
  z.looseObject({ role: z.literal('function'), content: z.string().nullable(), name: z.string().min(1) }),
]);
export type ChatMessage = z.infer<typeof messageSchema>;

const functionDefinition = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  strict: z.boolean().nullish(),
});
export type FunctionDefinition = z.infer<typeof functionDefinition>;

const tool = z.looseObject({ type: z.string(), function: functionDefinition.optional() });

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string().min(1) }) }),
  z.looseObject({
    type: z.literal('allowed_tools'),
    allowed_tools: z.looseObject({
      mode: z.enum(['auto', 'required']),
      tools: z.array(z.looseObject({ type: z.string(), function: z.looseObject({ name: z.string() }).optional() })),
    }),
  }),
  z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: z.string() }) }),
]);
export type ToolChoice = z.infer<typeof toolChoice>;

export const responseFormatSchemas = {
  text: z.looseObject({ type: z.literal('text') }),
  json_object: z.looseObject({ type: z.literal('json_object') }),
  json_schema: z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().min(1),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
} as const;

const positiveInteger = z.number().int().positive();

/**
 * OpenAI's Chat Completions request as Switchboard reads it: the shape of every field it translates is checked;
 * unknown fields are kept (a target speaking Chat Completions receives them untouched).
 */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  stream: z.boolean().nullish(),
  stream_options: z
    .looseObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() })
    .nullish(),
  max_tokens: positiveInteger.nullish(),
  max_completion_tokens: positiveInteger.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  seed: z.number().int().nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  n: positiveInteger.nullish(),
  tools: z.array(tool).nullish(),
  tool_choice: toolChoice.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  functions: z.array(functionDefinition).nullish(),
  function_call: z.union([z.enum(['none', 'auto']), z.looseObject({ name: z.string().min(1) })]).nullish(),
  response_format: typedObject(responseFormatSchemas).nullish(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  logit_bias: z.record(z.string(), z.number()).nullish(),
  modalities: z.array(z.string()).nullish(),
  verbosity: z.enum(['low', 'medium', 'high']).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  store: z.boolean().nullish(),
  service_tier: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
  prompt_cache_retention: z.enum(['in_memory', '24h']).nullish(),
  prompt_cache_options: z
    .looseObject({ mode: z.enum(['implicit', 'explicit']).optional(), ttl: z.string().optional() })
    .nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
