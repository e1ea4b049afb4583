import { createHash } from 'node:crypto';
import type { CachedAnswer, CallRequest, ResponseCache } from './types';

/** The same model id, messages and settings: the same key. */
export function responseCacheKey(request: CallRequest): string {
  const { modelId, messages, maxOutputTokens, temperature } = request;
  return createHash('sha256')
    .update(
      JSON.stringify({ modelId, messages, maxOutputTokens: maxOutputTokens ?? null, temperature: temperature ?? null }),
    )
    .digest('hex');
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
