import type { OtlpConfig, SwitchboardConfig } from '../../shared/types/config';
import type { UsageRecord } from '../../shared/types/usage';
import type { Keychain } from '../keychain/types';
import type { CallContent } from './call-attributes';
import { callContent, type FinishedCall } from './call-content';
import { defaultExportLimits, type ExportLimits, type ExportStatus, type QueueState } from './export-limits';
import { readOtlpHeaders } from './otlp-headers';
import type { OtlpPipeline } from './otlp-pipeline';

export { defaultExportLimits, type ExportLimits, type ExportStatus, type QueueState } from './export-limits';

export interface TelemetryOptions {
  readConfig(): SwitchboardConfig;
  keychain: Keychain;
  limits?: Partial<ExportLimits>;
  /** How often config.json is looked at again for the telemetry settings (edits through Switchboard apply at once). */
  refreshMs?: number;
  version?: string;
}

export interface Telemetry {
  /** Hands a finished call to the export, if on; returns at once (the span is made after the call's turn). */
  export(record: UsageRecord, call?: FinishedCall): void;
  /** Whether calls should keep their answer text for the export (`includeContent`). */
  isIncludingContent(): boolean;
  /** The settings changed through Switchboard: look again now. */
  invalidate(): void;
  /** The span queue now; null while the export is off. */
  queue(): Promise<QueueState | null>;
  /** How the last span export went; null while off or before the first. */
  status(): ExportStatus | null;
  /** Sends what is queued now (bounded by the export timeout); never throws. */
  flush(): Promise<void>;
  /** Makes the spans still to be made, flushes and stops; after it nothing is exported. */
  dispose(): Promise<void>;
}

const trimmed = (endpoint: string) => endpoint.replace(/\/+$/, '');

/**
 * Exports each finished call as one OpenTelemetry span (GenAI conventions) and records token and cost metrics,
 * over OTLP/HTTP to the collector in `telemetry.otlp` (`otlp-pipeline.ts`). Batched with a bounded queue, short
 * timeouts and the SDK's own retries: a dead or slow collector drops spans, it never blocks a call or grows
 * memory. While it is off the SDK is not even loaded, and a call costs one time comparison.
 */
export function createTelemetry(options: TelemetryOptions): Telemetry {
  const limits = { ...defaultExportLimits, ...options.limits };
  const refreshMs = options.refreshMs ?? 1000;
  let settings: OtlpConfig | undefined;
  let pipeline: OtlpPipeline | undefined;
  /** The SDK loading for this endpoint: calls meanwhile wait for it (at most `maxQueueSize` of them). */
  let loading: { endpoint: string; done: Promise<void> } | undefined;
  let waiting = 0;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let isDisposed = false;
  const stopping = new Set<Promise<void>>();
  const pending = new Map<NodeJS.Immediate, () => void>();

  const stop = (old: OtlpPipeline) => {
    const done = old.shutdown();
    stopping.add(done);
    void done.finally(() => stopping.delete(done));
  };

  const load = (endpoint: string) => {
    const done = import('./otlp-pipeline')
      .then(({ createOtlpPipeline }) => {
        if (isDisposed || loading?.endpoint !== endpoint) return;
        const headers = () => readOtlpHeaders(options.keychain);
        pipeline = createOtlpPipeline({ endpoint, limits, headers, version: options.version });
      })
      .catch((error: unknown) => {
        console.error(`switchboard: could not start the OpenTelemetry export: ${(error as Error).message}`);
      })
      .finally(() => {
        if (loading?.endpoint === endpoint) loading = undefined;
      });
    loading = { endpoint, done };
  };

  /** Looks at the settings again; starts, swaps or stops the export as they say. */
  const refresh = () => {
    checkedAt = Date.now();
    let otlp: OtlpConfig | undefined;
    try {
      otlp = options.readConfig().telemetry?.otlp;
    } catch {
      // A config.json that does not parse keeps the export as it was; the calls report the file.
      return;
    }
    settings = otlp?.enabled ? otlp : undefined;
    const wanted = settings ? trimmed(settings.endpoint) : undefined;
    if (pipeline && pipeline.endpoint !== wanted) {
      stop(pipeline);
      pipeline = undefined;
    }
    if (wanted !== loading?.endpoint) loading = undefined;
    if (wanted && !pipeline && !loading && !isDisposed) load(wanted);
  };
  const isOn = () => {
    if (Date.now() - checkedAt >= refreshMs) refresh();
    return settings !== undefined;
  };

  const emit = (record: UsageRecord, content: CallContent | undefined) => {
    if (!pipeline) return;
    try {
      const endpointId = (record.target ?? record.attempts.at(-1)?.target)?.split('/')[0];
      const kind = options.readConfig().endpoints.find((endpoint) => endpoint.id === endpointId)?.kind;
      pipeline.emit(record, kind, content);
    } catch (error) {
      console.error(`switchboard: could not export the call to OpenTelemetry: ${(error as Error).message}`);
    }
  };
  /** After the call's own turn, so the answer is never held up by it. */
  const later = (job: () => void) => {
    const run = () => {
      pending.delete(immediate);
      job();
    };
    const immediate = setImmediate(run);
    pending.set(immediate, run);
  };

  return {
    export(record, call) {
      if (!isOn()) return;
      const content = settings?.includeContent && call ? callContent(call, record) : undefined;
      if (pipeline) return later(() => emit(record, content));
      // The SDK is still loading (the first call after turning it on): wait for it, within the queue's bound.
      if (!loading || waiting >= limits.maxQueueSize) return;
      waiting += 1;
      void loading.done.then(() => {
        waiting -= 1;
        emit(record, content);
      });
    },
    isIncludingContent() {
      return isOn() && settings?.includeContent === true;
    },
    invalidate() {
      checkedAt = Number.NEGATIVE_INFINITY;
    },
    async queue() {
      if (!isOn()) return null;
      await loading?.done;
      return pipeline ? pipeline.queue() : null;
    },
    status: () => (isOn() && pipeline ? pipeline.status() : null),
    async flush() {
      await new Promise((resolve) => setImmediate(resolve));
      await loading?.done;
      await pipeline?.flush();
    },
    async dispose() {
      await loading?.done;
      isDisposed = true;
      // Spans still to be made are made now, then everything queued is sent (or given up on) before stopping.
      for (const [immediate, run] of [...pending]) {
        clearImmediate(immediate);
        run();
      }
      if (pipeline) {
        stop(pipeline);
        pipeline = undefined;
      }
      await Promise.allSettled([...stopping]);
    },
  };
}
