import { describe, expect, it } from 'vitest';
import { usageRecord } from '../../../shared/types/__fixtures__/usage-record';
import { applyParts, earlyParts, endOpenStreams, newStreamView } from './apply-parts';

describe('a streaming answer as the panes show it', () => {
  it('folds text, failed attempts and the finish into one view', () => {
    const record = usageRecord('call-1', '2026-11-25T10:00:00.000Z');
    const view = applyParts(newStreamView('fast'), [
      { type: 'attempt-start', target: 'dead/llama3.2' },
      { type: 'attempt-error', attempt: record.attempts[0]! },
      { type: 'attempt-start', target: 'local/llama3.2' },
      { type: 'text-delta', text: 'Hel' },
      { type: 'text-delta', text: 'lo' },
      { type: 'finish', record },
    ]);
    expect(view).toMatchObject({ text: 'Hello', status: 'ok', target: 'local/llama3.2', notSaved: null });
    expect(view.failedAttempts.map((attempt) => attempt.target)).toEqual(['dead/llama3.2']);
  });

  it('keeps partial text of an interrupted answer and says when it was not saved', () => {
    const record = usageRecord('call-2', '2026-11-25T10:00:00.000Z', { status: 'interrupted' });
    const view = applyParts(newStreamView('fast'), [
      { type: 'text-delta', text: 'Half an' },
      { type: 'error', code: 'NETWORK', message: 'stopped mid-answer', record, notSaved: 'The disk is full.' },
    ]);
    expect(view).toMatchObject({ text: 'Half an', status: 'interrupted', notSaved: 'The disk is full.' });
    expect(view.error).toEqual({ code: 'NETWORK', message: 'stopped mid-answer' });
  });

  it('applies parts that arrived before the view existed', () => {
    earlyParts.set('stream-1', [{ type: 'text-delta', text: 'Early' }]);
    expect(newStreamView('fast', 'stream-1').text).toBe('Early');
    expect(earlyParts.has('stream-1')).toBe(false);
  });
});

describe('a lost connection', () => {
  it('ends the answers still streaming, keeping their text, and leaves finished ones alone', () => {
    const record = usageRecord('call-3', '2026-11-25T10:00:00.000Z');
    const streaming = applyParts(newStreamView('fast'), [{ type: 'text-delta', text: 'Half' }]);
    const finished = applyParts(newStreamView('fast'), [{ type: 'finish', record }]);
    const ended = endOpenStreams({ a: streaming, b: finished });
    expect(ended.a).toMatchObject({ text: 'Half', status: 'cancelled', error: { code: 'DISCONNECTED' } });
    expect(ended.b).toBe(finished);
    expect(endOpenStreams({ b: finished })).toEqual({ b: finished });
  });
});
