// Each provider's recorded stream, through its real AI SDK provider, comes back as Chat Completions chunks that
// validate against OpenAI's spec and that the openai SDK's stream helper reassembles.
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCannedHttpServer, type CannedHttpServer } from '../../../test/integration/canned-http-server';
import { openAISpecErrors } from '../../../test/integration/openai-spec';
import { loadCapture, startFakeProvider, type FakeProvider } from '../../../test/fake-provider';
import type { EndpointKind } from '../../../shared/types/config';
import { createLanguageModel } from '../../providers/language-model';
import { openAIChatCodec } from './index';

let fake: FakeProvider;
let canned: CannedHttpServer;
beforeAll(async () => {
  fake = await startFakeProvider();
  canned = await startCannedHttpServer();
});
afterAll(async () => {
  await fake.close();
  await canned.close();
});

/** A capture replayed through its real AI SDK provider, encoded as Chat Completions chunks. */
async function replayAsChat(kind: EndpointKind, model: string, capture: string, body: Record<string, unknown> = {}) {
  fake.enqueue({ kind: 'replay', chunks: loadCapture(capture) });
  const baseURL = `${fake.url}/${kind === 'google' ? 'v1beta' : 'v1'}`;
  const language = createLanguageModel({ endpoint: { id: 'work', kind, baseURL }, model, apiKey: 'key-for-test' });
  const { stream } = await language.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
  const chatBody = { model: 'm', messages: [], stream: true, stream_options: { include_usage: true }, ...body };
  const encoder = openAIChatCodec.createStreamEncoder(
    { id: 'chatcmpl-1', model: `work/${model}`, created: 1 },
    chatBody,
  );
  const parts: LanguageModelV4StreamPart[] = [];
  let sse = '';
  for await (const part of stream) {
    parts.push(part);
    sse += encoder.write(part);
  }
  const chunks = sse
    .split('\n\n')
    .filter((block) => block && block !== 'data: [DONE]')
    .map((block) => JSON.parse(block.slice('data: '.length)));
  for (const chunk of chunks) expect(openAISpecErrors('CreateChatCompletionStreamResponse', chunk)).toBe('');
  expect(sse.endsWith('data: [DONE]\n\n')).toBe(true);
  const body200 = openAIChatCodec.toResponseBody(
    { id: 'chatcmpl-1', model: `work/${model}`, created: 1 },
    parts,
    chatBody,
  );
  expect(openAISpecErrors('CreateChatCompletionResponse', body200)).toBe('');
  canned.answer({ contentType: 'text/event-stream', body: sse });
  const client = new OpenAI({ baseURL: canned.url, apiKey: 'test', maxRetries: 0 });
  const read = client.chat.completions.stream({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] });
  return {
    completion: await read.finalChatCompletion(),
    chunks,
    body: body200 as { choices: { message: Record<string, unknown> }[] },
  };
}

describe("each provider's real stream as Chat Completions", () => {
  it('turns an Anthropic tool call without arguments into a call whose arguments parse', async () => {
    const { completion, chunks } = await replayAsChat(
      'anthropic',
      'claude-sonnet-4-5',
      'anthropic/anthropic-tool-no-args.chunks.txt',
    );
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe("I'll update the issue list for you.");
    expect(choice.message.tool_calls).toEqual([
      {
        id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP',
        type: 'function',
        function: { name: 'updateIssueList', arguments: '{}' },
      },
    ]);
    expect(chunks.at(-1).usage).toMatchObject({ prompt_tokens: 565, completion_tokens: 48 });
  });

  it("turns Gemini's whole function call into one tool call delta", async () => {
    const { completion, body } = await replayAsChat(
      'google',
      'gemini-3-pro-preview',
      'google/google-tool-call.chunks.txt',
    );
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    const [call] = completion.choices[0]!.message.tool_calls!;
    expect(call).toMatchObject({ type: 'function', function: { name: 'weather' } });
    expect(JSON.parse((call as { function: { arguments: string } }).function.arguments)).toEqual({
      location: 'San Francisco',
    });
    expect(body.choices[0]!.message.tool_calls).toHaveLength(1);
  });

  it("streams Anthropic's thinking as reasoning_content", async () => {
    const { chunks, body } = await replayAsChat(
      'anthropic',
      'claude-sonnet-4-5',
      'anthropic/anthropic-clear-thinking.1.chunks.txt',
    );
    const reasoning = chunks.map((chunk) => chunk.choices[0]?.delta?.reasoning_content ?? '').join('');
    expect(reasoning.length).toBeGreaterThan(0);
    expect(body.choices[0]!.message.reasoning_content).toBe(reasoning);
  });
});
