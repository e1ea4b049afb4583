import { randomUUID } from 'node:crypto';
import type {
  AttachmentInput,
  CallSettings,
  ConversationSettings,
  ConversationSummary,
  PathMessage,
} from '../../../shared/contract';
import { SwitchboardError } from '../../../shared/errors/codes';
import type { RoutePreference } from '../../../shared/routing/route-preference';
import type { ChatMessage, TerminalPart } from '../../../shared/types/chat';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { createStreamBatcher } from '../stream-batcher';
import type { CallContext } from '../types';
import { contextMessages } from './chat-context';
import { createConversationHandlers, type ConversationHandlers } from './conversation-handlers';

type ChatHandlers = Pick<Handlers, 'chat.send' | 'chat.edit' | 'chat.regenerate' | 'chat.cancel'> &
  ConversationHandlers;

/** Where a stream's answer is kept: under its question. `notSaved` when the history could not be written. */
interface Turn {
  conversationId: string;
  questionId: string | null;
  notSaved?: string;
}

/** A question about to be asked: where it is kept, and the branch it ends (what the model gets). */
interface Asked {
  turn: Turn;
  path: PathMessage[];
  settings: ConversationSettings;
}

const isStorageFailure = (error: unknown) => error instanceof SwitchboardError && error.code === 'STORAGE';

/** The settings a call samples with: a conversation's, without its system prompt. */
const samplingOf = ({ system: _system, ...sampling }: ConversationSettings): CallSettings => sampling;

/** Chat streams: each runs in the background and reports to the caller that opened it. */
export function createChatHandlers(
  services: Services,
  streams: Map<string, { controller: AbortController; done: Promise<void> }>,
): ChatHandlers {
  const { store, gateway } = services;

  function requireConversation(conversationId: string): ConversationSummary {
    const conversation = store.getConversation(conversationId);
    if (!conversation) {
      throw new SwitchboardError(
        'UNKNOWN_CONVERSATION',
        'That conversation is gone: it was deleted, perhaps in another window. Start a new chat.',
      );
    }
    return conversation;
  }

  function requireMessage(conversationId: string, messageId: string) {
    const message = store.getMessage(conversationId, messageId);
    if (!message) throw new SwitchboardError('UNKNOWN_CONVERSATION', 'That message is no longer in the conversation.');
    return message;
  }

  /**
   * Keeps the user's question (after `parentId`, or at the end of the active branch) and remembers the model
   * for the conversation. A history that cannot be written (a full disk) must not stop the answer: the
   * question is then asked from memory, and the answer says it was not saved.
   */
  function saveQuestion(
    question: { text: string; attachments: AttachmentInput[]; parentId?: string | null },
    modelId: string,
    conversation: { id: string } | { title: string; settings?: ConversationSettings },
  ): Asked {
    let conversationId = 'id' in conversation ? conversation.id : undefined;
    let settings: ConversationSettings = 'id' in conversation ? {} : (conversation.settings ?? {});
    try {
      if (conversationId === undefined) {
        const created = store.createConversation({
          title: (conversation as { title: string }).title,
          modelId,
          settings,
        });
        conversationId = created.id;
      } else {
        settings = store.updateConversation(conversationId, { modelId }).settings;
      }
      const saved = store.addMessage({
        conversationId,
        parentId: question.parentId,
        role: 'user',
        content: question.text,
        attachments: question.attachments,
      });
      return { turn: { conversationId, questionId: saved.id }, path: store.pathTo(conversationId, saved.id), settings };
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      console.error(`switchboard: could not save the message: ${(error as Error).message}`);
      let earlier: PathMessage[] = [];
      try {
        if (conversationId !== undefined) earlier = store.activePath(conversationId);
      } catch {
        // Not readable either: the question goes alone.
      }
      const unsaved: PathMessage = {
        id: randomUUID(),
        role: 'user',
        content: question.text,
        model: null,
        status: null,
        createdAt: new Date().toISOString(),
        parentId: earlier.at(-1)?.id ?? null,
        versionIds: [],
        usage: null,
        attachments: question.attachments.map((attachment) => ({ ...attachment, id: randomUUID() })),
      };
      unsaved.versionIds = [unsaved.id];
      return {
        turn: { conversationId: conversationId ?? randomUUID(), questionId: null, notSaved: (error as Error).message },
        path: [...earlier, unsaved],
        settings,
      };
    }
  }

  /** Keeps the answer under its question, a failed one too (it stays visible); a failed save is reported, never thrown. */
  function saveAnswer(turn: Turn, modelId: string, text: string, part: TerminalPart): TerminalPart {
    if (turn.notSaved || turn.questionId === null) return { ...part, notSaved: part.notSaved ?? turn.notSaved };
    try {
      const message = store.addMessage({
        conversationId: turn.conversationId,
        parentId: turn.questionId,
        role: 'assistant',
        content: text,
        model: part.record.target ?? modelId,
        status: part.type === 'finish' ? 'ok' : part.record.status,
        usageId: part.record.id,
      });
      return { ...part, messageId: message.id };
    } catch (error) {
      console.error(`switchboard: could not save the answer: ${(error as Error).message}`);
      return { ...part, notSaved: part.notSaved ?? (error as Error).message };
    }
  }

  /** Starts one routed stream in the background; its parts go to the caller in batches. */
  function startStream(
    call: { modelId: string; messages: ChatMessage[]; sampling: CallSettings; route?: RoutePreference },
    turn: Turn,
    context: CallContext,
  ): string {
    const { modelId } = call;
    const streamId = randomUUID();
    const controller = new AbortController();
    // The caller going away (a closed tab or window) cancels its streams.
    const onCallerGone = () => controller.abort();
    context.signal?.addEventListener('abort', onCallerGone, { once: true });
    if (context.signal?.aborted) controller.abort();
    const batcher = createStreamBatcher(streamId, context);
    const done = (async () => {
      let text = '';
      for await (const part of gateway.stream({
        ...call,
        source: 'app',
        signal: controller.signal,
        conversationId: turn.conversationId,
      })) {
        if (part.type === 'text-delta') text += part.text;
        const isTerminal = part.type === 'finish' || part.type === 'error';
        batcher.push(isTerminal ? saveAnswer(turn, modelId, text, part) : part);
      }
    })()
      .catch((error: unknown) => console.error('switchboard: chat stream failed:', error))
      .finally(() => {
        streams.delete(streamId);
        context.signal?.removeEventListener('abort', onCallerGone);
      });
    streams.set(streamId, { controller, done });
    return streamId;
  }

  /** Asks the model about the branch ending with the question, as the conversation's settings say. */
  function answer(asked: Asked, modelId: string, context: CallContext, route?: RoutePreference): string {
    const messages = contextMessages(asked.path, asked.settings.system);
    return startStream({ modelId, messages, sampling: samplingOf(asked.settings), route }, asked.turn, context);
  }

  const started = (asked: Asked, streamId: string) => ({
    streamId,
    conversationId: asked.turn.conversationId,
    question: asked.path.at(-1)!,
  });

  return {
    'chat.send': async ({ conversationId, modelId, text, attachments, settings, route }, context) => {
      const title = text.trim().slice(0, 80) || attachments[0]?.name || 'New conversation';
      const asked = saveQuestion(
        { text, attachments },
        modelId,
        conversationId === undefined ? { title, settings } : { id: requireConversation(conversationId).id },
      );
      return started(asked, answer(asked, modelId, context, route));
    },
    'chat.edit': async ({ conversationId, messageId, modelId, text }, context) => {
      requireConversation(conversationId);
      const original = requireMessage(conversationId, messageId);
      if (original.role !== 'user') {
        throw new SwitchboardError(
          'INVALID_INPUT',
          'Only your own messages can be edited; regenerate an answer instead.',
        );
      }
      // The edit keeps the files of the message it replaces.
      const attachments = store
        .pathTo(conversationId, messageId)
        .at(-1)!
        .attachments.map(({ id: _id, ...attachment }) => attachment);
      const asked = saveQuestion({ text, attachments, parentId: original.parentId }, modelId, { id: conversationId });
      return started(asked, answer(asked, modelId, context));
    },
    'chat.regenerate': async ({ conversationId, messageId, modelId }, context) => {
      const conversation = requireConversation(conversationId);
      const message = requireMessage(conversationId, messageId);
      const questionId = message.role === 'assistant' ? message.parentId : message.id;
      if (questionId === null) {
        throw new SwitchboardError('INVALID_INPUT', 'That answer has no question to ask again.');
      }
      let settings = conversation.settings;
      try {
        settings = store.updateConversation(conversationId, { modelId }).settings;
      } catch (error) {
        if (!isStorageFailure(error)) throw error;
      }
      const asked: Asked = {
        turn: { conversationId, questionId },
        path: store.pathTo(conversationId, questionId),
        settings,
      };
      return { streamId: answer(asked, modelId, context), conversationId, questionId };
    },
    'chat.cancel': async ({ streamId }) => {
      const stream = streams.get(streamId);
      stream?.controller.abort();
      return { isCancelled: stream !== undefined };
    },
    ...createConversationHandlers(services),
  };
}
