import type { ModelPrice } from '../../shared/types/config';
import type { ModelListFormat } from './list-request';
import type { FetchedModel } from './types';

type Json = Record<string, unknown>;

export interface ModelPage {
  models: FetchedModel[];
  /** The cursor of the next page, when the list goes on. */
  cursor?: string;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const count = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/** Models that cannot answer a chat: embeddings, speech, images, moderation, reranking, old completions. */
const notChat = /embed|whisper|tts|dall-e|gpt-image|imagen|moderation|davinci|babbage|transcribe|rerank|sora|veo-/i;
export const isChatModel = (model: string) => !notChat.test(model);

/** A per-token price as the list writes it ("0.000003"), in USD per million tokens; absent or variable ("-1") is none. */
function perMillion(value: unknown): number | undefined {
  const perToken = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(perToken) || perToken < 0) return undefined;
  return Math.round(perToken * 1e6 * 1e6) / 1e6;
}

/** OpenRouter writes `prompt`/`completion`, Vercel's gateway `input`/`output`. */
function listedPrice(pricing: unknown): ModelPrice | undefined {
  if (!isObject(pricing)) return undefined;
  const input = perMillion(pricing.prompt ?? pricing.input);
  const output = perMillion(pricing.completion ?? pricing.output);
  if (input === undefined || output === undefined) return undefined;
  const cacheRead = perMillion(pricing.input_cache_read);
  const cacheWrite = perMillion(pricing.input_cache_write);
  return {
    input,
    output,
    ...(cacheRead !== undefined ? { cacheRead } : {}),
    ...(cacheWrite !== undefined ? { cacheWrite } : {}),
  };
}

function withFacts(model: string, facts: { name?: string; contextWindow?: number; price?: ModelPrice }): FetchedModel {
  return {
    model,
    ...(facts.name && facts.name !== model ? { name: facts.name } : {}),
    ...(facts.contextWindow ? { contextWindow: facts.contextWindow } : {}),
    ...(facts.price ? { price: facts.price } : {}),
  };
}

/** `{ data: [{ id, ... }] }`: OpenAI, OpenRouter (`context_length`, `pricing`), Vercel (`context_window`, `type`), LM Studio. */
function openAiItem(item: Json): FetchedModel | undefined {
  const model = text(item.id);
  // Vercel's gateway lists image and embedding models too, typed.
  if (!model || (item.type !== undefined && item.type !== 'language')) return undefined;
  return withFacts(model, {
    name: text(item.name),
    contextWindow: count(item.context_length) ?? count(item.context_window),
    price: listedPrice(item.pricing),
  });
}

/** `{ data: [{ id, display_name }], has_more, last_id }`. */
function anthropicItem(item: Json): FetchedModel | undefined {
  const model = text(item.id);
  return model
    ? withFacts(model, { name: text(item.display_name), contextWindow: count(item.max_input_tokens) })
    : undefined;
}

/** `{ models: [{ name: "models/…", displayName, inputTokenLimit, supportedGenerationMethods }], nextPageToken }`. */
function googleItem(item: Json): FetchedModel | undefined {
  const name = text(item.name);
  const methods = item.supportedGenerationMethods;
  if (!name || (Array.isArray(methods) && !methods.includes('generateContent'))) return undefined;
  return withFacts(name.replace(/^models\//, ''), {
    name: text(item.displayName),
    contextWindow: count(item.inputTokenLimit),
  });
}

/** `{ models: [{ name, model, details }] }`. */
function ollamaItem(item: Json): FetchedModel | undefined {
  const model = text(item.name) ?? text(item.model);
  return model ? { model } : undefined;
}

const readers = { openai: openAiItem, anthropic: anthropicItem, google: googleItem, ollama: ollamaItem };

/**
 * One page of a model list, or null when the body is not a model list at all (a web page, another
 * API): the caller then says the base URL is wrong.
 */
export function readModelPage(format: ModelListFormat, body: unknown): ModelPage | null {
  if (!isObject(body)) return null;
  const items = format === 'openai' || format === 'anthropic' ? body.data : body.models;
  if (!Array.isArray(items)) return null;
  const models = items
    .filter(isObject)
    .map(readers[format])
    .filter((model): model is FetchedModel => model !== undefined && isChatModel(model.model));
  const cursor =
    format === 'anthropic' && body.has_more === true
      ? text(body.last_id)
      : format === 'google'
        ? text(body.nextPageToken)
        : undefined;
  return cursor ? { models, cursor } : { models };
}
