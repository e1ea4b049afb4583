import { z } from 'zod';
import type { CallPart } from '../types/chat';
import { route } from './define';

export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
}

export interface StoredMessage {
  id: string;
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** The model id that wrote it (assistant messages). */
  model: string | null;
  status: 'ok' | 'error' | 'cancelled' | 'interrupted' | null;
  createdAt: string;
}

/** How to ask: the provider's defaults for whatever is left out. */
export const callSettingsSchema = z.object({
  /** 0 (most likely words) to 2 (most varied). */
  temperature: z.number().min(0, 'temperature is 0 or more').max(2, 'temperature is at most 2').optional(),
  maxOutputTokens: z.number().int('a whole number of tokens').positive('at least 1 token').max(1_000_000).optional(),
});

export type CallSettings = z.infer<typeof callSettingsSchema>;

export const chatRoutes = {
  /** Starts a routed streaming call; parts arrive as `chat.parts` events keyed by `streamId`. */
  'chat.send': route<{ streamId: string; conversationId: string }>()(
    callSettingsSchema.extend({
      modelId: z.string().min(1, 'pick a model'),
      messages: z.array(chatMessageSchema).min(1),
      /** Continue this conversation; a new one is made when absent. */
      conversationId: z.string().optional(),
    }),
  ),
  /**
   * One prompt to several models at once, kept as one conversation: the prompt once, then each
   * model's answer with its model. Streams start together so their times to first token compare.
   */
  'compare.send': route<{ conversationId: string; streamIds: string[] }>()(
    callSettingsSchema.extend({
      prompt: z.string().trim().min(1, 'write a prompt'),
      /** Instructions every model gets before the prompt. */
      system: z.string().optional(),
      modelIds: z.array(z.string().min(1, 'pick a model')).min(2, 'pick at least two models').max(8),
    }),
  ),
  /** Aborts the upstream request of a stream. */
  'chat.cancel': route<{ isCancelled: boolean }>()(z.object({ streamId: z.string() })),
  'conversations.list': route<ConversationSummary[]>()(z.object({})),
  'conversations.messages': route<StoredMessage[]>()(z.object({ conversationId: z.string() })),
  /** Deletes a conversation and its messages; the usage rows of its calls stay (they are the spend record). */
  'conversations.remove': route<ConversationSummary[]>()(z.object({ conversationId: z.string() })),
};

/** Events the core sends to the window that opened the stream. */
export interface ChatEvents {
  /** Parts of one stream, batched; the last batch holds its one terminal part. */
  'chat.parts': { streamId: string; parts: CallPart[] };
}
