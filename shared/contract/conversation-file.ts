import { z } from 'zod';
import { attachmentsSchema } from './attachments';
import { conversationSettingsSchema } from './chat';

/** What a JSON export says it is, so an import can tell it from any other JSON. */
export const conversationFileFormat = 'switchboard.conversation';
export const conversationFileVersion = 1;

const isoTime = z.iso.datetime({ offset: true, error: 'a time like 2026-11-01T10:00:00.000Z' });
const count = z.number().int().nonnegative().nullable();

/** A call's measurements as an export keeps them (a usage row; never a key). */
const usageSchema = z.object({
  id: z.string(),
  createdAt: isoTime,
  source: z.enum(['app', 'api']),
  status: z.enum(['ok', 'error', 'cancelled', 'interrupted']),
  requestedModel: z.string(),
  target: z.string().nullable(),
  servedModel: z.string().nullable(),
  finishReason: z.string().nullable(),
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
  usage: z
    .object({
      inputTokens: z.number().int().nonnegative(),
      cacheReadTokens: z.number().int().nonnegative(),
      cacheWriteTokens: z.number().int().nonnegative(),
      outputTokens: z.number().int().nonnegative(),
      reasoningTokens: count,
    })
    .nullable(),
  tokensPerSecond: z.number().nonnegative().nullable(),
  costUSD: z.number().nonnegative().nullable(),
  costSource: z.enum(['config', 'catalog', 'provider', 'cache', 'estimate', 'unknown']),
  attempts: z.array(
    z.object({
      target: z.string(),
      startedAtMs: z.number(),
      durationMs: z.number(),
      error: z.object({ code: z.string(), message: z.string(), status: z.number().optional() }).nullable(),
    }),
  ),
  error: z.string().nullable(),
  conversationId: z.string().nullable(),
});

const fileMessageSchema = z.object({
  id: z.string().min(1).max(200),
  /** The message it follows; it comes earlier in `messages`. */
  parentId: z.string().nullable(),
  role: z.enum(['system', 'user', 'assistant'], { error: 'a role is "system", "user" or "assistant"' }),
  content: z.string(),
  model: z.string().nullable(),
  status: z.enum(['ok', 'error', 'cancelled', 'interrupted']).nullable(),
  createdAt: isoTime,
  attachments: attachmentsSchema,
  /** The measurements of the call that wrote an answer. */
  usage: usageSchema.nullable(),
});

/** A conversation as a JSON export holds it: every branch, its settings, and what each answer measured. */
export const conversationFileSchema = z
  .object({
    format: z.literal(conversationFileFormat, { error: `"format" is "${conversationFileFormat}"` }),
    version: z.literal(conversationFileVersion, {
      error: `"version" is ${conversationFileVersion} (a newer Switchboard may have written it)`,
    }),
    exportedAt: isoTime,
    conversation: z.object({
      title: z.string().trim().min(1).max(200),
      createdAt: isoTime,
      updatedAt: isoTime,
      modelId: z.string().min(1).nullable(),
      settings: conversationSettingsSchema,
      isPinned: z.boolean(),
    }),
    messages: z.array(fileMessageSchema).max(200_000),
    /** The last message of the branch that was shown when it was exported. */
    activeMessageId: z.string().nullable(),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.messages.forEach((message, index) => {
      if (seen.has(message.id)) {
        context.addIssue({ code: 'custom', path: ['messages', index, 'id'], message: `"${message.id}" appears twice` });
      }
      if (message.parentId !== null && !seen.has(message.parentId)) {
        context.addIssue({
          code: 'custom',
          path: ['messages', index, 'parentId'],
          message: `"${message.parentId}" is not an earlier message`,
        });
      }
      seen.add(message.id);
    });
    if (file.activeMessageId !== null && !seen.has(file.activeMessageId)) {
      context.addIssue({ code: 'custom', path: ['activeMessageId'], message: 'is not one of the messages' });
    }
  });

export type ConversationFile = z.infer<typeof conversationFileSchema>;
export type ConversationFileMessage = ConversationFile['messages'][number];
