import { describe, expect, it } from 'vitest';
import type { EndpointView } from '../../../../shared/contract';
import { addRecent, maxRecents } from './model-memory';
import { formatPrice, modelGroups } from './model-entries';

const key = { isSet: true, last4: '1234' };
const endpoints: EndpointView[] = [
  {
    id: 'work-openai',
    kind: 'openai',
    models: ['gpt-4o-mini'],
    prices: { 'gpt-4o': { input: 2.5, output: 10 } },
    key,
  },
  { id: 'local', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1', key },
];

describe("the model picker's list", () => {
  it("groups routes and each endpoint's models, with prices per million tokens, after favourites and recents", () => {
    const groups = modelGroups({
      models: [
        { id: 'fast', label: 'fast (route: work-openai/gpt-4o-mini)', isRoute: true },
        { id: 'work-openai/gpt-4o-mini', label: 'work-openai/gpt-4o-mini', isRoute: false },
        { id: 'local/llama3.2', label: 'local/llama3.2', isRoute: false },
      ],
      endpoints,
      routes: [{ name: 'fast', targets: ['work-openai/gpt-4o-mini', 'local/llama3.2'] }],
      recents: ['local/llama3.2'],
      favourites: ['work-openai/gpt-4o'],
    });
    expect(groups.map((group) => group.heading)).toEqual([
      'Favourites',
      'Recent',
      'Routes',
      'Endpoint work-openai',
      'Endpoint local',
    ]);
    expect(groups[0]!.entries).toEqual([{ id: 'work-openai/gpt-4o', detail: '$2.50 in · $10.00 out per 1M tokens' }]);
    expect(groups[2]!.entries).toEqual([{ id: 'fast', detail: 'route: work-openai/gpt-4o-mini → local/llama3.2' }]);
    expect(groups[3]!.entries.map((entry) => entry.id)).toEqual(['work-openai/gpt-4o-mini', 'work-openai/gpt-4o']);
    expect(groups[4]!.entries).toEqual([{ id: 'local/llama3.2', detail: null }]);
  });

  it('leaves out empty groups', () => {
    const groups = modelGroups({ models: [], endpoints: [], routes: [], recents: [], favourites: [] });
    expect(groups).toEqual([]);
  });

  it('writes small prices with their digits', () => {
    expect(formatPrice({ input: 0.075, output: 0.3 })).toBe('$0.075 in · $0.30 out per 1M tokens');
    expect(formatPrice({ input: 0.004, output: 0 })).toBe('$0.004 in · $0.00 out per 1M tokens');
  });

  it('keeps the newest few recents, each once', () => {
    let recents: string[] = [];
    for (const id of ['a', 'b', 'a', 'c', 'd', 'e', 'f']) recents = addRecent(recents, id);
    expect(recents).toEqual(['f', 'e', 'd', 'c', 'a']);
    expect(recents).toHaveLength(maxRecents);
  });
});
