import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import type { ResponseMeta } from '../types';

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

/** OpenAI's `ResponseUsage` from the AI SDK's, whose totals include cache reads and writes, and reasoning. */
export function toResponseUsage(usage: LanguageModelV4Usage) {
  const inputTokens = usage.inputTokens.total ?? 0;
  const outputTokens = usage.outputTokens.total ?? 0;
  return {
    input_tokens: inputTokens,
    input_tokens_details: {
      cached_tokens: usage.inputTokens.cacheRead ?? 0,
      cache_write_tokens: usage.inputTokens.cacheWrite ?? 0,
    },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: usage.outputTokens.reasoning ?? 0 },
    total_tokens: inputTokens + outputTokens,
  };
}

/** The request's function tools as a Response lists them (`strict` and `parameters` always present). */
function echoTools(tools: unknown): unknown[] {
  if (!Array.isArray(tools)) return [];
  return tools.map((tool: Record<string, unknown>) =>
    tool.type === 'function'
      ? {
          ...tool,
          parameters: tool.parameters ?? null,
          strict: tool.strict ?? null,
        }
      : tool,
  );
}

/**
 * The `Response` object around a translated answer: the request's settings echoed as OpenAI echoes them.
 * `store` is false because a translated answer is never kept; `service_tier` is the standard one.
 */
export function createResponseObject(meta: ResponseMeta, body: Record<string, unknown>): Record<string, unknown> {
  const reasoning = (body.reasoning ?? {}) as Record<string, unknown>;
  const text = (body.text ?? {}) as Record<string, unknown>;
  return {
    id: meta.id,
    object: 'response',
    created_at: meta.created,
    status: 'in_progress' satisfies ResponseStatus,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: body.max_tool_calls ?? null,
    model: meta.model,
    output: [],
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    prompt_cache_retention: null,
    reasoning: { effort: reasoning.effort ?? null, summary: reasoning.summary ?? reasoning.generate_summary ?? null },
    safety_identifier: body.safety_identifier ?? null,
    service_tier: 'default',
    store: false,
    temperature: body.temperature ?? null,
    text: { format: text.format ?? { type: 'text' }, verbosity: text.verbosity ?? null },
    tool_choice: body.tool_choice ?? 'auto',
    tools: echoTools(body.tools),
    top_logprobs: body.top_logprobs ?? 0,
    top_p: body.top_p ?? null,
    truncation: body.truncation ?? 'disabled',
    ...(typeof body.user === 'string' ? { user: body.user } : {}),
    metadata: body.metadata ?? {},
  };
}
