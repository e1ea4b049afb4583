import type { EventName, Events, Result } from '../../shared/contract';
import type { CallContext } from '../core/types';
import { isTrustedSender, type SenderFrame } from './validate-sender';

/** The parts of an IPC event the answer reads (Electron's IpcMainInvokeEvent has them). */
export interface IpcRequestEvent<Sender> {
  /** Electron throws on reading a frame that was disposed meanwhile; null when it is gone. */
  readonly senderFrame: SenderFrame | null | undefined;
  readonly sender: Sender;
}

/** The asking page: where its stream events go. */
export interface IpcSender {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface IpcAnswerOptions<Sender extends IpcSender> {
  dispatch(route: unknown, input: unknown, context: CallContext): Promise<Result<unknown>>;
  eventChannel: string;
  /** Aborts when the asking page goes (see caller-signals.ts). */
  signalFor(sender: Sender): AbortSignal;
  devServerUrl?: string;
  log?(line: string, error?: unknown): void;
}

const forbidden: Result<unknown> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not talk to Switchboard.' },
};

/**
 * Answers one request from a page: the sender is checked, the core parses and runs it, and whatever goes wrong
 * becomes a Result error. Never throws, so the renderer never sees an IPC exception.
 */
export async function answerIpcRequest<Sender extends IpcSender>(
  event: IpcRequestEvent<Sender>,
  route: unknown,
  input: unknown,
  options: IpcAnswerOptions<Sender>,
): Promise<Result<unknown>> {
  const log = options.log ?? ((line: string, error?: unknown) => console.error(`switchboard: ${line}`, error ?? ''));
  try {
    let isTrusted: boolean;
    try {
      isTrusted = isTrustedSender(event.senderFrame, options);
    } catch {
      // The frame was disposed between the request and this check: nobody is left to answer.
      isTrusted = false;
    }
    if (!isTrusted) return forbidden;
    const sender = event.sender;
    const context: CallContext = {
      emit<E extends EventName>(name: E, payload: Events[E]) {
        try {
          if (!sender.isDestroyed()) sender.send(options.eventChannel, name, payload);
        } catch (error) {
          log(`could not send ${name} to its window`, error);
        }
      },
      signal: options.signalFor(sender),
    };
    return await options.dispatch(route, input, context);
  } catch (error) {
    log(`${typeof route === 'string' ? route : 'a request'} failed`, error);
    const message = `${typeof route === 'string' ? route : 'The request'} failed: ${(error as Error)?.message ?? String(error)}`;
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
}
