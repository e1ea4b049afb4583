// The preload exposes exactly one object, the contract's bridge, and nothing of Electron.
import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../shared/contract/channels';
import type { SwitchboardBridge } from '../../shared/contract';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(channels.event, (_event, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge = {
  request: (route, input) => ipcRenderer.invoke(channels.request, route, input),
  on(event, listener) {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    return () => set.delete(listener as Listener);
  },
} satisfies SwitchboardBridge;

contextBridge.exposeInMainWorld('switchboard', bridge);
