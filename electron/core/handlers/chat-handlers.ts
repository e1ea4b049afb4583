import { randomUUID } from 'node:crypto';
import type { TerminalPart } from '../../../shared/types/chat';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { createStreamBatcher } from '../stream-batcher';

type ChatHandlers = Pick<Handlers, 'chat.send' | 'chat.cancel' | 'conversations.list' | 'conversations.messages'>;

/** Chat streams: each runs in the background and reports to the caller that opened it. */
export function createChatHandlers(services: Services, streams: Map<string, AbortController>): ChatHandlers {
  const { store, gateway } = services;

  /** Keeps the answer in its conversation; a failed save is reported on the part, never thrown. */
  function saveAnswer(conversationId: string, modelId: string, text: string, part: TerminalPart): TerminalPart {
    if (text.length === 0 && part.type === 'error') return part;
    try {
      store.addMessage({
        conversationId,
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

  return {
    'chat.send': async ({ modelId, messages, conversationId }, context) => {
      const lastUser = [...messages].reverse().find((message) => message.role === 'user');
      // A history that cannot be written (a full disk) must not keep the answer from coming.
      let conversation = conversationId ?? randomUUID();
      let notSaved: string | undefined;
      try {
        if (!conversationId) {
          conversation = store.createConversation({ title: (lastUser?.content ?? modelId).slice(0, 80) }).id;
        }
        if (lastUser) store.addMessage({ conversationId: conversation, role: 'user', content: lastUser.content });
      } catch (error) {
        notSaved = (error as Error).message;
        console.error(`switchboard: could not save the message: ${notSaved}`);
      }

      const streamId = randomUUID();
      const controller = new AbortController();
      streams.set(streamId, controller);
      const batcher = createStreamBatcher(streamId, context);

      void (async () => {
        let text = '';
        for await (const part of gateway.stream({
          modelId,
          messages,
          source: 'app',
          signal: controller.signal,
          conversationId: conversation,
        })) {
          if (part.type === 'text-delta') text += part.text;
          if (part.type === 'finish' || part.type === 'error') {
            batcher.push(
              notSaved
                ? { ...part, notSaved: part.notSaved ?? notSaved }
                : saveAnswer(conversation, modelId, text, part),
            );
          } else {
            batcher.push(part);
          }
        }
        streams.delete(streamId);
      })().catch((error: unknown) => console.error('switchboard: chat stream failed:', error));

      return { streamId, conversationId: conversation };
    },
    'chat.cancel': async ({ streamId }) => {
      const controller = streams.get(streamId);
      controller?.abort();
      return { isCancelled: controller !== undefined };
    },
    'conversations.list': async () => store.listConversations(),
    'conversations.messages': async ({ conversationId }) => store.listMessages(conversationId),
  };
}
