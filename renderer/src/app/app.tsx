import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import type { Screen } from '../store/types';
import { ChatScreen } from '../features/chat/chat-screen';
import { CompareScreen } from '../features/compare/compare-screen';
import { PlaygroundScreen } from '../features/playground/playground-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { BudgetNotice } from '../features/usage/budget-notice';
import { UsageScreen } from '../features/usage/usage-screen';
import { WelcomeScreen } from '../features/welcome/welcome-screen';
import { ModelPickerDialog } from '../features/models/model-picker-dialog';
import { shortcutLabel } from './shortcuts';
import { ShortcutsSheet } from './shortcuts-sheet';
import { useGlobalShortcuts } from './use-global-shortcuts';

const screens: { id: Screen; label: string }[] = [
  { id: 'chat', label: 'Chat' },
  { id: 'compare', label: 'Compare' },
  { id: 'usage', label: 'Usage' },
  { id: 'settings', label: 'Settings' },
  { id: 'playground', label: 'Playground' },
];

export function App() {
  const { screen, setScreen, notice, setNotice, isConnected, isEmpty } = useAppStore(
    useShallow((state) => ({
      screen: state.screen,
      setScreen: state.setScreen,
      notice: state.notice,
      setNotice: state.setNotice,
      isConnected: state.isConnected,
      // No endpoint yet (and known to be none): Chat is a welcome that adds the first.
      isEmpty: state.isSettingsLoaded && state.endpoints.length === 0,
    })),
  );
  const [isSheetOpen, setIsSheetOpen] = useState(false);
  const openSheet = useCallback(() => setIsSheetOpen(true), []);
  useGlobalShortcuts({ isSheetOpen, openSheet });
  return (
    <div className="app">
      <header className="app-header">
        <h1>Switchboard</h1>
        <nav aria-label="Screens">
          {screens.map((entry, index) => (
            <button
              key={entry.id}
              type="button"
              className="nav-button"
              title={shortcutLabel(`Mod+${index + 1}`)}
              aria-keyshortcuts={`Control+${index + 1} Meta+${index + 1}`}
              aria-current={screen === entry.id ? 'page' : undefined}
              onClick={() => setScreen(entry.id)}
            >
              {entry.label}
            </button>
          ))}
        </nav>
        <button type="button" className="shortcuts-button" aria-keyshortcuts="?" onClick={openSheet}>
          Shortcuts <kbd>?</kbd>
        </button>
      </header>
      {!isConnected && (
        <div role="alert" className="notice notice-error">
          Lost connection to Switchboard. Is <code>switchboard serve</code> still running? Reconnecting…
        </div>
      )}
      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`notice notice-${notice.kind}`}>
          <span>{notice.message}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {(screen === 'chat' || screen === 'compare') && <BudgetNotice />}
      <main className="app-main">
        {screen === 'chat' && (isEmpty ? <WelcomeScreen /> : <ChatScreen />)}
        {screen === 'compare' && <CompareScreen />}
        {screen === 'usage' && <UsageScreen />}
        {screen === 'settings' && <SettingsScreen />}
        {screen === 'playground' && <PlaygroundScreen />}
      </main>
      <ModelPickerDialog />
      <ShortcutsSheet isOpen={isSheetOpen} onOpenChange={setIsSheetOpen} />
    </div>
  );
}
