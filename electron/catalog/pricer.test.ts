import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NormalizedUsage } from '../../shared/types/usage';
import { createPricer } from './pricer';

interface CostCase {
  capture: string | null;
  model: string;
  provider?: string;
  usage: NormalizedUsage;
  costUSD: number | null;
}

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/pricing/expected-costs.json');
const cases = JSON.parse(readFileSync(fixtures, 'utf8')) as CostCase[];

/** The endpoint a capture came through, as a user would configure it. */
function endpointFor(testCase: CostCase): { endpointKind: string; baseURL?: string } {
  const folder = testCase.capture?.split('/')[0] ?? testCase.provider ?? 'openai-compatible';
  if (folder === 'openai-chat') return { endpointKind: 'openai' };
  if (testCase.capture?.includes('groq'))
    return { endpointKind: 'openai-compatible', baseURL: 'https://api.groq.com/openai/v1' };
  if (testCase.capture?.includes('xai')) return { endpointKind: 'openai-compatible', baseURL: 'https://api.x.ai/v1' };
  return { endpointKind: folder };
}

describe('pricing against expected-costs.json', () => {
  const price = createPricer();
  it.each(cases.map((testCase) => [testCase.capture ?? testCase.model, testCase] as const))('%s', (_name, testCase) => {
    const result = price({ ...endpointFor(testCase), model: testCase.model, usage: testCase.usage });
    if (testCase.costUSD === null) {
      expect(result).toEqual({ costUSD: null, source: 'unknown' });
    } else {
      expect(result.source).toBe('catalog');
      expect(result.costUSD).toBeCloseTo(testCase.costUSD, 9);
    }
  });
});

describe('price precedence', () => {
  const price = createPricer();
  const usage: NormalizedUsage = {
    inputTokens: 1_000_000,
    cacheReadTokens: 200_000,
    cacheWriteTokens: 0,
    outputTokens: 500_000,
    reasoningTokens: null,
  };

  it("uses the endpoint's own prices over the catalog", () => {
    const result = price({
      endpointKind: 'openai',
      model: 'gpt-4o-mini',
      usage,
      configPrices: { 'gpt-4o-mini': { input: 1, output: 2, cacheRead: 0.5 } },
    });
    expect(result).toEqual({ costUSD: 0.8 * 1 + 0.2 * 0.5 + 0.5 * 2, source: 'config' });
  });

  it('falls back to what the provider reported', () => {
    expect(
      price({ endpointKind: 'openai-compatible', model: 'my-finetune-v3', usage, providerCostUSD: 0.0123 }),
    ).toEqual({ costUSD: 0.0123, source: 'provider' });
  });

  it('prices OpenRouter and Vercel vendor/model names from the catalog', () => {
    expect(price({ endpointKind: 'openrouter', model: 'anthropic/claude-sonnet-4.5', usage }).source).toBe('catalog');
    expect(price({ endpointKind: 'vercel', model: 'openai/gpt-4o-mini', usage }).source).toBe('catalog');
  });
});

describe('model names that Object.prototype also has', () => {
  const price = createPricer();
  const usage: NormalizedUsage = {
    inputTokens: 1000,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 500,
    reasoningTokens: null,
  };

  it.each(['constructor', 'toString', '__proto__'])('leaves "%s" unpriced unless the endpoint prices it', (model) => {
    expect(price({ endpointKind: 'openai-compatible', model, usage, configPrices: {} })).toEqual({
      costUSD: null,
      source: 'unknown',
    });
    expect(price({ endpointKind: 'openai', model, usage })).toEqual({ costUSD: null, source: 'unknown' });
    const configPrices = { [model]: { input: 2, output: 4 } };
    expect(price({ endpointKind: 'openai-compatible', model, usage, configPrices })).toEqual({
      costUSD: (1000 * 2 + 500 * 4) / 1_000_000,
      source: 'config',
    });
  });
});
