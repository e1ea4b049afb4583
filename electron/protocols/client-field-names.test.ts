import { describe, expect, it } from 'vitest';
import { clientFieldFor } from './client-field-names';

describe("the client's field for an AI SDK setting", () => {
  it('names each protocol its own field for the same setting', () => {
    expect(clientFieldFor('openai-chat', 'serviceTier', {})).toBe('service_tier');
    expect(clientFieldFor('anthropic', 'topK', {})).toBe('top_k');
    expect(clientFieldFor('openai-responses', 'maxOutputTokens', {})).toBe('max_output_tokens');
    expect(clientFieldFor('anthropic', 'maxOutputTokens', {})).toBe('max_tokens');
    // A tool's strict flag, which some models cannot keep.
    expect(clientFieldFor('openai-responses', 'strict', {})).toBe('tools');
  });

  it('reads a provider option by its last name', () => {
    expect(clientFieldFor('openai-chat', 'providerOptions.openai.serviceTier', {})).toBe('service_tier');
    expect(clientFieldFor('anthropic', 'providerOptions.anthropic.thinking', {})).toBe('thinking');
  });

  it('names the field the body holds when two carry the setting', () => {
    expect(clientFieldFor('openai-chat', 'maxOutputTokens', { max_tokens: 5 })).toBe('max_tokens');
    expect(clientFieldFor('openai-chat', 'maxOutputTokens', { max_completion_tokens: 5 })).toBe(
      'max_completion_tokens',
    );
    expect(clientFieldFor('openai-chat', 'toolChoice', { function_call: 'auto' })).toBe('function_call');
  });

  it('leaves a feature no client field carries as the SDK named it', () => {
    expect(clientFieldFor('openai-chat', 'tool type: web_search', {})).toBeUndefined();
    expect(clientFieldFor('anthropic', 'toString', {})).toBeUndefined();
  });
});
