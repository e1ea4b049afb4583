import type { AttachmentInput, PathMessage } from '../../../shared/contract';
import type { ChatEntry, StreamView } from './types';

/** A message of the branch, as the chat shows it. */
export function toEntry(message: PathMessage): ChatEntry {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    model: message.model,
    status: message.status,
    versionIds: message.versionIds,
    usage: message.usage,
    attachments: message.attachments,
  };
}

/** An answer being written: its stream id stands for its message id until it is saved. */
export function streamEntry(streamId: string, versionIds: string[] = [streamId]): ChatEntry {
  return { id: streamId, role: 'assistant', content: '', streamId, versionIds, attachments: [] };
}

/** A question on its way to the core, shown at once. */
export function pendingQuestion(text: string, attachments: AttachmentInput[]): ChatEntry {
  const id = `pending-${crypto.randomUUID()}`;
  return {
    id,
    role: 'user',
    content: text,
    versionIds: [id],
    attachments: attachments.map((attachment, index) => ({ ...attachment, id: `${id}-${index}` })),
  };
}

/** The history's id for an id the chat holds: a finished stream's saved answer, or the id itself. */
export const savedId = (id: string, streams: Record<string, StreamView>): string => streams[id]?.messageId ?? id;

/** True when `id` is a message the history has (not a question on its way, nor an answer still streaming). */
export const isSaved = (id: string, streams: Record<string, StreamView>): boolean =>
  !id.startsWith('pending-') && (streams[id] === undefined || streams[id]!.messageId !== null);

/** True while an answer of the chat is being written: the branch cannot change under it. */
export const isAnswering = (entries: ChatEntry[], streams: Record<string, StreamView>): boolean =>
  entries.some((entry) => entry.streamId !== undefined && streams[entry.streamId]?.status === 'streaming');
