// The real clients read what the encoder writes: the `openai` SDK's Responses stream helper and
// `@ai-sdk/openai`'s Responses model, against a local server answering with the encoder's output.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, reasoningParts, textParts, toolCallParts, usage } from '../../../test/integration/neutral-parts';
import { openAIResponsesCodec } from './index';

/** What the server answers the next request with: neutral parts, and a failure after them if any. */
let script: { parts: LanguageModelV4StreamPart[]; failWith?: [string, string] } = { parts: [] };
let server: Server;
let baseURL: string;
const bodies: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const body = JSON.parse(text) as Record<string, unknown>;
    bodies.push(body);
    const meta = { id: 'resp_sdk', model: 'local/model', created: 1_763_000_000 };
    if (body.stream !== true) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(openAIResponsesCodec.toResponseBody(meta, script.parts, body)));
      return;
    }
    const encoder = openAIResponsesCodec.createStreamEncoder(meta, body);
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const part of script.parts) response.write(encoder.write(part));
    if (script.failWith) response.write(encoder.fail(...script.failWith));
    response.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const weatherCall = toolCallParts('call_1', 'weather', '{"city"', ':"Paris"}');
const toolAnswer = [...textParts('t', 'Let me check.'), ...weatherCall, finish('tool-calls', usage(40, 12))];

describe('the openai SDK reading the Responses stream', () => {
  const client = () => new OpenAI({ baseURL, apiKey: 'local', maxRetries: 0 });

  it('accumulates text, a function call and usage into its final Response', async () => {
    script = { parts: toolAnswer };
    const stream = client().responses.stream({ model: 'local/model', input: 'Weather in Paris?' });
    const seen: string[] = [];
    stream.on('response.output_text.delta', (event) => seen.push(event.delta));
    const final = await stream.finalResponse();
    expect(seen.join('')).toBe('Let me check.');
    expect(final.output_text).toBe('Let me check.');
    expect(final.output[1]).toMatchObject({
      type: 'function_call',
      call_id: 'call_1',
      name: 'weather',
      arguments: '{"city":"Paris"}',
    });
    expect(final.usage).toMatchObject({ input_tokens: 40, output_tokens: 12, total_tokens: 52 });
  });

  it('reads reasoning summaries', async () => {
    script = { parts: [...reasoningParts('r', ['Paris is ', 'in France.']), ...textParts('t', 'Sunny.'), finish()] };
    const final = await client()
      .responses.stream({ model: 'local/model', input: 'Weather?', reasoning: { effort: 'low', summary: 'auto' } })
      .finalResponse();
    expect(final.output[0]).toMatchObject({
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: 'Paris is in France.' }],
    });
  });

  it('throws the failure sent after the first token, instead of finishing', async () => {
    script = {
      parts: textParts('t', 'Part').slice(0, 2),
      failWith: ['PROVIDER_STREAM_ERROR', 'The provider went away.'],
    };
    await expect(client().responses.stream({ model: 'local/model', input: 'Hi' }).finalResponse()).rejects.toThrow(
      'The provider went away.',
    );
  });

  it('reads a whole (non-streaming) Response', async () => {
    script = { parts: toolAnswer };
    const response = await client().responses.create({ model: 'local/model', input: 'Weather in Paris?' });
    expect(response.output_text).toBe('Let me check.');
    expect(response.output.map((item) => item.type)).toEqual(['message', 'function_call']);
    expect(response.status).toBe('completed');
  });
});

describe('@ai-sdk/openai’s Responses model reading the stream', () => {
  const model = () => createOpenAI({ baseURL, apiKey: 'local' }).responses('local/model');
  const tools = {
    weather: tool({
      inputSchema: jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } } }),
    }),
  };

  it('streams text and a tool call with usage', async () => {
    script = { parts: toolAnswer };
    const result = streamText({ model: model(), prompt: 'Weather in Paris?', tools });
    expect(await result.text).toBe('Let me check.');
    expect((await result.toolCalls).map((call) => [call.toolName, call.input])).toEqual([
      ['weather', { city: 'Paris' }],
    ]);
    expect(await result.finishReason).toBe('tool-calls');
    expect((await result.usage).inputTokens).toBe(40);
    expect(bodies.at(-1)).toMatchObject({
      stream: true,
      tools: [expect.objectContaining({ type: 'function', name: 'weather' })],
    });
  });

  it('reads reasoning and a whole Response from generateText', async () => {
    script = {
      parts: [
        ...reasoningParts('r', ['Think.']),
        ...textParts('t', 'Done.'),
        finish('stop', usage(5, 9, { reasoning: 4 })),
      ],
    };
    const result = await generateText({
      model: model(),
      prompt: 'Go',
      providerOptions: { openai: { reasoningSummary: 'auto', forceReasoning: true } },
    });
    expect(result.text).toBe('Done.');
    expect(result.reasoningText).toBe('Think.');
    expect(result.usage.outputTokenDetails.reasoningTokens).toBe(4);
  });

  it('reports the failure sent mid-stream as an error', async () => {
    script = { parts: textParts('t', 'Part').slice(0, 2), failWith: ['TIMEOUT', 'No token for 30 s.'] };
    const errors: unknown[] = [];
    const result = streamText({ model: model(), prompt: 'Hi', onError: ({ error }) => void errors.push(error) });
    await result.consumeStream();
    expect(String((errors[0] as Error)?.message ?? errors[0])).toContain('No token for 30 s.');
    expect(await result.finishReason).toBe('error');
  });
});
