import type { StateCreator } from 'zustand';
import type {
  FieldProblem,
  PlaygroundCell,
  PlaygroundEvents,
  PlaygroundRun,
  PromptVersion,
} from '../../../shared/contract';
import { parseCaseRows } from '../../../shared/playground/case-rows';
import { readPromptFile } from '../../../shared/playground/prompt-file';
import { promptVariables } from '../../../shared/playground/template';
import { readSetting, writeSetting } from '../ui/local-setting';
import { newStreamView } from './apply-parts';
import { call, request } from './call';
import { emptyForm, formFields, paramsForm, readParams } from './playground-form';
import type { PlaygroundForm, PlaygroundState } from './playground-types';
import type { AppState } from './types';

/** The prompt and run open before a reload. */
const openKey = 'switchboard.playground';
const isOpenSetting = (value: unknown): value is { promptId: string | null; runId: string | null } =>
  typeof value === 'object' && value !== null && 'promptId' in value && 'runId' in value;

const newCaseId = () => globalThis.crypto.randomUUID();

/** A cell's update from the core; a cell that starts streaming gets its stream view. */
export function applyCellEvent(
  get: () => AppState,
  set: (partial: Partial<AppState>) => void,
  { runId, cell }: PlaygroundEvents['playground.cell'],
) {
  const { playground, streams } = get();
  if (playground.run?.id !== runId) return;
  if (cell.status === 'streaming' && cell.streamId && !streams[cell.streamId]) {
    set({ streams: { ...streams, [cell.streamId]: newStreamView(cell.modelId, cell.streamId) } });
  }
  set({ playground: { ...get().playground, run: replaceCell(get().playground.run!, cell) } });
}

function replaceCell(run: PlaygroundRun, cell: PlaygroundCell): PlaygroundRun {
  return {
    ...run,
    cells: run.cells.map((c) => (c.caseId === cell.caseId && c.modelId === cell.modelId ? cell : c)),
  };
}

/** Stream views for the cells of a run that are streaming, so their text shows as it comes. */
function watchStreams(get: () => AppState, set: (partial: Partial<AppState>) => void, run: PlaygroundRun) {
  const streams = { ...get().streams };
  let isChanged = false;
  for (const cell of run.cells) {
    if (cell.status !== 'streaming' || !cell.streamId || streams[cell.streamId]) continue;
    streams[cell.streamId] = newStreamView(cell.modelId, cell.streamId);
    isChanged = true;
  }
  if (isChanged) set({ streams });
}

export const createPlaygroundSlice: StateCreator<AppState, [], [], PlaygroundState> = (set, get) => {
  const update = (changes: Partial<PlaygroundForm>) => set({ playground: { ...get().playground, ...changes } });
  const edit = (changes: Partial<PlaygroundForm>) => update({ ...changes, isDirty: true, problems: [] });
  const remember = () => {
    const { promptId, run } = get().playground;
    writeSetting(openKey, { promptId, runId: run?.id ?? null });
  };
  const showVersion = (version: PromptVersion | undefined) =>
    version
      ? {
          system: version.system,
          messages: version.messages ?? [],
          user: version.user,
          params: paramsForm(version.params),
          modelIds: version.modelIds,
        }
      : {};
  let isLoaded = false;

  return {
    playground: emptyForm(),
    setPlaygroundDraft({ params, ...rest }) {
      edit({ ...rest, ...(params ? { params: { ...get().playground.params, ...params } } : {}) });
    },
    addPlaygroundMessage(role) {
      edit({ messages: [...get().playground.messages, { role, content: '' }] });
    },
    setPlaygroundMessage(index, changes) {
      edit({ messages: get().playground.messages.map((m, i) => (i === index ? { ...m, ...changes } : m)) });
    },
    removePlaygroundMessage: (index) => edit({ messages: get().playground.messages.filter((_, i) => i !== index) }),
    movePlaygroundMessage(index, offset) {
      const messages = [...get().playground.messages];
      const target = index + offset;
      if (target < 0 || target >= messages.length) return;
      [messages[index], messages[target]] = [messages[target]!, messages[index]!];
      edit({ messages });
    },
    addPlaygroundModel(modelId) {
      const { modelIds } = get().playground;
      if (!modelIds.includes(modelId)) edit({ modelIds: [...modelIds, modelId] });
    },
    removePlaygroundModel: (modelId) => edit({ modelIds: get().playground.modelIds.filter((id) => id !== modelId) }),
    addPlaygroundCase(values = {}) {
      edit({ cases: [...get().playground.cases, { id: newCaseId(), values, checks: [] }] });
    },
    setPlaygroundCaseValue(caseId, variable, value) {
      edit({
        cases: get().playground.cases.map((c) =>
          c.id === caseId ? { ...c, values: { ...c.values, [variable]: value } } : c,
        ),
      });
    },
    setPlaygroundCaseChecks(caseId, checks) {
      edit({ cases: get().playground.cases.map((c) => (c.id === caseId ? { ...c, checks } : c)) });
    },
    removePlaygroundCase: (caseId) => edit({ cases: get().playground.cases.filter((c) => c.id !== caseId) }),
    importPlaygroundCases(text) {
      const parsed = parseCaseRows(text);
      if ('problem' in parsed) return parsed.problem;
      edit({
        cases: [...get().playground.cases, ...parsed.rows.map((values) => ({ id: newCaseId(), values, checks: [] }))],
      });
      return null;
    },
    newPlaygroundPrompt() {
      set({ playground: emptyForm(get().playground.prompts) });
      remember();
    },
    async loadPlayground() {
      const prompts = await call(get, set, 'playground.prompts', {});
      if (prompts) update({ prompts });
      if (isLoaded) return;
      isLoaded = true;
      const open = readSetting(openKey, { promptId: null, runId: null }, isOpenSetting);
      if (open.promptId && !get().playground.promptId) await get().openPlaygroundPrompt(open.promptId);
      if (open.runId && get().playground.promptId === open.promptId) await get().openPlaygroundRun(open.runId);
    },
    async openPlaygroundPrompt(promptId, versionId) {
      const result = await request(get, 'playground.prompt', { promptId });
      if (!result.ok) return;
      const prompt = result.data;
      const version = prompt.versions.find((v) => v.id === versionId) ?? prompt.versions.at(-1);
      const isOlder = version !== undefined && version.id !== prompt.versions.at(-1)?.id;
      const runs = (await call(get, set, 'playground.runs', { promptId })) ?? [];
      set({
        playground: {
          ...emptyForm(get().playground.prompts),
          promptId,
          name: prompt.name,
          cases: prompt.cases,
          versions: prompt.versions,
          runs,
          ...showVersion(version),
          // An older version differs from the newest: running or saving it makes it the newest again.
          isDirty: isOlder,
          restoredFrom: isOlder ? version.number : null,
        },
      });
      remember();
    },
    async importPlaygroundPrompt(text) {
      const file = readPromptFile(text);
      if ('problem' in file) return file.problem;
      const result = await request(get, 'playground.save', { ...file, note: 'Imported' });
      if (!result.ok) {
        const fields = result.error.fields ?? [];
        return fields.length
          ? `The prompt file has a problem: ${fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}.`
          : result.error.message;
      }
      await get().openPlaygroundPrompt(result.data.id);
      void get().loadPlayground();
      return null;
    },
    async savePlaygroundPrompt(note) {
      const form = get().playground;
      const { params, problems } = readParams(form.params);
      if (problems.length) {
        update({ problems });
        return false;
      }
      const result = await request(get, 'playground.save', {
        ...(form.promptId ? { promptId: form.promptId } : {}),
        name: form.name.trim() || form.user.trim().slice(0, 60) || 'Untitled prompt',
        note: note || (form.restoredFrom ? `Restored from version ${form.restoredFrom}` : ''),
        draft: {
          system: form.system,
          ...(form.messages.length ? { messages: form.messages } : {}),
          user: form.user,
          params,
          modelIds: form.modelIds,
        },
        cases: form.cases,
      });
      if (!result.ok) {
        update({ problems: formFields(result.error.fields ?? [{ field: 'save', message: result.error.message }]) });
        return false;
      }
      const saved = result.data;
      update({
        promptId: saved.id,
        name: saved.name,
        versions: saved.versions,
        isDirty: false,
        restoredFrom: null,
        problems: [],
      });
      remember();
      void get().loadPlayground();
      return true;
    },
    async runPlayground() {
      let form = get().playground;
      const problems: FieldProblem[] = [];
      if (form.modelIds.length === 0) problems.push({ field: 'modelIds', message: 'Pick at least one model to run.' });
      const missing = promptVariables(form).filter((name) => form.cases.some((c) => !(c.values[name] ?? '').trim()));
      if (missing.length)
        problems.push({
          field: 'cases',
          message: `Fill in ${missing.map((name) => `{{${name}}}`).join(', ')} in every case.`,
        });
      const concurrency = Number(form.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
        problems.push({ field: 'concurrency', message: 'At a time is a whole number from 1 to 16.' });
      if (problems.length) {
        update({ problems });
        return;
      }
      if (form.isDirty || form.versions.length === 0) {
        if (!(await get().savePlaygroundPrompt(form.restoredFrom ? '' : 'Saved to run'))) return;
        form = get().playground;
      }
      const version = form.versions.at(-1)!;
      const result = await request(get, 'playground.run', { versionId: version.id, concurrency });
      if (!result.ok) {
        update({ problems: formFields(result.error.fields ?? [{ field: 'run', message: result.error.message }]) });
        return;
      }
      watchStreams(get, set, result.data);
      update({ run: result.data });
      remember();
      const runs = await call(get, set, 'playground.runs', { promptId: version.promptId });
      if (runs) update({ runs });
    },
    async rerunPlaygroundCell(caseId, modelId) {
      const run = get().playground.run;
      if (!run) return;
      const rerun = await call(get, set, 'playground.rerunCell', { runId: run.id, caseId, modelId });
      if (!rerun || get().playground.run?.id !== rerun.id) return;
      watchStreams(get, set, rerun);
      update({ run: rerun });
    },
    async cancelPlaygroundRun() {
      const run = get().playground.run;
      if (!run) return;
      const cancelled = await call(get, set, 'playground.cancel', { runId: run.id });
      if (cancelled && get().playground.run?.id === cancelled.id) update({ run: cancelled });
    },
    async comparePlaygroundVersionRuns(olderNumber, newerNumber) {
      const { runs } = get().playground;
      // Runs come newest first.
      const older = runs.find((run) => run.versionNumber === olderNumber);
      const newer = runs.find((run) => run.versionNumber === newerNumber);
      if (!older || !newer) return false;
      await get().openPlaygroundRun(newer.id);
      await get().comparePlaygroundRun(older.id);
      return true;
    },
    async comparePlaygroundRun(runId) {
      if (!runId) return update({ compareRun: null });
      const compareRun = await call(get, set, 'playground.runGet', { runId });
      if (compareRun) update({ compareRun });
    },
    async openPlaygroundRun(runId) {
      const run = await call(get, set, 'playground.runGet', { runId });
      if (!run) return;
      update({ run });
      remember();
    },
  };
};
