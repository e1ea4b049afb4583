import { describe, expect, it } from 'vitest';
import { endpointKinds } from '../../../../shared/types/endpoint-kinds';
import { freeId, idFromBaseURL, presets, startingModel } from './presets';

describe('provider presets', () => {
  it('cover every hosted kind, the OpenAI-compatible providers with their https base URLs, and two local servers without keys', () => {
    expect(new Set(presets.map((preset) => preset.kind))).toEqual(new Set(endpointKinds));
    for (const preset of presets.filter(
      (candidate) => candidate.kind === 'openai-compatible' && candidate.key === 'required',
    )) {
      expect(preset.baseURL).toMatch(/^https:\/\/[^/]+\/.*v1$/);
    }
    expect(presets.filter((preset) => preset.key === 'none').map((preset) => preset.baseURL)).toEqual([
      'http://127.0.0.1:11434/v1',
      'http://127.0.0.1:1234/v1',
    ]);
    expect(new Set(presets.map((preset) => preset.id)).size).toBe(presets.length);
  });

  it('start with a suggested model when listed (exactly before by prefix), else the first listed', () => {
    const anthropic = presets.find((preset) => preset.id === 'anthropic')!;
    expect(startingModel(anthropic, ['claude-3-5-haiku-20241022', 'claude-sonnet-4-5-20250929'])).toBe(
      'claude-sonnet-4-5-20250929',
    );
    expect(startingModel({ suggested: ['gemini-2.5-flash'] }, ['gemini-2.5-flash-lite', 'gemini-2.5-flash'])).toBe(
      'gemini-2.5-flash',
    );
    expect(startingModel({ suggested: ['nothing-like-it'] }, ['llama3.2:latest', 'qwen3:8b'])).toBe('llama3.2:latest');
    expect(startingModel({ suggested: [] }, [])).toBeNull();
  });

  it('name a server by its address', () => {
    expect(idFromBaseURL('https://api.fireworks.ai/inference/v1', 'custom')).toBe('fireworks');
    expect(idFromBaseURL('https://openrouter.ai/api/v1', 'custom')).toBe('openrouter');
    expect(idFromBaseURL('http://127.0.0.1:8080/v1', 'custom')).toBe('local');
    expect(idFromBaseURL('http://localhost:8080/v1', 'custom')).toBe('local');
    expect(idFromBaseURL('not a url', 'custom')).toBe('custom');
  });

  it('suggest an id no endpoint has yet', () => {
    expect(freeId('openai', [])).toBe('openai');
    expect(freeId('openai', ['openai', 'openai-2'])).toBe('openai-3');
  });
});
