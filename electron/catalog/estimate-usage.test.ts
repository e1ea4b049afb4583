import { describe, expect, it } from 'vitest';
import type { NormalizedUsage } from '../../shared/types/usage';
import { cutShortUsage, estimatePromptTokens, estimateTokens } from './estimate-usage';

const bytes = (text: string) => Buffer.byteLength(text);

describe('estimateTokens', () => {
  it('counts a token per 4 UTF-8 bytes, so scripts with longer characters count more per character', () => {
    expect(estimateTokens(bytes('Hello, world'))).toBe(3);
    expect(estimateTokens(bytes('Привет'))).toBe(3);
    expect(estimateTokens(bytes('你好世界'))).toBe(3);
    expect(estimateTokens(0)).toBe(0);
  });
  it('adds 4 tokens of framing per message of the prompt', () => {
    expect(
      estimatePromptTokens([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ]),
    ).toBe(4 + 3 + 4 + 1);
  });
});

describe('cutShortUsage', () => {
  const messages = [{ role: 'user' as const, content: 'Tell me a story' }];
  const reported = (inputTokens: number, outputTokens: number): NormalizedUsage => ({
    inputTokens,
    cacheReadTokens: 10,
    cacheWriteTokens: 0,
    outputTokens,
    reasoningTokens: 0,
  });

  it('is nothing without text or counts', () => {
    expect(cutShortUsage(messages, 0, null)).toBeNull();
  });

  it('estimates both sides when the provider said nothing', () => {
    expect(cutShortUsage(messages, 400, null)).toEqual({
      usage: { inputTokens: 8, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 100, reasoningTokens: null },
      isEstimated: true,
    });
  });

  it("keeps the provider's running counts when they cover the text received", () => {
    expect(cutShortUsage(messages, 400, reported(120, 130))).toEqual({ usage: reported(120, 130), isEstimated: false });
  });

  it("keeps the provider's prompt count but estimates an output count that lags the text (Anthropic's start)", () => {
    expect(cutShortUsage(messages, 400, reported(120, 1))).toEqual({
      usage: { ...reported(120, 100), reasoningTokens: null },
      isEstimated: true,
    });
  });
});
