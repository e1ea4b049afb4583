import type { EventName, Events, Result } from '../../shared/contract';

/** Who is asking: lets the core send stream events back to that caller only. */
export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Aborts when the caller is gone (a closed tab or window): its streams are cancelled and recorded so. */
  signal?: AbortSignal;
}

/**
 * The core as every shell sees it (Electron IPC, browser-mode socket, tests): one entry that
 * validates a request against the shared contract and answers a Result, never throwing.
 */
export interface Core {
  dispatch(route: unknown, input: unknown, context: CallContext): Promise<Result<unknown>>;
  /** Cancels streams in flight, waits until their rows are written, then closes the database. */
  dispose(): Promise<void>;
}
