import { z } from 'zod';
import type { ProtocolCodec } from '../types';
import { chatCompletionRequestSchema } from './request-schema';

/** `messages[0].content` from a zod path, as OpenAI names a `param`. */
export function toParamName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

const plainRoles = new Set(['system', 'developer', 'user', 'assistant']);
const plainMessageKeys = new Set(['role', 'content', 'name']);

/** A non-negative finite number within bounds, or absent. */
const isNumberIn = (value: unknown, low: number, high: number) =>
  value === undefined || value === null || (typeof value === 'number' && value >= low && value <= high);
const isPositiveInteger = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'number' && Number.isInteger(value) && value > 0);

/**
 * The common request, checked by hand: a model, messages of plain text, and at most `stream`, a temperature, top_p
 * and an output limit. Every body this accepts, the schema accepts too; anything else (tools, parts, any other
 * field) goes through the schema, which names the field when it refuses.
 */
export function isPlainChatRequest(body: unknown): body is { model: string; stream?: boolean | null } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const request = body as Record<string, unknown>;
  for (const key in request) {
    if (!Object.hasOwn(request, key)) continue;
    switch (key) {
      case 'model':
        if (typeof request.model !== 'string' || request.model.length === 0) return false;
        break;
      case 'messages':
        break;
      case 'stream':
        if (request.stream !== null && typeof request.stream !== 'boolean') return false;
        break;
      case 'temperature':
        if (!isNumberIn(request.temperature, 0, 2)) return false;
        break;
      case 'top_p':
        if (!isNumberIn(request.top_p, 0, 1)) return false;
        break;
      case 'max_tokens':
      case 'max_completion_tokens':
        if (!isPositiveInteger(request[key])) return false;
        break;
      default:
        return false;
    }
  }
  if (typeof request.model !== 'string') return false;
  const { messages } = request;
  if (!Array.isArray(messages) || messages.length === 0) return false;
  for (const message of messages as unknown[]) {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
    const fields = message as Record<string, unknown>;
    if (typeof fields.role !== 'string' || !plainRoles.has(fields.role) || typeof fields.content !== 'string') {
      return false;
    }
    for (const key in fields) if (Object.hasOwn(fields, key) && !plainMessageKeys.has(key)) return false;
    if (fields.name !== undefined && typeof fields.name !== 'string') return false;
  }
  return true;
}

/** Checks a Chat Completions body; the body itself is kept as sent, unknown fields included. */
export const readChatRequest: ProtocolCodec['readRequest'] = (body) => {
  // Most requests: no schema run needed to know they pass it.
  if (isPlainChatRequest(body)) {
    return { ok: true, body: body as Record<string, unknown>, modelId: body.model, isStream: body.stream === true };
  }
  const parsed = chatCompletionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const param = parsed.error.issues[0] ? toParamName(parsed.error.issues[0].path) : undefined;
    return { ok: false, message: z.prettifyError(parsed.error), ...(param ? { param } : {}) };
  }
  return {
    ok: true,
    body: body as Record<string, unknown>,
    modelId: parsed.data.model,
    isStream: parsed.data.stream === true,
  };
};
