import { randomUUID } from 'node:crypto';
import type { ChatMessage, TerminalPart } from '../../../shared/types/chat';
import type { CallSettings } from '../../../shared/contract';
import { SwitchboardError } from '../../../shared/errors/codes';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { createStreamBatcher } from '../stream-batcher';
import type { CallContext } from '../types';

type ChatHandlers = Pick<
  Handlers,
  | 'chat.send'
  | 'compare.send'
  | 'chat.cancel'
  | 'conversations.list'
  | 'conversations.messages'
  | 'conversations.remove'
>;

/** Where a stream's answer is kept; `notSaved` when the history could not be written. */
interface Turn {
  conversationId: string;
  notSaved?: string;
}

/** Chat streams: each runs in the background and reports to the caller that opened it. */
export function createChatHandlers(
  services: Services,
  streams: Map<string, { controller: AbortController; done: Promise<void> }>,
): ChatHandlers {
  const { store, gateway } = services;

  /** Keeps the user's message; a history that cannot be written (a full disk) must not stop the answer. */
  function saveQuestion(
    conversationId: string | undefined,
    question: string | undefined,
    title: string,
    system?: string,
  ): Turn {
    try {
      const id = conversationId ?? store.createConversation({ title: title.slice(0, 80) }).id;
      if (system) store.addMessage({ conversationId: id, role: 'system', content: system });
      if (question !== undefined) store.addMessage({ conversationId: id, role: 'user', content: question });
      return { conversationId: id };
    } catch (error) {
      console.error(`switchboard: could not save the message: ${(error as Error).message}`);
      return { conversationId: conversationId ?? randomUUID(), notSaved: (error as Error).message };
    }
  }

  /** Keeps the answer in its conversation; a failed save is reported on the part, never thrown. */
  function saveAnswer(turn: Turn, modelId: string, text: string, part: TerminalPart): TerminalPart {
    if (turn.notSaved) return { ...part, notSaved: part.notSaved ?? turn.notSaved };
    if (text.length === 0 && part.type === 'error') return part;
    try {
      store.addMessage({
        conversationId: turn.conversationId,
        role: 'assistant',
        content: text,
        model: part.record.target ?? modelId,
        status: part.type === 'finish' ? 'ok' : part.record.status,
        usageId: part.record.id,
      });
      return part;
    } catch (error) {
      console.error(`switchboard: could not save the answer: ${(error as Error).message}`);
      return { ...part, notSaved: part.notSaved ?? (error as Error).message };
    }
  }

  /** Starts one routed stream in the background; its parts go to the caller in batches. */
  function startStream(
    call: { modelId: string; messages: ChatMessage[]; sampling: CallSettings },
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

  return {
    'chat.send': async ({ conversationId, modelId, messages, ...sampling }, context) => {
      const question = messages.findLast((message) => message.role === 'user')?.content;
      const turn = saveQuestion(conversationId, question, question ?? modelId);
      const streamId = startStream({ modelId, messages, sampling }, turn, context);
      return { streamId, conversationId: turn.conversationId };
    },
    'compare.send': async ({ prompt, system, modelIds, ...sampling }, context) => {
      const turn = saveQuestion(undefined, prompt, prompt, system);
      const messages: ChatMessage[] = [
        ...(system ? [{ role: 'system' as const, content: system }] : []),
        { role: 'user', content: prompt },
      ];
      const streamIds = modelIds.map((modelId) => startStream({ modelId, messages, sampling }, turn, context));
      return { conversationId: turn.conversationId, streamIds };
    },
    'chat.cancel': async ({ streamId }) => {
      const stream = streams.get(streamId);
      stream?.controller.abort();
      return { isCancelled: stream !== undefined };
    },
    'conversations.list': async () => store.listConversations(),
    'conversations.messages': async ({ conversationId }) => store.listMessages(conversationId),
    'conversations.remove': async ({ conversationId }) => {
      if (!store.removeConversation(conversationId)) {
        throw new SwitchboardError('UNKNOWN_CONVERSATION', 'That conversation is gone already.');
      }
      return store.listConversations();
    },
  };
}
