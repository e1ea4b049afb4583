import { describe, expect, it } from 'vitest';
import { readPromptFile, writePromptFile } from './prompt-file';

describe('prompt files', () => {
  it('round-trips a prompt with its cases and checks, and says what is wrong with other files', () => {
    const draft = {
      system: 'Be {{tone}}.',
      messages: [
        { role: 'user' as const, content: 'Hello' },
        { role: 'assistant' as const, content: 'Hi, {{tone}} here.' },
      ],
      user: 'Hi',
      params: { seed: 3, json: true, jsonSchema: { type: 'object' } },
      modelIds: ['a/m'],
    };
    const cases = [
      { id: 'c1', values: { tone: 'kind' }, checks: [{ kind: 'json' as const, schema: { type: 'array' } }] },
    ];
    expect(readPromptFile(writePromptFile('Greeting', draft, cases))).toEqual({ name: 'Greeting', draft, cases });
    expect(readPromptFile('nope')).toEqual({ problem: expect.stringMatching(/not JSON/) });
    expect(readPromptFile('{"format": "other"}')).toEqual({
      problem: expect.stringMatching(/not a Switchboard prompt/),
    });
    expect(readPromptFile('{"format": "switchboard-prompt", "version": 2}')).toEqual({
      problem: 'That prompt file is version 2; this Switchboard reads version 1.',
    });
    expect(readPromptFile('{"format": "switchboard-prompt", "version": 1, "name": "x"}')).toEqual({
      problem: 'That prompt file is missing its name, prompt or cases.',
    });
  });
});
