import type { ChatMessage } from '../../shared/types/chat';
import type { NormalizedUsage } from '../../shared/types/usage';

/**
 * Tokens in this many UTF-8 bytes: one per 4 bytes, rounded up. That is about 4 characters a token in
 * English and code, 2 in Cyrillic or Greek, 1.3 in Chinese or Japanese: close to what current
 * tokenizers give, without shipping one.
 */
export function estimateTokens(utf8Bytes: number): number {
  return Math.ceil(utf8Bytes / 4);
}

/** Tokens each message adds for its role and framing in the chat format. */
const tokensPerMessage = 4;

/** The prompt's tokens, estimated from its messages. */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce(
    (total, message) => total + tokensPerMessage + estimateTokens(Buffer.byteLength(message.content)),
    0,
  );
}

/**
 * The usage of a call cut short (cancelled or interrupted): what the provider reported so far where
 * it did, an estimate from the text where it did not. A running output count below the estimate (as
 * Anthropic's `message_start` sends, with its output of 1) gives way to the estimate. Null when there
 * is nothing to go on: no text received and no count reported.
 */
export function cutShortUsage(
  messages: readonly ChatMessage[],
  answerBytes: number,
  reported: NormalizedUsage | null,
): { usage: NormalizedUsage; isEstimated: boolean } | null {
  if (reported === null && answerBytes === 0) return null;
  const outputEstimate = estimateTokens(answerBytes);
  const isInputReported = reported !== null && reported.inputTokens > 0;
  const isOutputReported = reported !== null && reported.outputTokens >= outputEstimate;
  const usage: NormalizedUsage = {
    inputTokens: isInputReported ? reported.inputTokens : estimatePromptTokens(messages),
    cacheReadTokens: isInputReported ? reported.cacheReadTokens : 0,
    cacheWriteTokens: isInputReported ? reported.cacheWriteTokens : 0,
    outputTokens: isOutputReported ? reported.outputTokens : outputEstimate,
    reasoningTokens: isOutputReported ? reported.reasoningTokens : null,
  };
  return { usage, isEstimated: !isInputReported || !isOutputReported };
}
