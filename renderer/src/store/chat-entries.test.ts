import { describe, expect, it } from 'vitest';
import { usageRecord } from '../../../shared/types/__fixtures__/usage-record';
import { applyParts, newStreamView } from './apply-parts';
import { isAnswering, isSaved, savedId, streamEntry } from './chat-entries';

describe('ids of a chat’s messages', () => {
  it('stand for the saved answer once a stream says where it was kept', () => {
    const record = usageRecord('call-1', '2026-11-25T10:00:00.000Z');
    const streaming = newStreamView('fast');
    const streams = {
      live: streaming,
      done: applyParts(newStreamView('fast'), [{ type: 'finish', record, messageId: 'message-9' }]),
    };
    expect(savedId('done', streams)).toBe('message-9');
    expect(savedId('live', streams)).toBe('live');
    expect(savedId('message-1', streams)).toBe('message-1');
    expect([isSaved('done', streams), isSaved('live', streams), isSaved('pending-x', streams)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(isAnswering([streamEntry('live')], streams)).toBe(true);
    expect(isAnswering([streamEntry('done')], streams)).toBe(false);
  });
});
