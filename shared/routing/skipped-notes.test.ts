import { describe, expect, it } from 'vitest';
import { skippedNotes } from './skipped-notes';

describe('skippedNotes', () => {
  it('says which targets were skipped and why, with when a bench ends', () => {
    const notes = skippedNotes({
      strategy: 'ordered',
      estimatedInputTokens: 300,
      considered: [
        { target: 'a/m', status: 'ranked', why: 'written 1st', outcome: 'served' },
        {
          target: 'b/m',
          status: 'benched',
          why: 'benched until 10:00:30Z: connection refused',
          until: '2026-11-26T10:00:30.000Z',
        },
        { target: 'c/m', status: 'too-small', why: 'context window 50 tokens < about 300 in the request' },
        {
          target: 'd/m',
          status: 'missing-capability',
          why: "cannot take tools (the endpoint's capabilities in config)",
        },
        { target: 'e/m', status: 'left-out', why: 'in the request\'s "ignore"' },
      ],
    });
    expect(notes.map((note) => note.text)).toEqual([
      'b/m skipped: benched until 10:00:30 UTC after failing (connection refused)',
      'c/m skipped: too small for this request (context window 50 tokens < about 300 in the request)',
      "d/m skipped: cannot take tools (the endpoint's capabilities in config)",
      'e/m left out by this request (in the request\'s "ignore")',
    ]);
    expect(skippedNotes(null)).toEqual([]);
  });
});
