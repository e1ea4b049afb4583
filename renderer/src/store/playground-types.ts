import type {
  FieldProblem,
  PlaygroundCase,
  PlaygroundCheck,
  PlaygroundRun,
  PromptMessage,
  PromptSummary,
  PromptVersion,
  RunSummary,
} from '../../../shared/contract';

/** The parameters as the form holds them: empty means the provider's default. */
export interface PlaygroundParamsForm {
  temperature: string;
  topP: string;
  maxOutputTokens: string;
  seed: string;
  /** Comma-separated. */
  stop: string;
  json: boolean;
  /** With JSON output: the schema as typed (JSON text); empty for none. */
  jsonSchema: string;
}

/** The open prompt as edited, its saved versions and runs, and the run on screen. */
export interface PlaygroundForm {
  promptId: string | null;
  name: string;
  system: string;
  /** Turns sent in order between the system part and the user part. */
  messages: PromptMessage[];
  user: string;
  params: PlaygroundParamsForm;
  modelIds: string[];
  cases: PlaygroundCase[];
  concurrency: string;
  /** Changed since the last save. */
  isDirty: boolean;
  /** The older version shown in the editor, when one was opened: saving restores it as the newest. */
  restoredFrom: number | null;
  versions: PromptVersion[];
  runs: RunSummary[];
  prompts: PromptSummary[];
  run: PlaygroundRun | null;
  /** Another run shown beside `run`, cell by cell (two versions' outputs on the same cases). */
  compareRun: PlaygroundRun | null;
  /** Refusals tied to a field (`name`, `user`, `params.temperature`, `modelIds`, `concurrency`, `cases`). */
  problems: FieldProblem[];
}

export interface PlaygroundState {
  playground: PlaygroundForm;
  setPlaygroundDraft(
    draft: Partial<Pick<PlaygroundForm, 'name' | 'system' | 'user' | 'concurrency'>> & {
      params?: Partial<PlaygroundParamsForm>;
    },
  ): void;
  addPlaygroundMessage(role: PromptMessage['role']): void;
  setPlaygroundMessage(index: number, changes: Partial<PromptMessage>): void;
  removePlaygroundMessage(index: number): void;
  /** Moves a message one place up (-1) or down (+1). */
  movePlaygroundMessage(index: number, offset: -1 | 1): void;
  addPlaygroundModel(modelId: string): void;
  removePlaygroundModel(modelId: string): void;
  addPlaygroundCase(values?: Record<string, string>): void;
  setPlaygroundCaseValue(caseId: string, variable: string, value: string): void;
  setPlaygroundCaseChecks(caseId: string, checks: PlaygroundCheck[]): void;
  removePlaygroundCase(caseId: string): void;
  /** Adds rows from pasted CSV or JSON; answers what is wrong with the text, or null. */
  importPlaygroundCases(text: string): string | null;
  newPlaygroundPrompt(): void;
  loadPlayground(): Promise<void>;
  openPlaygroundPrompt(promptId: string, versionId?: string): Promise<void>;
  /** Saves a prompt file as a new prompt and opens it; answers what is wrong with the file, or null. */
  importPlaygroundPrompt(text: string): Promise<string | null>;
  /** Saves a version with its note; true when saved. */
  savePlaygroundPrompt(note: string): Promise<boolean>;
  /** Saves when changed, then runs every case × every model. */
  runPlayground(): Promise<void>;
  rerunPlaygroundCell(caseId: string, modelId: string): Promise<void>;
  cancelPlaygroundRun(): Promise<void>;
  openPlaygroundRun(runId: string): Promise<void>;
  /**
   * Opens the newest run of the newer version with the newest run of the older one beside it (their outputs
   * on the same cases); false when one of them has no run yet.
   */
  comparePlaygroundVersionRuns(olderNumber: number, newerNumber: number): Promise<boolean>;
  /** Shows another run beside the open one; null hides it. */
  comparePlaygroundRun(runId: string | null): Promise<void>;
}
