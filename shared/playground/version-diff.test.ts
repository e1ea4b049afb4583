import { describe, expect, it } from 'vitest';
import { lineDiff, versionDiff } from './version-diff';

describe('version diffs', () => {
  it('keeps common lines and marks removed and added ones in reading order', () => {
    expect(lineDiff(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd', 'e'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'd' },
      { kind: 'added', text: 'e' },
    ]);
    expect(lineDiff([], ['a'])).toEqual([{ kind: 'added', text: 'a' }]);
    expect(lineDiff(['a'], [])).toEqual([{ kind: 'removed', text: 'a' }]);
  });

  it('shows what changed in the parts, messages, parameters and models of two versions', () => {
    const older = {
      system: 'Be brief.',
      user: 'Capital of {{country}}?',
      params: { temperature: 0.2 },
      modelIds: ['a/m'],
    };
    const newer = {
      system: 'Be brief.',
      messages: [
        { role: 'user' as const, content: 'Capital of France?' },
        { role: 'assistant' as const, content: 'Paris.' },
      ],
      user: 'Capital of {{country}}?',
      params: { temperature: 0.9, json: true, jsonSchema: { type: 'string' } },
      modelIds: ['a/m', 'b/n'],
    };
    const changed = versionDiff(older, newer).filter((line) => line.kind !== 'same');
    expect(changed).toEqual([
      { kind: 'added', text: 'Message 1 (user):' },
      { kind: 'added', text: '  Capital of France?' },
      { kind: 'added', text: 'Message 2 (assistant):' },
      { kind: 'added', text: '  Paris.' },
      { kind: 'removed', text: '  temperature: 0.2' },
      { kind: 'added', text: '  temperature: 0.9' },
      { kind: 'added', text: '  JSON output: on' },
      { kind: 'added', text: '  JSON schema:' },
      { kind: 'added', text: '    {' },
      { kind: 'added', text: '      "type": "string"' },
      { kind: 'added', text: '    }' },
      { kind: 'added', text: '  b/n' },
    ]);
    expect(versionDiff(older, older).every((line) => line.kind === 'same')).toBe(true);
  });
});
