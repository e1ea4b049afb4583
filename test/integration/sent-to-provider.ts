import type { SharedV4Warning } from '@ai-sdk/provider';
import type { EndpointKind } from '../../shared/types/config';
import type { TranslatedCall } from '../../electron/protocols/types';
import { createLanguageModel } from '../../electron/providers/language-model';

/**
 * What a translated call becomes on the wire: the request body the endpoint kind's real AI SDK provider
 * sends (no network: the fetch is a stub), and the provider's warnings, where a setting it drops would
 * show. `target` is `endpoint-id/model`.
 */
export async function sentToProvider(
  call: TranslatedCall,
  target: string,
  kind: EndpointKind,
): Promise<{ body: Record<string, unknown>; warnings: SharedV4Warning[] }> {
  const [endpointId, model] = [target.slice(0, target.indexOf('/')), target.slice(target.indexOf('/') + 1)];
  let body: Record<string, unknown> = {};
  const fetch = async (_url: unknown, init?: RequestInit) => {
    body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    return new Response('', { headers: { 'content-type': 'text/event-stream' } });
  };
  const endpoint = {
    id: endpointId,
    kind,
    ...(kind === 'openai-compatible' ? { baseURL: 'http://127.0.0.1:9/v1' } : {}),
  };
  const languageModel = createLanguageModel({ endpoint, model, apiKey: 'sk-test' }, fetch as typeof globalThis.fetch);
  const { stream } = await languageModel.doStream(call);
  const reader = stream.getReader();
  const first = await reader.read();
  await reader.cancel();
  const warnings = first.value?.type === 'stream-start' ? first.value.warnings : [];
  return { body, warnings };
}
