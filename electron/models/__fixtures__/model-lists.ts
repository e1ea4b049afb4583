// Model list pages in each provider's shape, as their API references show them (trimmed to a few models).

/** OpenAI `GET /v1/models`: chat models beside embeddings and speech. */
export const openAiList = {
  object: 'list',
  data: [
    { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
    { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system' },
    { id: 'tts-1', object: 'model', created: 1681940951, owned_by: 'openai-internal' },
    { id: 'gpt-4.1', object: 'model', created: 1744316542, owned_by: 'system' },
  ],
};

/** Anthropic `GET /v1/models`, two pages (`has_more`, then `after_id`). */
export const anthropicPages = [
  {
    data: [
      {
        type: 'model',
        id: 'claude-sonnet-4-5-20250929',
        display_name: 'Claude Sonnet 4.5',
        created_at: '2025-09-29T00:00:00Z',
      },
    ],
    has_more: true,
    first_id: 'claude-sonnet-4-5-20250929',
    last_id: 'claude-sonnet-4-5-20250929',
  },
  {
    data: [
      {
        type: 'model',
        id: 'claude-3-5-haiku-20241022',
        display_name: 'Claude Haiku 3.5',
        created_at: '2024-10-22T00:00:00Z',
      },
    ],
    has_more: false,
    first_id: 'claude-3-5-haiku-20241022',
    last_id: 'claude-3-5-haiku-20241022',
  },
];

/** Gemini `GET /v1beta/models`, two pages (`nextPageToken`), with an embedding model to leave out. */
export const googlePages = [
  {
    models: [
      {
        name: 'models/gemini-2.5-flash',
        version: '001',
        displayName: 'Gemini 2.5 Flash',
        description: 'Stable version of Gemini 2.5 Flash.',
        inputTokenLimit: 1048576,
        outputTokenLimit: 65536,
        supportedGenerationMethods: ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
      },
      {
        name: 'models/text-embedding-004',
        version: '004',
        displayName: 'Text Embedding 004',
        inputTokenLimit: 2048,
        outputTokenLimit: 1,
        supportedGenerationMethods: ['embedContent'],
      },
    ],
    nextPageToken: 'Ch5tb2RlbHMvZ2VtaW5pLTIuMC1mbGFzaC1saXRl',
  },
  {
    models: [
      {
        name: 'models/gemma-3-27b-it',
        version: '001',
        displayName: 'Gemma 3 27B',
        inputTokenLimit: 131072,
        outputTokenLimit: 8192,
        supportedGenerationMethods: ['generateContent', 'countTokens'],
      },
    ],
  },
];

/** OpenRouter `GET /api/v1/models`: prices per token as strings, `-1` for a router's variable price. */
export const openRouterList = {
  data: [
    {
      id: 'anthropic/claude-sonnet-4.5',
      canonical_slug: 'anthropic/claude-4.5-sonnet-20250929',
      name: 'Anthropic: Claude Sonnet 4.5',
      created: 1759161676,
      context_length: 1000000,
      pricing: {
        prompt: '0.000003',
        completion: '0.000015',
        request: '0',
        image: '0.0048',
        input_cache_read: '0.0000003',
      },
    },
    {
      id: 'some-lab/new-model',
      name: 'Some Lab: New Model',
      created: 1760000000,
      context_length: 32768,
      pricing: { prompt: '0.0000002', completion: '0.0000008' },
    },
    {
      id: 'openrouter/auto',
      name: 'Auto Router',
      context_length: 2000000,
      pricing: { prompt: '-1', completion: '-1' },
    },
  ],
};

/** OpenRouter `GET /api/v1/key`: what the key may spend. */
export const openRouterKey = { data: { label: 'sk-or-v1-0e6...1c9', limit: null, usage: 0, is_free_tier: false } };

/** Vercel AI Gateway `GET /v1/models`: typed entries, context windows and per-token prices. */
export const vercelList = {
  object: 'list',
  data: [
    {
      id: 'some-lab/fresh-model',
      object: 'model',
      created: 1755815280,
      owned_by: 'some-lab',
      name: 'Fresh Model',
      type: 'language',
      context_window: 256000,
      max_tokens: 32000,
      pricing: { input: '0.0000004', output: '0.0000016' },
    },
    {
      id: 'openai/text-embedding-3-small',
      object: 'model',
      created: 1755815280,
      owned_by: 'openai',
      name: 'text-embedding-3-small',
      type: 'embedding',
      pricing: { input: '0.00000002' },
    },
  ],
};
