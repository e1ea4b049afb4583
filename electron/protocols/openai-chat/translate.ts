import type { ProtocolCodec } from '../types';
import { requestFields } from './request-fields';
import { chatCompletionRequestSchema } from './request-schema';
import { createTranslationContext } from './translation-context';

/**
 * A Chat Completions body as the AI SDK's neutral call for a target of another protocol. Every field present is
 * translated for the target's kind or refused with an UnsupportedFieldError naming it; none is dropped.
 */
export const translateChatRequest: ProtocolCodec['translate'] = (body, target) => {
  const request = chatCompletionRequestSchema.parse(body);
  const context = createTranslationContext(request, target);
  for (const [field, value] of Object.entries(body)) {
    if (value != null && !(field in requestFields)) {
      context.refuse(
        field,
        'it is not a Chat Completions field Switchboard knows, so only a Chat Completions target gets it',
      );
    }
  }
  for (const [field, rule] of Object.entries(requestFields)) {
    if (body[field] != null) rule(context, field);
  }
  // Chat Completions keeps nothing unless asked; OpenAI's Responses API keeps every answer unless told not to.
  if (target.kind === 'openai') context.setProviderOption('store', request.store ?? false);
  return context.call;
};
