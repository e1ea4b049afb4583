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

/** Checks a Chat Completions body; the body itself is kept as sent, unknown fields included. */
export const readChatRequest: ProtocolCodec['readRequest'] = (body) => {
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
