import type {
  AddedEndpoint,
  BudgetReport,
  BudgetStatus,
  AttachmentInput,
  CompareModelSet,
  CompareSessionSummary,
  ConversationSettings,
  ConversationSummary,
  EndpointModels,
  EndpointView,
  FieldProblem,
  LocalApiInfo,
  LocalServer,
  ModelOption,
  RouteView,
  SearchHit,
  StoredAttachment,
  StoredMessage,
  SwitchboardBridge,
  UsagePage,
  UsageReport,
} from '../../../shared/contract';
import type { EndpointConfig, RouteStrategy } from '../../../shared/types/config';
import type { Attempt, UsageRecord } from '../../../shared/types/usage';
import type { SettingsForm } from '../features/chat/settings-form';
import type { BlindState } from './blind-slice';
import type { PlaygroundState } from './playground-types';

export type Screen = 'chat' | 'compare' | 'usage' | 'settings' | 'playground';

/** How a form's request ended: done, or refused with the problems the core tied to its fields. */
export type FormOutcome<T = undefined> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fields: FieldProblem[] };

/** An endpoint's model list in Settings: being fetched, or why the last fetch failed. */
export interface ModelListState {
  isRefreshing: boolean;
  problem: string | null;
}

/** Which calls the Usage screen looks at, as the form holds them; empty strings mean no filter. */
export interface UsageFilterForm {
  /** `YYYY-MM-DD`, UTC days, both included. */
  since: string;
  until: string;
  model: string;
  endpoint: string;
  route: string;
  status: '' | 'ok' | 'error' | 'cancelled' | 'interrupted';
  source: '' | 'app' | 'api';
}

/** A budget as the Usage screen sets it. */
export type BudgetInput = Pick<BudgetStatus, 'endpointId' | 'monthlyUSD' | 'warnAtPercent' | 'whenReached'>;

export type ModelPickerTarget =
  | { kind: 'chat' }
  | { kind: 'compare'; index: number }
  | { kind: 'playground' }
  /** A form's own model field (a route's targets, a judge model): the pick goes back to it. */
  | { kind: 'field'; title: string; onPick(modelId: string): void };

/** One streaming answer as the screens show it. */
export interface StreamView {
  modelId: string;
  text: string;
  reasoning: string;
  status: 'streaming' | 'ok' | 'error' | 'cancelled' | 'interrupted';
  target: string | null;
  failedAttempts: Attempt[];
  record: UsageRecord | null;
  error: { code: string; message: string } | null;
  /** Why this answer is missing from the history (e.g. a full disk), when it is. */
  notSaved: string | null;
  /** Replayed from the route's cache, not answered anew. */
  isCached: boolean;
  /** The answer as the history keeps it, once saved (a chat's answer). */
  messageId: string | null;
}

/** One message of the open conversation's branch: live (`streamId`) or read back from the history. */
export interface ChatEntry {
  /** The message's id in the history; a live answer's stream id until it is saved (see `messageIdOf`). */
  id: string;
  role: 'system' | 'user' | 'assistant';
  content: string;
  streamId?: string;
  /** For answers read back: the model that wrote it and how the call ended. */
  model?: string | null;
  status?: StoredMessage['status'];
  /** Every version of this message, itself included, in the order they were made (ids as `id`). */
  versionIds: string[];
  /** For answers read back: the call's measurements, failover notes and error. */
  usage?: UsageRecord | null;
  attachments: StoredAttachment[];
}

export type CompareLayout = 'columns' | 'grid';

/** One Compare pane: its model and own settings, and its conversation's turns. */
export interface ComparePaneState {
  /** Stable while the pane exists (React's key). */
  key: string;
  modelId: string;
  overrides: ConversationSettings;
  /** The pane's conversation in the open compare, once asked. */
  conversationId?: string;
  /** Questions and answers, live ones by stream. */
  entries: ChatEntry[];
}

/** Where a Compare refusal is shown: beside the control that caused it. */
export type CompareProblemPlace = 'send' | 'models' | 'sets' | 'sessions' | { pane: number };

export interface CompareState {
  prompt: string;
  /** The settings every pane uses unless it overrides them, as typed; empty means the provider's default. */
  shared: SettingsForm;
  panes: ComparePaneState[];
  layout: CompareLayout;
  widePane: number | null;
  /** The open compare (its panes' conversations); null before the first question. */
  sessionId: string | null;
  sessions: CompareSessionSummary[];
  modelSets: CompareModelSet[];
  problem: { at: CompareProblemPlace; message: string } | null;
  /** False until the kept setup has been read back (the screen is busy until then). */
  isRestored: boolean;
}

/** The History side panel: its search, and the conversation deleted last while it can be restored. */
export interface HistoryState {
  query: string;
  /** Null when not searching. */
  hits: SearchHit[] | null;
  removed: ConversationSummary | null;
}

export interface AppState extends PlaygroundState, BlindState {
  bridge: SwitchboardBridge | null;
  isConnected: boolean;
  screen: Screen;
  notice: { kind: 'error' | 'info'; message: string } | null;
  endpoints: EndpointView[];
  /** True once the endpoints have been read: until then an empty list says nothing. */
  isSettingsLoaded: boolean;
  models: ModelOption[];
  /** Each endpoint's models with context windows and prices, as the pickers show them. */
  catalog: EndpointModels[];
  /** Per endpoint id. */
  modelLists: Record<string, ModelListState>;
  routes: RouteView[];
  /** The local OpenAI-compatible API, when this app serves one. */
  localApi: LocalApiInfo | null;
  streams: Record<string, StreamView>;
  chat: {
    conversationId: string | null;
    modelId: string;
    entries: ChatEntry[];
    /** The open conversation's system prompt and parameters; a new chat's, until its first message. */
    settings: ConversationSettings;
    /** A message to bring into view once shown (a search result), then null. */
    focusMessageId: string | null;
  };
  /** The history, pinned first, then newest first. */
  conversations: ConversationSummary[];
  history: HistoryState;
  compare: CompareState;
  usageFilter: UsageFilterForm;
  /** Totals, charts and filter choices over every matching call. */
  usageReport: UsageReport | null;
  /** The matching calls listed so far, newest first, and where the next (older) page starts. */
  usageCalls: UsagePage | null;
  /** Monthly budgets and this month's spending; null until read. */
  budgets: BudgetReport | null;

  /** Where the model picker puts its choice: the chat, a Compare slot, or nowhere (closed). */
  modelPickerFor: ModelPickerTarget | null;

  connect(bridge: SwitchboardBridge): void;
  openModelPicker(target: ModelPickerTarget): void;
  closeModelPicker(): void;
  /** Reopens the conversation that was open before a reload, when it still exists. */
  restoreChat(): Promise<void>;
  setScreen(screen: Screen): void;
  setNotice(notice: AppState['notice']): void;
  /** A lost connection ends the answers still streaming. */
  setConnected(isConnected: boolean): void;
  loadSettings(): Promise<void>;
  loadLocalApi(): Promise<void>;
  /** Adds an endpoint (refusing a taken id); with `isTested`, only once its model list came with the key. */
  addEndpoint(input: {
    endpoint: EndpointConfig;
    key?: string;
    isTested: boolean;
  }): Promise<FormOutcome<AddedEndpoint>>;
  saveEndpoint(endpoint: EndpointConfig): Promise<FormOutcome>;
  removeEndpoint(id: string): Promise<void>;
  saveRoute(route: RouteView): Promise<FormOutcome>;
  /** Sets a route's strategy and weights on the route as config.json has it now (its targets are kept). */
  setRouteStrategy(input: Pick<RouteView, 'name' | 'weights'> & { strategy: RouteStrategy }): Promise<FormOutcome>;
  /** Fetches an endpoint's model list again; a failure is kept in `modelLists`. */
  refreshModels(endpointId: string): Promise<void>;
  /** Ollama and LM Studio answering on this machine. */
  findLocalServers(): Promise<LocalServer[]>;
  removeRoute(name: string): Promise<void>;
  setKey(endpointId: string, key: string): Promise<boolean>;
  removeKey(endpointId: string): Promise<void>;
  testKey(endpointId: string, model: string): Promise<{ isWorking: boolean; message: string } | null>;
  /** The chat's model: remembered for new chats, and kept with the open conversation. */
  setChatModel(modelId: string): void;
  /** Asks the next question; false when it was not sent (the composer keeps the text). */
  sendChat(text: string, attachments?: AttachmentInput[]): Promise<boolean>;
  /** Asks an edited question as a new version of the one in `entryId`. */
  editMessage(entryId: string, text: string): Promise<boolean>;
  /** Answers again (Regenerate, Retry): a new version of the answer `entryId`, or a first answer to the question. */
  regenerate(entryId: string): Promise<void>;
  /** Shows the branch through another version of a message. */
  showVersion(messageId: string): Promise<void>;
  /** Keeps a conversation's settings (a new chat's until its first message); an error message when refused. */
  saveChatSettings(settings: ConversationSettings): Promise<string | null>;
  newChat(): void;
  loadConversations(): Promise<void>;
  /** Opens a conversation; with `messageId`, on the branch through that message, brought into view. */
  openConversation(conversationId: string, messageId?: string): Promise<void>;
  /** Deletes with undo: `undoRemove` brings it back while `history.removed` holds it. */
  removeConversation(conversationId: string): Promise<void>;
  undoRemove(): Promise<void>;
  forgetRemoved(): void;
  renameConversation(conversationId: string, title: string): Promise<boolean>;
  pinConversation(conversationId: string, isPinned: boolean): Promise<void>;
  searchHistory(query: string): Promise<void>;
  exportConversation(conversationId: string, format: 'markdown' | 'json'): Promise<void>;
  /** Imports a JSON export and opens it; the reason when the file is refused. */
  importConversation(text: string): Promise<string | null>;
  cancelStream(streamId: string): Promise<void>;
  /** Stops whatever answer the chat is still receiving. */
  stopChat(): Promise<void>;
  setComparePrompt(prompt: string): void;
  setCompareShared(shared: Partial<SettingsForm>): void;
  setCompareModel(index: number, modelId: string): void;
  /** A pane's own settings; what it leaves out comes from the shared ones. */
  setPaneOverrides(index: number, overrides: ConversationSettings): void;
  /** Adds a pane, up to the most Compare shows. */
  addCompareModel(): void;
  removeCompareModel(index: number): void;
  setCompareLayout(layout: CompareLayout): void;
  /** Widens a pane to two columns, or back. */
  toggleWidePane(index: number): void;
  /** Asks every pane: a new compare, or a follow-up in each pane's own conversation when one is open. */
  runCompare(): Promise<void>;
  /** Keeps the panes and settings, and starts over without conversations. */
  newCompare(): void;
  stopCompare(): Promise<void>;
  regenerateComparePane(index: number): Promise<void>;
  /** Opens the pane's conversation in Chat (and History) alone. */
  continueComparePane(index: number): Promise<void>;
  loadCompareLists(): Promise<void>;
  openCompareSession(sessionId: string): Promise<void>;
  /** Null when saved, else what is wrong. */
  saveModelSet(name: string): Promise<string | null>;
  openModelSet(setId: string): void;
  removeModelSet(setId: string): Promise<void>;
  /** Brings back the setup (and open compare) Compare had, from the core. */
  restoreCompare(): Promise<void>;
  /** Keeps what was typed a moment ago now (the page is going). */
  flushCompare(): void;
  loadUsage(): Promise<void>;
  setUsageFilter(filter: Partial<UsageFilterForm>): Promise<void>;
  loadOlderCalls(): Promise<void>;
  /** The matching calls as a file's pieces, in order; null when a piece failed (the notice says why). */
  exportUsage(format: 'csv' | 'json', onProgress: (calls: number) => void): Promise<string[] | null>;
  loadBudgets(): Promise<void>;
  /** Null when saved, else what is wrong, to show beside the form. */
  saveBudget(budget: BudgetInput): Promise<string | null>;
  removeBudget(endpointId: string | null): Promise<void>;
}
