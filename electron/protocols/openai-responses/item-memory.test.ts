import { describe, expect, it } from 'vitest';
import { ItemMemory } from './item-memory';

const item = (id: string, text = 'x') => ({ id, type: 'message', content: [{ type: 'output_text', text }] });

describe('the memory of recent answers’ items', () => {
  it('recalls an item by id as a copy the caller cannot change', () => {
    const memory = new ItemMemory();
    memory.remember(item('msg_1', 'Hello'));
    const recalled = memory.recall('msg_1')!;
    expect(recalled).toEqual(item('msg_1', 'Hello'));
    (recalled.content as { text: string }[])[0]!.text = 'changed';
    expect(memory.recall('msg_1')).toEqual(item('msg_1', 'Hello'));
    expect(memory.recall('msg_2')).toBeUndefined();
  });

  it('forgets the oldest past its count or byte limit, and anything past its age', () => {
    let now = 0;
    const memory = new ItemMemory({ maxItems: 2, maxBytes: 10_000, ttlMs: 1000 }, () => now);
    memory.remember(item('a'));
    memory.remember(item('b'));
    memory.remember(item('c'));
    expect(['a', 'b', 'c'].map((id) => memory.recall(id) !== undefined)).toEqual([false, true, true]);

    const small = new ItemMemory({ maxItems: 100, maxBytes: 150, ttlMs: 1000 }, () => now);
    small.remember(item('big', 'y'.repeat(60)));
    small.remember(item('next', 'z'.repeat(60)));
    expect(small.recall('big')).toBeUndefined();
    expect(small.recall('next')).toBeDefined();
    small.remember(item('huge', 'w'.repeat(500)));
    expect(small.recall('huge')).toBeUndefined();

    now = 1001;
    expect(memory.recall('c')).toBeUndefined();
  });
});
