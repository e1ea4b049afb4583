import type {
  FieldProblem,
  PlaygroundCase,
  PlaygroundCheck,
  PlaygroundRun,
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
}

/** The open prompt as edited, its saved versions and runs, and the run on screen. */
export interface PlaygroundForm {
  promptId: string | null;
  name: string;
  system: string;
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
  /** Shows another run beside the open one; null hides it. */
  comparePlaygroundRun(runId: string | null): Promise<void>;
}
