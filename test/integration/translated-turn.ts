// One translated Responses turn through the real AI SDK provider of a target kind, against a fake provider:
// what the provider was sent, and the client's events (each checked against OpenAI's spec).
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { expect } from 'vitest';
import { openAIResponsesCodec } from '../../electron/protocols/openai-responses';
import { createLanguageModel } from '../../electron/providers/language-model';
import type { EndpointKind } from '../../shared/types/config';
import { loadCapture, type FakeProvider } from '../fake-provider';
import { parseResponseEvents, responseEventErrors, type ResponseEvent } from './responses-spec';

const baseURLs: Partial<Record<EndpointKind, string>> = { google: '/v1beta' };

/** One translated turn, answered by a capture's replay or a short text. */
export async function translatedTurn(
  fake: FakeProvider,
  kind: EndpointKind,
  model: string,
  body: Record<string, unknown>,
  capture?: string,
) {
  fake.enqueue(capture ? { kind: 'replay', chunks: loadCapture(capture) } : { kind: 'text', text: 'OK.' });
  const endpoint = { id: 'ep', kind, baseURL: `${fake.url}${baseURLs[kind] ?? '/v1'}` };
  const call = openAIResponsesCodec.translate(body, { target: `ep/${model}`, kind });
  const { stream } = await createLanguageModel({ endpoint, model, apiKey: 'test-key' }).doStream(call);
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  // The gateway refuses a call whose provider says it would drop a setting: a translation must cause none.
  const start = parts.find((part) => part.type === 'stream-start');
  const warnings = start?.type === 'stream-start' ? start.warnings : [];
  expect(warnings.filter((warning) => warning.type === 'unsupported')).toEqual([]);
  const encoder = openAIResponsesCodec.createStreamEncoder({ id: 'resp_t', model: `ep/${model}`, created: 1 }, body);
  const events = parseResponseEvents(parts.map((part) => encoder.write(part)).join(''));
  for (const event of events) expect(responseEventErrors(event), event.type).toEqual([]);
  return { sent: fake.requests.at(-1)!.body, events, response: events.at(-1)!.response };
}

/** The output items as Codex keeps them for the next turn (it never sends item ids back with store: false). */
export const asNextInput = (output: Record<string, unknown>[]) =>
  output.map(({ id: _id, status: _status, ...item }) => item);

export const userItem = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

/** The deltas of one event type, joined. */
export const deltasOf = (events: ResponseEvent[], type: string) =>
  events
    .filter((event) => event.type === type)
    .map((event) => event.delta)
    .join('');
