import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels } from '../../shared/contract';
import type { Core } from '../core/types';
import { answerIpcRequest } from './answer-ipc-request';
import { createCallerSignals } from './caller-signals';

/** A page goes when its webContents is destroyed, its renderer dies, or it loads another document. */
function watchPage(contents: WebContents, gone: (isDestroyed: boolean) => void): void {
  contents.once('destroyed', () => gone(true));
  contents.on('render-process-gone', () => gone(false));
  contents.on('did-navigate', () => gone(false));
}

/** One request channel for the whole contract; events go back to the asking window only. */
export function registerIpc(core: Core, options: { devServerUrl?: string }): () => void {
  const signals = createCallerSignals<WebContents>(watchPage);
  ipcMain.handle(channels.request, (event: IpcMainInvokeEvent, route: unknown, input: unknown) =>
    answerIpcRequest(event, route, input, {
      dispatch: (...args) => core.dispatch(...args),
      eventChannel: channels.event,
      signalFor: (sender) => signals.signalFor(sender),
      devServerUrl: options.devServerUrl,
    }),
  );
  return () => ipcMain.removeHandler(channels.request);
}
