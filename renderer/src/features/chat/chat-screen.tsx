import { useAppStore } from '../../store/app-store';
import { ModelButton } from '../models/model-button';
import './chat.css';
import { Composer } from './composer';
import { ConversationHeader } from './conversation-header';
import { ConversationList } from './conversation-list';
import { SettingsDialog } from './settings-dialog';
import { Transcript } from './transcript';

/** Chat: the history at the side, the conversation scrolling between the toolbar and the composer. */
export function ChatScreen() {
  return (
    <section aria-labelledby="chat-title" className="screen chat-screen">
      <div className="chat-main">
        <ChatToolbar />
        <ConversationHeader />
        <Transcript />
        <Composer />
      </div>
      {/* After the chat in reading order, beside it on screen: the heading order stays h2 → h3. */}
      <ConversationList />
    </section>
  );
}

function ChatToolbar() {
  const modelId = useAppStore((state) => state.chat.modelId);
  const newChat = useAppStore((state) => state.newChat);
  return (
    <div className="toolbar">
      <h2 id="chat-title">Chat</h2>
      <ModelButton label="Model" value={modelId} target={{ kind: 'chat' }} shortcut="Control+K Meta+K" />
      <SettingsDialog />
      <button type="button" onClick={newChat} aria-keyshortcuts="Control+N Meta+N">
        New chat
      </button>
    </div>
  );
}
