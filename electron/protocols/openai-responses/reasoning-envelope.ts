import type { SharedV4ProviderMetadata } from '@ai-sdk/provider';

/**
 * A reasoning item's `encrypted_content` on a translated answer: the target's own reasoning metadata (an
 * Anthropic thinking signature, redacted thinking, a Gemini thought signature), sealed in a string so a
 * stateless client (Codex) hands it back with the next turn and the target gets its reasoning whole.
 * Not encrypted: it holds what the provider already made opaque. OpenAI's own encrypted reasoning never
 * starts with this prefix and cannot be read by any other provider.
 */
const prefix = 'switchboard.reasoning.v1.';

export function sealReasoningMetadata(metadata: SharedV4ProviderMetadata): string {
  return prefix + Buffer.from(JSON.stringify(metadata), 'utf8').toString('base64url');
}

/** The metadata sealed by `sealReasoningMetadata`; undefined for anything else (OpenAI's own content). */
export function openReasoningMetadata(content: string): SharedV4ProviderMetadata | undefined {
  if (!content.startsWith(prefix)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(content.slice(prefix.length), 'base64url').toString('utf8'));
    const isRecordOfObjects =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
    return isRecordOfObjects ? (value as SharedV4ProviderMetadata) : undefined;
  } catch {
    return undefined;
  }
}

export function isSealedReasoning(content: string): boolean {
  return content.startsWith(prefix);
}
