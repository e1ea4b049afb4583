import { z } from 'zod';
import type { CallPart } from '../types/chat';
import type { UsageRecord } from '../types/usage';
import { attachmentsSchema, type StoredAttachment } from './attachments';
import { route } from './define';
import { routePreferenceSchema } from '../routing/route-preference';

/** How to ask: the provider's defaults for whatever is left out. */
export const callSettingsSchema = z.object({
  /** 0 (most likely words) to 2 (most varied). */
  temperature: z.number().min(0, 'temperature is 0 or more').max(2, 'temperature is at most 2').optional(),
  maxOutputTokens: z.number().int('a whole number of tokens').positive('at least 1 token').max(1_000_000).optional(),
  /** Nucleus sampling: only the most likely words whose chances add up to this. */
  topP: z.number().gt(0, 'top P is above 0').max(1, 'top P is at most 1').optional(),
  /** The same seed and settings ask the provider for the same answer, where it supports that. */
  seed: z
    .number()
    .int('the seed is a whole number')
    .min(0, 'the seed is 0 or more')
    .max(2 ** 31 - 1)
    .optional(),
});

export type CallSettings = z.infer<typeof callSettingsSchema>;

/** A conversation's own instructions and settings, kept with it and used on every turn. */
export const conversationSettingsSchema = callSettingsSchema.extend({
  /** Instructions the model gets before the conversation. */
  system: z.string().max(100_000, 'the system prompt is at most 100,000 characters').optional(),
});

export type ConversationSettings = z.infer<typeof conversationSettingsSchema>;

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
  /** Pinned conversations are listed first. */
  isPinned: boolean;
  /** The model chosen for this conversation; null when none was (it predates the choice being kept). */
  modelId: string | null;
  settings: ConversationSettings;
}

export interface StoredMessage {
  id: string;
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** The model id that wrote it (assistant messages). */
  model: string | null;
  status: 'ok' | 'error' | 'cancelled' | 'interrupted' | null;
  createdAt: string;
  /** The message it follows (an answer's question); null for the first. */
  parentId: string | null;
}

/** One message of the branch a conversation shows, with what the chat needs to draw it. */
export interface PathMessage extends StoredMessage {
  /**
   * Every version of this message (itself and the other answers to the same question, or the other edits of
   * the same question), in the order they were made.
   */
  versionIds: string[];
  /** The call that wrote an answer: times, tokens, cost, failover notes and error; null when unknown. */
  usage: UsageRecord | null;
  attachments: StoredAttachment[];
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  /** The active branch, first message first. */
  messages: PathMessage[];
}

/** A message that matched a search. */
export interface SearchHit {
  conversationId: string;
  title: string;
  messageId: string;
  role: StoredMessage['role'];
  /**
   * The words around the match; each matched word between U+0002 and U+0003 (never HTML), and `…` where
   * text was left out.
   */
  snippet: string;
  createdAt: string;
}

/** What starting a turn answers: the stream of the answer and the question as it was kept. */
export interface TurnStarted {
  streamId: string;
  conversationId: string;
  question: PathMessage;
}

const conversationId = z.string().min(1, 'which conversation');
const messageId = z.string().min(1, 'which message');
const modelId = z.string().min(1, 'pick a model');
const messageText = z.string().max(4_000_000, 'a message is at most 4,000,000 characters');

export const chatRoutes = {
  /**
   * Asks the next question of a conversation (a new one when `conversationId` is absent). The question follows
   * the conversation's active branch; what is sent as context is that branch, without failed turns. Parts arrive
   * as `chat.parts` events keyed by `streamId`.
   */
  'chat.send': route<TurnStarted>()(
    z
      .object({
        modelId,
        text: messageText,
        attachments: attachmentsSchema.default([]),
        conversationId: conversationId.optional(),
        /** For a new conversation: its system prompt and settings. */
        settings: conversationSettingsSchema.optional(),
        /** Narrows or reorders the route's targets for this question only. */
        route: routePreferenceSchema.optional(),
      })
      .refine((input) => input.text.trim().length > 0 || input.attachments.length > 0, {
        message: 'write a message or attach a file',
        path: ['text'],
      }),
  ),
  /** Asks an edited question in place of an earlier one: a new version beside it, keeping its files. */
  'chat.edit': route<TurnStarted>()(
    z.object({
      conversationId,
      messageId,
      modelId,
      text: messageText.trim().min(1, 'write a message'),
    }),
  ),
  /**
   * Answers a question again (Regenerate, or Retry after a failure): a new version beside the answer
   * `messageId`, or the first answer of the question `messageId` when it has none.
   */
  'chat.regenerate': route<{ streamId: string; conversationId: string; questionId: string }>()(
    z.object({ conversationId, messageId, modelId }),
  ),
  /** Aborts the upstream request of a stream. */
  'chat.cancel': route<{ isCancelled: boolean }>()(z.object({ streamId: z.string() })),
  /** Pinned first, then the most recently changed. */
  'conversations.list': route<ConversationSummary[]>()(z.object({})),
  /**
   * A conversation and its active branch. With `messageId`, that message's branch becomes the active one
   * first (stepping through versions, or opening a search result).
   */
  'conversations.open': route<ConversationDetail>()(z.object({ conversationId, messageId: messageId.optional() })),
  /** Every message of a conversation, every branch, in the order they were written. */
  'conversations.messages': route<StoredMessage[]>()(z.object({ conversationId })),
  /** Renames, pins, or changes the model or settings of a conversation; answers the updated list. */
  'conversations.update': route<ConversationSummary[]>()(
    z.object({
      conversationId,
      title: z.string().trim().min(1, 'the title is empty').max(200, 'a title is at most 200 characters').optional(),
      isPinned: z.boolean().optional(),
      modelId: modelId.optional(),
      settings: conversationSettingsSchema.optional(),
    }),
  ),
  /**
   * Moves a conversation out of the history; `conversations.restore` brings it back until it is purged
   * (a minute later). The usage rows of its calls stay (they are the spend record).
   */
  'conversations.remove': route<ConversationSummary[]>()(z.object({ conversationId })),
  'conversations.restore': route<ConversationSummary[]>()(z.object({ conversationId })),
  /** Full-text search over every message of every conversation, best matches first. */
  'conversations.search': route<SearchHit[]>()(
    z.object({
      query: z.string().max(500, 'a search is at most 500 characters'),
      limit: z.number().int().positive().max(200).default(50),
    }),
  ),
  /** A conversation as a file: Markdown (the active branch, to read) or JSON (everything, to import back). */
  'conversations.export': route<{ fileName: string; mediaType: string; text: string }>()(
    z.object({ conversationId, format: z.enum(['markdown', 'json']) }),
  ),
  /** Imports a JSON export as a new conversation, whole or not at all. */
  'conversations.import': route<{ conversation: ConversationSummary; conversations: ConversationSummary[] }>()(
    z.object({ text: z.string().max(15_000_000, 'the file is over 15 MB') }),
  ),
};

/** Events the core sends to the window that opened the stream. */
export interface ChatEvents {
  /** Parts of one stream, batched; the last batch holds its one terminal part. */
  'chat.parts': { streamId: string; parts: CallPart[] };
}
