import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './bridge/get-bridge';
import { App } from './app/app';
import { applyTheme, readTheme } from './features/settings/theme';
import { useAppStore } from './store/app-store';
import './styles.css';

applyTheme(readTheme());
const bridge = getBridge({
  onConnectionChange: (isConnected) => useAppStore.getState().setConnected(isConnected),
  onRefused: (message) => useAppStore.setState({ notice: { kind: 'error', message } }),
});
useAppStore.getState().connect(bridge);
void useAppStore.getState().loadSettings();
void useAppStore.getState().restoreChat();
void useAppStore.getState().restoreCompare();
window.addEventListener('pagehide', () => useAppStore.getState().flushCompare());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
