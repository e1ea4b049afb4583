import type { CallPart } from '../../shared/types/chat';
import type { CallContext } from './types';

/**
 * Collects a stream's parts and sends them in one event per frame (~16 ms), so a fast model
 * costs the renderer one update per frame instead of one per token.
 */
export function createStreamBatcher(streamId: string, context: CallContext, intervalMs = 16) {
  let pending: CallPart[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.length === 0) return;
    const parts = pending;
    pending = [];
    context.emit('chat.parts', { streamId, parts });
  };
  return {
    push(part: CallPart) {
      pending.push(part);
      if (part.type === 'finish' || part.type === 'error') {
        if (timer) clearTimeout(timer);
        flush();
      } else if (!timer) {
        timer = setTimeout(flush, intervalMs);
        timer.unref();
      }
    },
  };
}
