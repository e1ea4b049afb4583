import { describe, expect, it } from 'vitest';
import type { PathMessage } from '../../../shared/contract';
import { contextMessages, fencedFile } from './chat-context';

let next = 0;
const message = (role: PathMessage['role'], content: string, status: PathMessage['status'] = null): PathMessage => {
  const id = `m${next++}`;
  return {
    id,
    role,
    content,
    status,
    model: null,
    createdAt: '',
    parentId: null,
    versionIds: [id],
    usage: null,
    attachments: [],
  };
};

describe('what a model is sent', () => {
  it('leaves out failed turns and questions no answer was kept for, keeping cancelled answers with text', () => {
    const path = [
      message('system', 'Old compare prompt.'),
      message('user', 'Refused?'),
      message('assistant', '', 'error'),
      message('user', 'Orphan from an older release'),
      message('user', 'Stopped?'),
      message('assistant', 'Half an', 'cancelled'),
      message('user', 'Stopped before a word?'),
      message('assistant', '', 'cancelled'),
      message('user', 'Now?'),
    ];
    expect(contextMessages(path, 'Be brief.')).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'system', content: 'Old compare prompt.' },
      { role: 'user', content: 'Stopped?' },
      { role: 'assistant', content: 'Half an' },
      { role: 'user', content: 'Now?' },
    ]);
  });

  it('fences a text file longer than any backticks in it, labelled by its name', () => {
    expect(fencedFile('a.TS', 'const a = 1;')).toBe('File a.TS:\n```ts\nconst a = 1;\n```');
    expect(fencedFile('README', 'Use ````x```` here\n')).toBe('File README:\n`````\nUse ````x```` here\n`````');
  });
});
