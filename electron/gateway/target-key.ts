import type { EndpointConfig } from '../../shared/types/config';
import { missingKey } from './attempt-failures';

/**
 * The key for a target's endpoint from the keychain. An OpenAI-compatible endpoint (a local server) may need
 * none, so an unreachable keychain or a missing key does not stop it; any other kind fails with the fix.
 */
export async function targetKey(
  getKey: (endpointId: string) => Promise<string | undefined>,
  endpoint: EndpointConfig,
): Promise<string | undefined> {
  const isKeyOptional = endpoint.kind === 'openai-compatible';
  const apiKey = await getKey(endpoint.id).catch((error: unknown) => {
    if (isKeyOptional) return undefined;
    throw error;
  });
  if (apiKey === undefined && !isKeyOptional) throw missingKey(endpoint.id);
  return apiKey;
}
