import { randomUUID } from 'node:crypto';
import type {
  CheckResult,
  PlaygroundCase,
  PlaygroundCell,
  PlaygroundCheck,
  PlaygroundRun,
  PromptDraft,
} from '../../../shared/contract/playground';
import { SwitchboardError } from '../../../shared/errors/codes';
import { evaluate, jsonText, type CellOutcome } from '../../../shared/playground/checks';
import { schemaMismatch } from '../../../shared/playground/json-schema';
import { fillTemplate } from '../../../shared/playground/template';
import type { ChatMessage } from '../../../shared/types/chat';
import type { SamplingSettings } from '../../providers/types';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { createStreamBatcher } from '../stream-batcher';
import type { CallContext } from '../types';

type PlaygroundHandlers = Pick<
  Handlers,
  | 'playground.prompts'
  | 'playground.prompt'
  | 'playground.save'
  | 'playground.run'
  | 'playground.rerunCell'
  | 'playground.cancel'
  | 'playground.runs'
  | 'playground.runGet'
>;

type Streams = Map<string, { controller: AbortController; done: Promise<void> }>;

/** Added to the system part when the prompt asks for JSON output. */
export const jsonInstruction = 'Answer with one valid JSON value only: no prose, no Markdown.';

/** What a judge model is told; its first word is the verdict. */
export const judgeInstruction =
  'You grade an answer against a rubric. Reply with PASS or FAIL as the first word, then one sentence saying why.';

/** A run in this process: its cells waiting for a free slot, and the streams of those running. */
interface ActiveRun {
  run: PlaygroundRun;
  waiting: PlaygroundCell[];
  running: Map<string, AbortController>;
  context: CallContext;
}

const cellKey = (caseId: string, modelId: string) => `${caseId}\u0000${modelId}`;

function emptyCell(caseId: string, modelId: string): PlaygroundCell {
  return {
    caseId,
    modelId,
    status: 'waiting',
    streamId: null,
    text: '',
    timeToFirstTokenMs: null,
    tokensPerSecond: null,
    outputTokens: null,
    costUSD: null,
    totalMs: null,
    error: null,
    checks: [],
    passed: null,
  };
}

/** The messages one case sends: its values filled into the system part, the messages in order, the user part. */
export function caseMessages(draft: PromptDraft, testCase: PlaygroundCase): ChatMessage[] {
  const system = [fillTemplate(draft.system, testCase.values).trim(), draft.params.json ? jsonInstruction : '']
    .filter(Boolean)
    .join('\n\n');
  return [
    ...(system ? [{ role: 'system' as const, content: system }] : []),
    ...(draft.messages ?? []).map(({ role, content }) => ({ role, content: fillTemplate(content, testCase.values) })),
    { role: 'user', content: fillTemplate(draft.user, testCase.values) },
  ];
}

/** The version's parameters; JSON output goes through the provider's own JSON mode or structured output. */
export function sampling(draft: PromptDraft): SamplingSettings {
  const { temperature, topP, maxOutputTokens, seed, stop, json, jsonSchema } = draft.params;
  return {
    ...(temperature !== undefined ? { temperature } : {}),
    ...(topP !== undefined ? { topP } : {}),
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(stop?.length ? { stopSequences: stop } : {}),
    ...(json
      ? { responseFormat: { type: 'json' as const, ...(jsonSchema ? { schema: jsonSchema, name: 'answer' } : {}) } }
      : {}),
  };
}

/** A check that needs no model; a JSON check with a schema also validates the value against it. */
function grade(check: PlaygroundCheck, outcome: CellOutcome): CheckResult {
  const result = evaluate(check, outcome);
  if (check.kind !== 'json' || !check.schema || !result.passed) return result;
  const mismatch = schemaMismatch(check.schema, JSON.parse(jsonText(outcome.text)));
  return mismatch ? { check, passed: false, detail: mismatch } : result;
}

/** Prompts, versions and runs of the Playground; a run's cells stream like chat answers, a few at a time. */
export function createPlaygroundHandlers(services: Services, streams: Streams): PlaygroundHandlers {
  const { store, gateway } = services;
  const active = new Map<string, ActiveRun>();

  function publish(entry: ActiveRun, cell: PlaygroundCell) {
    const index = entry.run.cells.findIndex((c) => c.caseId === cell.caseId && c.modelId === cell.modelId);
    entry.run.cells[index] = cell;
    try {
      store.playground.putCell(entry.run.id, cell);
    } catch (error) {
      // The answer still reaches the screen; only its saved copy is missing.
      console.error(`switchboard: could not save a Playground cell: ${(error as Error).message}`);
    }
    entry.context.emit('playground.cell', { runId: entry.run.id, cell });
  }

  function finishIfIdle(entry: ActiveRun) {
    if (entry.waiting.length === 0 && entry.running.size === 0) active.delete(entry.run.id);
  }

  /** Starts waiting cells while the run has free slots. */
  function pump(entry: ActiveRun) {
    while (entry.running.size < entry.run.concurrency && entry.waiting.length > 0) {
      startCell(entry, entry.waiting.shift()!);
    }
    finishIfIdle(entry);
  }

  function startCell(entry: ActiveRun, waiting: PlaygroundCell) {
    const { run } = entry;
    const testCase = run.cases.find((c) => c.id === waiting.caseId)!;
    const streamId = randomUUID();
    const controller = new AbortController();
    const key = cellKey(waiting.caseId, waiting.modelId);
    entry.running.set(key, controller);
    publish(entry, { ...emptyCell(waiting.caseId, waiting.modelId), status: 'streaming', streamId });
    const batcher = createStreamBatcher(streamId, entry.context);
    const done = (async () => {
      let text = '';
      for await (const part of gateway.stream({
        modelId: waiting.modelId,
        messages: caseMessages(run.version, testCase),
        sampling: sampling(run.version),
        source: 'app',
        signal: controller.signal,
      })) {
        if (part.type === 'text-delta') text += part.text;
        batcher.push(part);
        if (part.type !== 'finish' && part.type !== 'error') continue;
        const { record } = part;
        const outcome = { text, timeToFirstTokenMs: record.timeToFirstTokenMs, costUSD: record.costUSD };
        const checks =
          part.type === 'finish'
            ? await Promise.all(
                testCase.checks.map((check) =>
                  check.kind === 'judge'
                    ? judge(check, caseMessages(run.version, testCase), text, controller.signal)
                    : grade(check, outcome),
                ),
              )
            : [];
        const status = part.type === 'finish' ? 'ok' : record.status === 'cancelled' ? 'cancelled' : 'error';
        publish(entry, {
          ...emptyCell(waiting.caseId, waiting.modelId),
          status,
          streamId,
          text,
          timeToFirstTokenMs: record.timeToFirstTokenMs,
          tokensPerSecond: record.tokensPerSecond,
          outputTokens: record.usage?.outputTokens ?? null,
          costUSD: record.costUSD,
          totalMs: record.totalMs,
          error: part.type === 'error' ? part.message : null,
          checks,
          passed: status === 'ok' && checks.every((check) => check.passed),
        });
      }
    })()
      .catch((error: unknown) => console.error('switchboard: Playground cell failed:', error))
      .finally(() => {
        streams.delete(streamId);
        entry.running.delete(key);
        pump(entry);
      });
    streams.set(streamId, { controller, done });
  }

  /** Asks the judge model whether the answer meets the rubric; its verdict, reason and cost go on the check. */
  async function judge(
    check: Extract<PlaygroundCheck, { kind: 'judge' }>,
    asked: ChatMessage[],
    answer: string,
    signal: AbortSignal,
  ): Promise<CheckResult> {
    const question = asked.map((message) => `${message.role}: ${message.content}`).join('\n');
    let reply = '';
    for await (const part of gateway.stream({
      modelId: check.modelId,
      messages: [
        { role: 'system', content: judgeInstruction },
        {
          role: 'user',
          content: `Rubric:\n${check.rubric}\n\nThe prompt:\n${question}\n\nThe answer:\n${answer}`,
        },
      ],
      sampling: { temperature: 0 },
      source: 'app',
      signal,
    })) {
      if (part.type === 'text-delta') reply += part.text;
      if (part.type === 'error') {
        return {
          check,
          passed: false,
          detail: `the judge could not grade it: ${part.message}`,
          judgeCostUSD: part.record.costUSD,
        };
      }
      if (part.type !== 'finish') continue;
      const verdict = /^\W*(PASS|FAIL)\b\W*/i.exec(reply);
      const reason = (verdict ? reply.slice(verdict[0].length) : reply).trim();
      if (!verdict) {
        return {
          check,
          passed: false,
          detail: `the judge did not answer PASS or FAIL: ${reply.trim().slice(0, 200)}`,
          judgeCostUSD: part.record.costUSD,
        };
      }
      return {
        check,
        passed: verdict[1]!.toUpperCase() === 'PASS',
        ...(reason ? { detail: reason.slice(0, 500) } : {}),
        judgeCostUSD: part.record.costUSD,
      };
    }
    return { check, passed: false, detail: 'the judge did not answer' };
  }

  /** The run as this process knows it; cells a closed app left running read as cancelled. */
  function readRun(runId: string): PlaygroundRun {
    const live = active.get(runId);
    if (live) return structuredClone(live.run);
    const run = store.playground.getRun(runId);
    if (!run) throw new SwitchboardError('INVALID_INPUT', 'That run is not in the history (it may have been deleted).');
    run.cells = run.cells.map((cell) =>
      cell.status === 'waiting' || cell.status === 'streaming'
        ? { ...cell, status: 'cancelled', error: 'Switchboard closed before this cell finished.' }
        : cell,
    );
    return run;
  }

  /** Follows the caller: the run's events go to whoever last started cells of it; a closed tab stops them. */
  function activate(run: PlaygroundRun, context: CallContext): ActiveRun {
    const entry = active.get(run.id) ?? { run, waiting: [], running: new Map(), context };
    entry.context = context;
    active.set(run.id, entry);
    // Only while this caller is the one watching: a closed earlier tab leaves a later one's cells alone.
    context.signal?.addEventListener('abort', () => entry.context === context && cancelRun(entry), { once: true });
    return entry;
  }

  function cancelRun(entry: ActiveRun) {
    const waiting = entry.waiting.splice(0);
    for (const cell of waiting) publish(entry, { ...cell, status: 'cancelled', error: 'Cancelled before it started.' });
    for (const controller of entry.running.values()) controller.abort();
    finishIfIdle(entry);
  }

  return {
    'playground.prompts': async () => store.playground.listPrompts(),
    'playground.prompt': async ({ promptId }) => {
      const prompt = store.playground.getPrompt(promptId);
      if (!prompt) throw new SwitchboardError('INVALID_INPUT', 'That prompt is not in the history.');
      return prompt;
    },
    'playground.save': async (input) => {
      const ids = new Set(input.cases.map((c) => c.id));
      if (ids.size !== input.cases.length) {
        throw new SwitchboardError('INVALID_INPUT', 'Two cases have the same id: each case needs its own.');
      }
      const saved = store.playground.savePrompt(input);
      if (!saved) throw new SwitchboardError('INVALID_INPUT', 'That prompt is not in the history: save it as new.');
      return saved;
    },
    'playground.run': async ({ versionId, concurrency }, context) => {
      const version = store.playground.getVersion(versionId);
      const prompt = version && store.playground.getPrompt(version.promptId);
      if (!version || !prompt) throw new SwitchboardError('INVALID_INPUT', 'That version is not in the history.');
      if (version.modelIds.length === 0) {
        throw new SwitchboardError('INVALID_INPUT', 'Pick at least one model (Ctrl+K) and save before running.', {
          fields: [{ field: 'modelIds', message: 'pick at least one model' }],
        });
      }
      // A prompt without cases runs once per model with no values.
      const cases = prompt.cases.length ? prompt.cases : [{ id: 'case-1', values: {}, checks: [] }];
      const { id: _id, promptId, number, note: _note, createdAt: _at, ...draft } = version;
      const run: PlaygroundRun = {
        id: randomUUID(),
        promptId,
        versionId,
        versionNumber: number,
        createdAt: new Date().toISOString(),
        version: draft,
        cases,
        concurrency,
        cells: cases.flatMap((c) => version.modelIds.map((modelId) => emptyCell(c.id, modelId))),
      };
      store.playground.createRun(run);
      const entry = activate(run, context);
      entry.waiting.push(...run.cells);
      pump(entry);
      // After the first cells started: their events came before this answer, which carries them.
      return structuredClone(entry.run);
    },
    'playground.rerunCell': async ({ runId, caseId, modelId }, context) => {
      const run = readRun(runId);
      const cell = run.cells.find((c) => c.caseId === caseId && c.modelId === modelId);
      if (!cell) throw new SwitchboardError('INVALID_INPUT', 'That run has no such case and model.');
      const entry = activate(active.get(runId)?.run ?? run, context);
      const key = cellKey(caseId, modelId);
      entry.running.get(key)?.abort();
      entry.waiting = entry.waiting.filter((c) => cellKey(c.caseId, c.modelId) !== key);
      const waiting = emptyCell(caseId, modelId);
      publish(entry, waiting);
      entry.waiting.unshift(waiting);
      pump(entry);
      return structuredClone(entry.run);
    },
    'playground.cancel': async ({ runId }) => {
      const entry = active.get(runId);
      if (entry) cancelRun(entry);
      return readRun(runId);
    },
    'playground.runs': async ({ promptId }) => store.playground.listRuns(promptId),
    'playground.runGet': async ({ runId }) => readRun(runId),
  };
}
