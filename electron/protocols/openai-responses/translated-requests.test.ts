// Whole translated requests through the real AI SDK providers: every translatable field at once, and a
// request exactly as Codex sends it, each reaching its provider with nothing the provider would drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-provider';
import { translatedTurn, userItem as user } from '../../../test/integration/translated-turn';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake?.close();
});

const turn = (kind: EndpointKind, model: string, body: Record<string, unknown>, capture?: string) =>
  translatedTurn(fake, kind, model, body, capture);

describe('every translated field at once', () => {
  const tools = [
    {
      type: 'function',
      name: 'lookup',
      description: 'Looks up',
      parameters: { type: 'object', properties: { q: { type: 'string' } } },
      strict: true,
    },
  ];
  const everything = {
    model: 'x',
    instructions: 'Be brief.',
    input: [user('Look it up.')],
    tools,
    tool_choice: 'auto',
    text: {
      format: {
        type: 'json_schema',
        name: 'answer',
        schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
      },
    },
    max_output_tokens: 2048,
    temperature: 0.4,
    top_p: 0.9,
    store: false,
    stream: true,
    include: ['reasoning.encrypted_content'],
    metadata: { ticket: '1' },
    prompt_cache_key: 'conversation-1',
    service_tier: 'auto',
    truncation: 'disabled',
    max_tool_calls: 4,
    top_logprobs: 0,
    background: false,
    stream_options: { include_obfuscation: false },
  };
  const cases: Array<[EndpointKind, string, Record<string, unknown>]> = [
    [
      'openai-compatible',
      'llama3.2',
      {
        parallel_tool_calls: false,
        user: 'u',
        safety_identifier: 's',
        reasoning: { effort: 'low', summary: 'auto' },
        text: { ...everything.text, verbosity: 'low' },
      },
    ],
    [
      'anthropic',
      'claude-sonnet-4-5',
      { parallel_tool_calls: false, user: 'u', safety_identifier: 'u', top_p: undefined },
    ],
    ['google', 'gemini-2.5-flash', { reasoning: { effort: 'low', summary: 'auto' } }],
  ];
  it.each(cases)('reach %s with no setting its provider would drop', async (kind, model, extra) => {
    const { sent } = await turn(kind, model, { ...everything, ...extra });
    expect(JSON.stringify(sent)).toContain('Be brief.');
    expect(JSON.stringify(sent)).toContain('lookup');
  });
});

describe('a request as Codex sends it', () => {
  // The shape of Codex CLI's requests (codex-rs): developer and context messages first, a reasoning item
  // from an earlier OpenAI turn, a shell call and its output, stateless with encrypted reasoning included.
  const shell = {
    type: 'function',
    name: 'shell',
    description: 'Runs a shell command and returns its output.',
    strict: false,
    parameters: {
      type: 'object',
      properties: {
        command: { type: 'array', items: { type: 'string' } },
        workdir: { type: 'string' },
        timeout_ms: { type: 'number' },
      },
      required: ['command'],
      additionalProperties: false,
    },
  };
  const codex = {
    model: 'claude',
    instructions: 'You are a coding agent running in the Codex CLI.',
    input: [
      {
        type: 'message',
        role: 'developer',
        content: [{ type: 'input_text', text: '<permissions>workspace-write</permissions>' }],
      },
      {
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: '<environment_context><cwd>/repo</cwd></environment_context>' }],
      },
      user('List the files.'),
      {
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: '**Listing files**' }],
        content: null,
        encrypted_content: 'gAAAAABoOpenAI',
      },
      { type: 'function_call', name: 'shell', arguments: '{"command":["ls"]}', call_id: 'call_abc' },
      { type: 'function_call_output', call_id: 'call_abc', output: '{"output":"a.txt\\n","metadata":{"exit_code":0}}' },
    ],
    tools: [shell],
    tool_choice: 'auto',
    parallel_tool_calls: false,
    reasoning: { effort: 'medium', summary: 'auto' },
    store: false,
    stream: true,
    include: ['reasoning.encrypted_content'],
    prompt_cache_key: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  };

  it.each([
    ['anthropic', 'claude-sonnet-4-5'],
    ['openai-compatible', 'qwen3-coder'],
    ['google', 'gemini-2.5-pro'],
  ] as Array<[EndpointKind, string]>)('reaches %s whole and answers in Responses events', async (kind, model) => {
    // Gemini cannot hold a turn to one call: there, a Codex model family that allows parallel calls.
    const body = kind === 'google' ? { ...codex, parallel_tool_calls: true } : codex;
    const { sent, events } = await turn(kind, model, body);
    const wire = JSON.stringify(sent);
    for (const text of ['Codex CLI', 'workspace-write', '/repo', 'List the files.', 'a.txt', 'shell']) {
      expect(wire).toContain(text);
    }
    expect(events.at(-1)!.type).toBe('response.completed');
  });
});
