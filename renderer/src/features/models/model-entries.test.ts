import { describe, expect, it } from 'vitest';
import type { CatalogModel, EndpointModels } from '../../../../shared/contract';
import { addRecent, maxRecents } from './model-memory';
import { formatContext, formatPrice, modelGroups } from './model-entries';

const model = (id: string, facts: Partial<CatalogModel> = {}): CatalogModel => ({
  id,
  model: id.slice(id.indexOf('/') + 1),
  name: null,
  contextWindow: null,
  price: null,
  priceSource: null,
  isFetched: true,
  ...facts,
});
const catalog: EndpointModels[] = [
  {
    endpointId: 'work-openai',
    fetchedAt: '2026-11-01T08:00:00.000Z',
    models: [
      model('work-openai/gpt-4o-mini', {
        contextWindow: 128000,
        price: { input: 0.15, output: 0.6 },
        priceSource: 'catalog',
      }),
      model('work-openai/gpt-4o', { price: { input: 2.5, output: 10 }, priceSource: 'config', isFetched: false }),
    ],
  },
  { endpointId: 'local', fetchedAt: null, models: [model('local/llama3.2', { isFetched: false })] },
  { endpointId: 'empty', fetchedAt: null, models: [] },
];

describe("the model picker's list", () => {
  it("groups routes and each endpoint's models, with prices per million tokens and context windows, after favourites and recents", () => {
    const groups = modelGroups({
      models: [{ id: 'fast', label: 'fast (route: work-openai/gpt-4o-mini)', isRoute: true }],
      catalog,
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
    expect(groups[3]!.entries).toEqual([
      { id: 'work-openai/gpt-4o-mini', detail: '$0.15 in · $0.60 out per 1M tokens · 128K context' },
      { id: 'work-openai/gpt-4o', detail: '$2.50 in · $10.00 out per 1M tokens' },
    ]);
    expect(groups[4]!.entries).toEqual([{ id: 'local/llama3.2', detail: null }]);
  });

  it('leaves out empty groups', () => {
    expect(modelGroups({ models: [], catalog: [], routes: [], recents: [], favourites: [] })).toEqual([]);
  });

  it('writes small prices with their digits', () => {
    expect(formatPrice({ input: 0.075, output: 0.3 })).toBe('$0.075 in · $0.30 out per 1M tokens');
    expect(formatPrice({ input: 0.004, output: 0 })).toBe('$0.004 in · $0.00 out per 1M tokens');
  });

  it('writes context windows in thousands or millions of tokens', () => {
    expect([8192, 32768, 128000, 1000000, 1048576, 1500000].map(formatContext)).toEqual([
      '8.2K context',
      '33K context',
      '128K context',
      '1M context',
      '1M context',
      '1.5M context',
    ]);
  });

  it('keeps the newest few recents, each once', () => {
    let recents: string[] = [];
    for (const id of ['a', 'b', 'a', 'c', 'd', 'e', 'f']) recents = addRecent(recents, id);
    expect(recents).toEqual(['f', 'e', 'd', 'c', 'a']);
    expect(recents).toHaveLength(maxRecents);
  });
});
