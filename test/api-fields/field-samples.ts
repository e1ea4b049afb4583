// One sample request per field of each client protocol of the local API, and the targets it is tried on: what
// the field table (docs/local-api-fields.md) and the field-by-field API test are made from.
import type { EndpointKind } from '../../shared/types/config';
import { messagesFieldRules } from '../../electron/protocols/anthropic-messages';
import { samples as chatSamples } from '../../electron/protocols/openai-chat/__fixtures__/request-field-samples';
import { requestFields as chatFields } from '../../electron/protocols/openai-chat/request-fields';
import { requestFields as responsesFields } from '../../electron/protocols/openai-responses/request-fields';
import type { ClientProtocol } from '../../electron/protocols/types';

export interface FieldSample {
  /** The row's name: a top-level field, or a nested one (`messages[].content[] image_url`). */
  label: string;
  /** The top-level field it belongs to. */
  field: string;
  /** Merged over the protocol's base body. */
  body: Record<string, unknown>;
  /** The field a refusal names when it is not `field` or a path under it. */
  refusedAs?: string;
  /** A model other than the translated target's, for a setting only some models take. */
  models?: Partial<Record<EndpointKind, string>>;
}

export interface ProtocolSamples {
  protocol: ClientProtocol;
  title: string;
  path: string;
  /** The smallest valid request; every sample is merged over it. */
  base: Record<string, unknown>;
  /** Kinds whose wire format is this protocol: the body goes to them as sent, `model` rewritten. */
  passThrough: EndpointKind[];
  /** What a pass-through target gets for the fields it does not get exactly as sent. */
  passThroughAs: Record<string, string>;
  /** One target per kind a request of this protocol is translated for (`endpoint-id/model`). */
  translated: { kind: EndpointKind; name: string; model: string }[];
  /** Every top-level field the codec's rule table lists, in its order. */
  fields: string[];
  /** One sample per field of `fields`, then nested ones. */
  topLevel: FieldSample[];
  nested: FieldSample[];
}

const pngData =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const pngBase64 = pngData.slice(pngData.indexOf(',') + 1);
const imageURL = 'https://example.com/cat.png';
const pdfData = 'data:application/pdf;base64,JVBERi0xLjQK';
const chatWeather = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: {} } },
};

const chatUser = (content: unknown) => ({ messages: [{ role: 'user', content }] });
const chat: ProtocolSamples = {
  protocol: 'openai-chat',
  title: 'Chat Completions',
  path: 'POST /v1/chat/completions',
  base: { model: 'm', messages: [{ role: 'user', content: 'Hi' }] },
  passThrough: ['openrouter', 'vercel', 'openai-compatible'],
  passThroughAs: {
    model: "rewritten to the target's model",
    stream:
      'reaches the provider as sent, with `stream_options.include_usage: true` added so the call can be priced ' +
      '(the usage chunk reaches the client only if it asked for it)',
  },
  translated: [
    { kind: 'openai', name: 'OpenAI', model: 'gpt-4.1-mini' },
    { kind: 'anthropic', name: 'Anthropic', model: 'claude-sonnet-4-5' },
    { kind: 'google', name: 'Google', model: 'gemini-3-flash-preview' },
  ],
  fields: Object.keys(chatFields),
  topLevel: Object.keys(chatFields).map((field) => {
    const sample = chatSamples[field]!;
    const body = field === 'messages' ? chatUser('Ping?') : field === 'model' ? { model: 'any' } : sample.body;
    return {
      label: field,
      field,
      body,
      ...(sample.refusedAs ? { refusedAs: sample.refusedAs } : {}),
      ...(sample.openAIModel ? { models: { openai: sample.openAIModel } } : {}),
    };
  }),
  nested: [
    {
      label: 'messages[] role system',
      field: 'messages',
      body: {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
      },
    },
    {
      label: 'messages[] role developer',
      field: 'messages',
      body: {
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
      },
    },
    {
      label: 'messages[] role assistant (tool_calls) and tool',
      field: 'messages',
      body: {
        tools: [chatWeather],
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
        ],
      },
    },
    { label: 'messages[].name', field: 'messages', body: { messages: [{ role: 'user', name: 'ann', content: 'Hi' }] } },
    {
      label: 'messages[].content[] text',
      field: 'messages',
      body: chatUser([{ type: 'text', text: 'Ping?' }]),
    },
    {
      label: 'messages[].content[] image_url (data:)',
      field: 'messages',
      body: chatUser([
        { type: 'text', text: 'What is it?' },
        { type: 'image_url', image_url: { url: pngData } },
      ]),
    },
    {
      label: 'messages[].content[] image_url (https:)',
      field: 'messages',
      body: chatUser([
        { type: 'text', text: 'What is it?' },
        { type: 'image_url', image_url: { url: imageURL } },
      ]),
    },
    {
      label: 'messages[].content[] input_audio',
      field: 'messages',
      body: chatUser([{ type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } }]),
    },
    {
      label: 'messages[].content[] file',
      field: 'messages',
      body: chatUser([{ type: 'file', file: { file_data: pdfData, filename: 'a.pdf' } }]),
    },
    {
      label: 'tools[].function.strict',
      field: 'tools',
      body: { tools: [{ ...chatWeather, function: { ...chatWeather.function, strict: true } }] },
    },
  ],
};

const anthropicWeather = { name: 'get_weather', description: 'Weather now', input_schema: { type: 'object' } };
const anthropicTopLevel: Record<string, unknown> = {
  model: 'any',
  stream: true,
  messages: [{ role: 'user', content: 'Ping?' }],
  system: 'Be brief.',
  max_tokens: 300,
  temperature: 0.3,
  top_p: 0.8,
  top_k: 40,
  stop_sequences: ['END'],
  metadata: { user_id: 'user-7f3a' },
  service_tier: 'standard_only',
  tools: [anthropicWeather],
  tool_choice: { type: 'any', disable_parallel_tool_use: true },
  thinking: { type: 'enabled', budget_tokens: 1024 },
  output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string' } } } } },
  output_format: { type: 'json_schema', schema: { type: 'object' } },
  cache_control: { type: 'ephemeral' },
  container: 'container_1',
  mcp_servers: [{ type: 'url', url: 'https://mcp.example', name: 'x' }],
  context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] },
  diagnostics: { previous_message_id: 'msg_1' },
  inference_geo: 'us',
  speed: 'fast',
};
const anthropicUser = (content: unknown) => ({ messages: [{ role: 'user', content }] });
const anthropic: ProtocolSamples = {
  protocol: 'anthropic',
  title: 'Anthropic Messages',
  path: 'POST /v1/messages',
  base: { model: 'route', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] },
  passThrough: ['anthropic'],
  passThroughAs: { model: "rewritten to the target's model" },
  translated: [
    { kind: 'openai', name: 'OpenAI', model: 'gpt-4.1' },
    { kind: 'openai-compatible', name: 'OpenAI-compatible', model: 'llama3.2' },
    { kind: 'google', name: 'Google', model: 'gemini-2.5-flash' },
  ],
  fields: Object.keys(messagesFieldRules),
  topLevel: Object.keys(messagesFieldRules).map((field) => ({
    label: field,
    field,
    body: {
      [field]: anthropicTopLevel[field],
      ...(field === 'tool_choice' ? { tools: [anthropicWeather] } : {}),
      ...(field === 'thinking' ? { max_tokens: 4096 } : {}),
    },
    ...(field === 'thinking' ? { models: { openai: 'gpt-5' } } : {}),
  })),
  nested: [
    {
      label: 'system[] text blocks',
      field: 'system',
      body: { system: [{ type: 'text', text: 'Be brief.' }] },
    },
    {
      label: 'messages[] assistant tool_use, user tool_result',
      field: 'messages',
      body: {
        tools: [anthropicWeather],
        messages: [
          { role: 'user', content: 'Weather?' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'Sunny' }] },
        ],
      },
    },
    {
      label: 'messages[].content[] image (base64)',
      field: 'messages',
      body: anthropicUser([
        { type: 'text', text: 'What is it?' },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngBase64 } },
      ]),
    },
    {
      label: 'messages[].content[] image (url)',
      field: 'messages',
      body: anthropicUser([
        { type: 'text', text: 'What is it?' },
        { type: 'image', source: { type: 'url', url: imageURL } },
      ]),
    },
    {
      label: 'messages[].content[] document (PDF)',
      field: 'messages',
      body: anthropicUser([
        { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' } },
      ]),
    },
    {
      label: 'messages[].content[].cache_control',
      field: 'messages',
      body: anthropicUser([{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }]),
    },
    {
      label: 'tools[] server tool (web_search)',
      field: 'tools',
      body: { tools: [{ type: 'web_search_20250305', name: 'web_search' }] },
    },
  ],
};

const responsesWeather = { type: 'function', name: 'weather', parameters: { type: 'object', properties: {} } };
const responsesTopLevel: Record<string, Record<string, unknown>> = {
  model: { model: 'any' },
  input: { input: [{ role: 'user', content: 'Ping?' }] },
  instructions: { instructions: 'Be brief.' },
  tools: { tools: [responsesWeather] },
  tool_choice: { tools: [responsesWeather], tool_choice: { type: 'function', name: 'weather' } },
  stream: { stream: true },
  stream_options: { stream: true, stream_options: { include_obfuscation: false } },
  parallel_tool_calls: { tools: [responsesWeather], parallel_tool_calls: false },
  text: { text: { format: { type: 'json_schema', name: 'city', schema: { type: 'object' }, strict: true } } },
  reasoning: { reasoning: { effort: 'high', summary: 'auto' } },
  max_output_tokens: { max_output_tokens: 256 },
  max_tool_calls: { max_tool_calls: 3 },
  temperature: { temperature: 0.3 },
  top_p: { top_p: 0.9 },
  top_logprobs: { top_logprobs: 5 },
  store: { store: false },
  background: { background: true },
  include: { include: ['reasoning.encrypted_content'] },
  metadata: { metadata: { ticket: '42' } },
  user: { user: 'user-1' },
  safety_identifier: { safety_identifier: 'hash-1' },
  prompt_cache_key: { prompt_cache_key: 'conversation-7' },
  service_tier: { service_tier: 'flex' },
  truncation: { truncation: 'auto' },
  previous_response_id: { previous_response_id: 'resp_1' },
  conversation: { conversation: 'conv_1' },
  prompt: { prompt: { id: 'pmpt_1' } },
  prompt_cache_retention: { prompt_cache_retention: '24h' },
  prompt_cache_options: { prompt_cache_options: { mode: 'explicit' } },
  context_management: { context_management: [{ type: 'compaction' }] },
  moderation: { moderation: { mode: 'block' } },
};
const responsesUser = (content: unknown) => ({ input: [{ role: 'user', content }] });
const responses: ProtocolSamples = {
  protocol: 'openai-responses',
  title: 'OpenAI Responses',
  path: 'POST /v1/responses',
  base: { model: 'm', input: 'Hi' },
  passThrough: ['openai'],
  passThroughAs: { model: "rewritten to the target's model" },
  translated: [
    { kind: 'openai-compatible', name: 'OpenAI-compatible', model: 'llama3.2' },
    { kind: 'anthropic', name: 'Anthropic', model: 'claude-sonnet-4-5' },
    { kind: 'google', name: 'Google', model: 'gemini-2.5-flash' },
  ],
  fields: Object.keys(responsesFields),
  topLevel: Object.keys(responsesFields).map((field) => ({ label: field, field, body: responsesTopLevel[field]! })),
  nested: [
    {
      label: 'input[] message role developer',
      field: 'input',
      body: {
        input: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
      },
    },
    {
      label: 'input[] function_call and function_call_output',
      field: 'input',
      body: {
        tools: [responsesWeather],
        input: [
          { role: 'user', content: 'Weather?' },
          { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{}' },
          { type: 'function_call_output', call_id: 'call_1', output: 'Sunny' },
        ],
      },
    },
    {
      label: 'input[].content[] input_image (data:)',
      field: 'input',
      body: responsesUser([
        { type: 'input_text', text: 'What is it?' },
        { type: 'input_image', image_url: pngData, detail: 'auto' },
      ]),
    },
    {
      label: 'input[].content[] input_image (https:)',
      field: 'input',
      body: responsesUser([
        { type: 'input_text', text: 'What is it?' },
        { type: 'input_image', image_url: imageURL, detail: 'auto' },
      ]),
    },
    {
      label: 'input[].content[] input_file',
      field: 'input',
      body: responsesUser([{ type: 'input_file', filename: 'a.pdf', file_data: pdfData }]),
    },
    { label: 'tools[] web_search', field: 'tools', body: { tools: [{ type: 'web_search' }] } },
    {
      label: 'text.format json_object',
      field: 'text',
      body: { text: { format: { type: 'json_object' } } },
    },
  ],
};

/** Every protocol of the local API, in the order the table shows them. */
export const protocolSamples: ProtocolSamples[] = [chat, anthropic, responses];
