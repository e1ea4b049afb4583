import { createHash } from 'node:crypto';
import type { CallState } from './call-state';
import type { CachedAnswer, CallRequest, ResponseCache } from './types';

/**
 * The same model id, messages and sampling settings: the same key. A local API call's key is its protocol
 * and body, whether it streams or not.
 */
export function responseCacheKey(request: CallRequest): string {
  const { modelId, messages, sampling = {}, api } = request;
  if (api) {
    const { stream: _stream, stream_options: _streamOptions, ...body } = api.body;
    return createHash('sha256')
      .update(JSON.stringify({ modelId, protocol: api.protocol, body }))
      .digest('hex');
  }
  // Sorted keys, so the order a client wrote its settings in does not matter.
  const settings = Object.fromEntries(Object.entries(sampling).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify({ modelId, messages, settings })).digest('hex');
}

/** Reads and writes the cache without ever failing the call that uses it. */
export function safeCache(cache: ResponseCache) {
  return {
    get(key: string): CachedAnswer | undefined {
      try {
        return cache.get(key);
      } catch (error) {
        console.error(`switchboard: could not read the response cache: ${(error as Error).message}`);
        return undefined;
      }
    },
    put(key: string, answer: CachedAnswer, ttlMs: number): void {
      try {
        cache.put(key, answer, ttlMs);
      } catch (error) {
        console.error(`switchboard: could not keep the answer in the response cache: ${(error as Error).message}`);
      }
    },
  };
}

/**
 * Only a plain text answer is kept: one that called a tool would replay without its calls, and one of
 * several choices (`n`) without the others.
 */
export function isKeepable(state: CallState): boolean {
  const choices = state.request.api?.body.n;
  return !state.hasToolCalls && (typeof choices !== 'number' || choices <= 1);
}
