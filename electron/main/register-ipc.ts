import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels, type EventName, type Events } from '../../shared/contract';
import type { Core } from '../core/types';
import { isTrustedSender } from './validate-sender';

/** One request channel for the whole contract; events go back to the asking window only. */
export function registerIpc(core: Core, options: { devServerUrl?: string }): () => void {
  ipcMain.handle(channels.request, async (event: IpcMainInvokeEvent, route: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, options)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not talk to Switchboard.' } };
    }
    const sender = event.sender;
    return core.dispatch(route, input, {
      emit<E extends EventName>(name: E, payload: Events[E]) {
        if (!sender.isDestroyed()) sender.send(channels.event, name, payload);
      },
    });
  });
  return () => ipcMain.removeHandler(channels.request);
}
