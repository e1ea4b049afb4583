/**
 * Model lists as OpenAI-compatible servers (`GET /v1/models`: OpenAI, Groq, LM Studio, Ollama's /v1) and
 * Ollama (`GET /api/tags`) answer them, shaped as their API references show.
 */
export function modelListBody(path: string, models: string[]): unknown {
  if (path.endsWith('/api/tags')) {
    return {
      models: models.map((name) => ({
        name,
        model: name,
        modified_at: '2025-10-03T23:34:03.409490317-07:00',
        size: 3338801804,
        digest: 'a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a',
        details: {
          format: 'gguf',
          family: 'llama',
          families: ['llama'],
          parameter_size: '3.2B',
          quantization_level: 'Q4_K_M',
        },
      })),
    };
  }
  if (path.endsWith('/models')) {
    return {
      object: 'list',
      data: models.map((id) => ({ id, object: 'model', created: 1_715_367_049, owned_by: 'fake' })),
    };
  }
  return undefined;
}
