import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The recorded captures, in the repository (`test/fixtures/providers`, with their provenance and licence). */
export const capturesDir = resolve(import.meta.dirname, '../fixtures/providers');

/** A capture's payload lines (`anthropic/anthropic-text.chunks.txt`). */
export function loadCapture(relativePath: string): string[] {
  return readFileSync(resolve(capturesDir, relativePath), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0);
}

export interface ExpectedResult {
  model: string;
  text: string;
  reasoning: string;
  finish: string;
  error: { type: string; code: string; message: string } | null;
  usage: {
    inputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
    outputTokens: number;
    reasoningTokens: number | null;
  } | null;
}

/** What a correct adapter reports for each capture (expected.json). */
export function loadExpected(): Record<string, ExpectedResult> {
  return JSON.parse(readFileSync(resolve(capturesDir, 'expected.json'), 'utf8')) as Record<string, ExpectedResult>;
}
