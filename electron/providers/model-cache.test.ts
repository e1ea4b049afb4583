import { describe, expect, it } from 'vitest';
import type { EndpointConfig } from '../../shared/types/config';
import { createModelCache } from './model-cache';

describe('AI SDK models kept per endpoint, model and key', () => {
  it('builds a model once per endpoint, model and key, and anew for a changed config or key', () => {
    const modelOf = createModelCache();
    const endpoint: EndpointConfig = { id: 'e', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' };
    const first = modelOf({ endpoint, model: 'm', apiKey: 'sk-1' });
    expect(modelOf({ endpoint, model: 'm', apiKey: 'sk-1' })).toBe(first);
    expect(first.modelId).toBe('m');
    expect(modelOf({ endpoint, model: 'other', apiKey: 'sk-1' })).not.toBe(first);
    expect(modelOf({ endpoint, model: 'm', apiKey: 'sk-2' })).not.toBe(first);
    // An edited config is a new endpoint object: never served by the old model.
    const edited: EndpointConfig = { ...endpoint, kind: 'anthropic' };
    const rebuilt = modelOf({ endpoint: edited, model: 'm', apiKey: 'sk-1' });
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.provider).toMatch(/anthropic/);
  });
});
