import type { SharedV4ProviderMetadata, SharedV4ProviderOptions } from '@ai-sdk/provider';

/**
 * A thinking block's `signature` is opaque to clients, which send it back unchanged. For an answer
 * translated from another provider it carries that provider's reasoning metadata (Gemini's thought
 * signature), so the next turn can hand it back; Anthropic's own signatures never start with this.
 */
const prefix = 'switchboard.v1.';

/** The signature for a translated thinking block ('' when the provider gave no metadata). */
export function encodeSignature(metadata: SharedV4ProviderMetadata | undefined): string {
  if (!metadata || Object.keys(metadata).length === 0) return '';
  return prefix + Buffer.from(JSON.stringify(metadata)).toString('base64url');
}

/** The provider options a signature of ours carries back; undefined for any other signature. */
export function decodeSignature(signature: string): SharedV4ProviderOptions | undefined {
  if (!signature.startsWith(prefix)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(signature.slice(prefix.length), 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as SharedV4ProviderOptions) : undefined;
  } catch {
    return undefined;
  }
}
