import type { SharedV4ProviderMetadata } from '@ai-sdk/provider';

/**
 * A reasoning item's `encrypted_content` on a translated answer: the target's reasoning exactly as it gave
 * it (its text, and its metadata: an Anthropic thinking signature, redacted thinking, a Gemini thought
 * signature), in one string a stateless client (Codex) hands back with the next turn, so the target gets
 * its own reasoning whole. The text must come back unchanged for a signature to hold, summary or not.
 * Readable base64, not encryption: it holds only what the client was sent. OpenAI's own encrypted reasoning
 * never starts with this prefix, and no other provider can read it.
 */
const prefix = 'switchboard.reasoning.v1.';

export interface SealedReasoning {
  text: string;
  providerMetadata?: SharedV4ProviderMetadata;
}

export function sealReasoning(reasoning: SealedReasoning): string {
  return prefix + Buffer.from(JSON.stringify(reasoning), 'utf8').toString('base64url');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The reasoning sealed by `sealReasoning`; undefined for anything else (OpenAI's, or a changed one). */
export function openReasoning(content: string): SealedReasoning | undefined {
  if (!content.startsWith(prefix)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(content.slice(prefix.length), 'base64url').toString('utf8'));
    if (!isObject(value) || typeof value.text !== 'string') return undefined;
    const metadata = value.providerMetadata;
    if (metadata === undefined) return { text: value.text };
    if (!isObject(metadata) || !Object.values(metadata).every(isObject)) return undefined;
    return { text: value.text, providerMetadata: metadata as SharedV4ProviderMetadata };
  } catch {
    return undefined;
  }
}

export function isSealedReasoning(content: string): boolean {
  return content.startsWith(prefix);
}
