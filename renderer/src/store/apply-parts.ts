import type { CallPart } from '../../../shared/types/chat';
import type { StreamView } from './types';

/** Folds a batch of stream parts into the pane's view. */
export function applyParts(view: StreamView, parts: CallPart[]): StreamView {
  const next = { ...view };
  for (const part of parts) {
    switch (part.type) {
      case 'attempt-start':
        next.target = part.target;
        break;
      case 'cache-hit':
        next.target = part.target;
        next.isCached = true;
        break;
      case 'attempt-error':
        next.failedAttempts = [...next.failedAttempts, part.attempt];
        break;
      case 'text-delta':
        next.text += part.text;
        break;
      case 'reasoning-delta':
        next.reasoning += part.text;
        break;
      case 'finish':
        next.messageId = part.messageId ?? null;
        next.notSaved = part.notSaved ?? null;
        next.status = 'ok';
        next.record = part.record;
        next.target = part.record.target;
        break;
      case 'error':
        next.messageId = part.messageId ?? null;
        next.notSaved = part.notSaved ?? null;
        next.status = part.record.status === 'ok' ? 'error' : part.record.status;
        next.record = part.record;
        next.error = { code: part.code, message: part.message };
        break;
    }
  }
  return next;
}

/** Parts that arrived before their stream's view existed (the answer to `chat.send` can come after them). */
export const earlyParts = new Map<string, CallPart[]>();

export function newStreamView(modelId: string, streamId?: string): StreamView {
  const view: StreamView = {
    modelId,
    text: '',
    reasoning: '',
    status: 'streaming',
    target: null,
    failedAttempts: [],
    record: null,
    error: null,
    notSaved: null,
    isCached: false,
    messageId: null,
  };
  const parts = streamId ? earlyParts.get(streamId) : undefined;
  if (!parts) return view;
  earlyParts.delete(streamId!);
  return applyParts(view, parts);
}

/**
 * Ends every answer still streaming when the connection to Switchboard is lost: the server cancels a
 * closed page's calls, so no more parts will come.
 */
export function endOpenStreams(streams: Record<string, StreamView>): Record<string, StreamView> {
  let next = streams;
  for (const [streamId, view] of Object.entries(streams)) {
    if (view.status !== 'streaming') continue;
    if (next === streams) next = { ...streams };
    next[streamId] = {
      ...view,
      status: 'cancelled',
      error: {
        code: 'DISCONNECTED',
        message: 'Lost the connection to Switchboard, so this answer was stopped; it is recorded as cancelled.',
      },
    };
  }
  return next;
}
