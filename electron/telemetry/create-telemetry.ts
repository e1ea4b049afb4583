import { SpanKind, SpanStatusCode, type Attributes, type Counter, type Histogram } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, MetricReader, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { OtlpConfig, SwitchboardConfig } from '../../shared/types/config';
import type { UsageRecord } from '../../shared/types/usage';
import type { Keychain } from '../keychain/types';
import { callAttributes, errorType, providerName, type CallContent } from './call-attributes';
import { callContent, type FinishedCall } from './call-content';
import { readOtlpHeaders } from './otlp-headers';

/** How much the export may hold and how long it waits; tests pass small ones. */
export interface ExportLimits {
  /** Spans waiting for export at most; past it new ones are dropped, never queued. */
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduledDelayMillis: number;
  /** One export request, retries included, gives up after this. */
  exportTimeoutMillis: number;
  metricIntervalMillis: number;
  /** Longest attribute value (content included), in characters. */
  maxAttributeLength: number;
}

export const defaultExportLimits: ExportLimits = {
  maxQueueSize: 1024,
  maxExportBatchSize: 256,
  scheduledDelayMillis: 2000,
  exportTimeoutMillis: 5000,
  metricIntervalMillis: 30_000,
  maxAttributeLength: 32 * 1024,
};

export interface TelemetryOptions {
  readConfig(): SwitchboardConfig;
  keychain: Keychain;
  limits?: Partial<ExportLimits>;
  /** How often config.json is looked at again for the telemetry settings (edits through Switchboard apply at once). */
  refreshMs?: number;
  version?: string;
}

/** What the span queue holds now, from the SDK's own processor metrics. */
export interface QueueState {
  queued: number;
  capacity: number;
  /** Spans dropped because the queue was full, since the export started. */
  dropped: number;
}

export interface Telemetry {
  /** Hands a finished call to the export, if on; returns at once (the span is made after the call's turn). */
  export(record: UsageRecord, call?: FinishedCall): void;
  /** Whether calls should keep their answer text for the export (`includeContent`). */
  isIncludingContent(): boolean;
  /** The settings changed through Switchboard: look again now. */
  invalidate(): void;
  queue(): Promise<QueueState | null>;
  /** Sends what is queued now (bounded by the export timeout). */
  flush(): Promise<void>;
  /** Flushes and stops; after it nothing is exported. */
  dispose(): Promise<void>;
}

/** Reads the SDK's self-observability metrics on demand. */
class OnDemandReader extends MetricReader {
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

interface Pipeline {
  endpoint: string;
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
  queueReader: OnDemandReader;
  selfMeters: MeterProvider;
  tokenUsage: Histogram;
  duration: Histogram;
  cost: Counter;
}

const trimmed = (endpoint: string) => endpoint.replace(/\/+$/, '');

/**
 * Exports each finished call as one OpenTelemetry span (GenAI conventions) and records token and cost metrics,
 * over OTLP/HTTP to the collector in `telemetry.otlp`. Batched with a bounded queue, short timeouts and the
 * SDK's own retries: a dead or slow collector drops spans, it never blocks a call or grows memory. Nothing is
 * built, and a call costs one time comparison, while it is off.
 */
export function createTelemetry(options: TelemetryOptions): Telemetry {
  const limits = { ...defaultExportLimits, ...options.limits };
  const refreshMs = options.refreshMs ?? 1000;
  let settings: OtlpConfig | undefined;
  let pipeline: Pipeline | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let isDisposed = false;
  const stopping = new Set<Promise<void>>();
  const pending = new Map<NodeJS.Immediate, () => void>();

  const stop = (old: Pipeline) => {
    const done = Promise.allSettled([
      old.tracerProvider.shutdown(),
      old.meterProvider.shutdown(),
      old.selfMeters.shutdown(),
    ]).then(() => undefined);
    stopping.add(done);
    void done.finally(() => stopping.delete(done));
  };

  const build = (otlp: OtlpConfig): Pipeline => {
    const endpoint = trimmed(otlp.endpoint);
    const headers = () => readOtlpHeaders(options.keychain);
    const resource = resourceFromAttributes({
      'service.name': 'switchboard',
      ...(options.version ? { 'service.version': options.version } : {}),
    });
    const queueReader = new OnDemandReader();
    const selfMeters = new MeterProvider({ readers: [queueReader] });
    const spanExporter = new OTLPTraceExporter({
      url: `${endpoint}/v1/traces`,
      headers,
      timeoutMillis: limits.exportTimeoutMillis,
      concurrencyLimit: 2,
    });
    const tracerProvider = new TracerProvider({
      resource,
      spanLimits: { attributeValueLengthLimit: limits.maxAttributeLength, attributeCountLimit: 64 },
      spanProcessors: [
        new BatchSpanProcessor({
          exporter: spanExporter,
          maxQueueSize: limits.maxQueueSize,
          maxExportBatchSize: Math.min(limits.maxExportBatchSize, limits.maxQueueSize),
          scheduledDelayMillis: limits.scheduledDelayMillis,
          exportTimeoutMillis: limits.exportTimeoutMillis,
          selfObsMeterProvider: selfMeters,
        }),
      ],
    });
    const meterProvider = new MeterProvider({
      resource,
      readers: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({
            url: `${endpoint}/v1/metrics`,
            headers,
            timeoutMillis: limits.exportTimeoutMillis,
            concurrencyLimit: 1,
          }),
          exportIntervalMillis: limits.metricIntervalMillis,
          exportTimeoutMillis: Math.min(limits.exportTimeoutMillis, limits.metricIntervalMillis),
          cardinalityLimits: { default: 500 },
        }),
      ],
    });
    const meter = meterProvider.getMeter('switchboard');
    return {
      endpoint,
      tracerProvider,
      meterProvider,
      queueReader,
      selfMeters,
      tokenUsage: meter.createHistogram('gen_ai.client.token.usage', {
        unit: '{token}',
        description: 'Tokens used per call, by gen_ai.token.type (input, output).',
        advice: { explicitBucketBoundaries: [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576] },
      }),
      duration: meter.createHistogram('gen_ai.client.operation.duration', {
        unit: 's',
        description: 'How long each call took, failovers included.',
      }),
      cost: meter.createCounter('switchboard.client.cost', {
        unit: 'USD',
        description: 'What calls cost, as Switchboard priced them (calls without a known price are not counted).',
      }),
    };
  };

  /** Looks at the settings again when they may have changed; builds, swaps or stops the export. */
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
    if (settings && !pipeline && !isDisposed) pipeline = build(settings);
  };
  const current = () => {
    if (Date.now() - checkedAt >= refreshMs) refresh();
    return pipeline;
  };

  const emit = (active: Pipeline, record: UsageRecord, content: CallContent | undefined) => {
    const endpointId = record.target?.split('/')[0] ?? record.attempts.at(-1)?.target.split('/')[0];
    const kind = options.readConfig().endpoints.find((endpoint) => endpoint.id === endpointId)?.kind;
    const attributes = callAttributes(record, kind);
    if (content) {
      attributes['gen_ai.input.messages'] = content.input;
      attributes['gen_ai.output.messages'] = content.output;
    }
    const startTime = Date.parse(record.createdAt);
    const span = active.tracerProvider
      .getTracer('switchboard')
      .startSpan(`${attributes['gen_ai.operation.name'] as string} ${attributes['gen_ai.request.model'] as string}`, {
        kind: SpanKind.CLIENT,
        startTime,
        attributes,
      });
    if (record.status !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: record.error ?? record.status });
    span.end(startTime + record.totalMs);

    const metricAttributes: Attributes = {
      'gen_ai.operation.name': attributes['gen_ai.operation.name'],
      'gen_ai.provider.name': providerName(kind),
      'gen_ai.request.model': attributes['gen_ai.request.model'],
      ...(record.servedModel ? { 'gen_ai.response.model': record.servedModel } : {}),
      ...(attributes['switchboard.route'] ? { 'switchboard.route': attributes['switchboard.route'] } : {}),
      ...(record.status !== 'ok' ? { 'error.type': errorType(record) } : {}),
    };
    active.duration.record(record.totalMs / 1000, metricAttributes);
    if (record.usage) {
      active.tokenUsage.record(record.usage.inputTokens, { ...metricAttributes, 'gen_ai.token.type': 'input' });
      active.tokenUsage.record(record.usage.outputTokens, { ...metricAttributes, 'gen_ai.token.type': 'output' });
    }
    if (record.costUSD !== null && record.costUSD > 0) active.cost.add(record.costUSD, metricAttributes);
  };

  return {
    export(record, call) {
      const active = current();
      if (!active) return;
      const content = settings?.includeContent && call ? callContent(call, record) : undefined;
      // Made after the call's own turn, so the answer is never held up by it.
      const job = () => {
        pending.delete(immediate);
        try {
          emit(active, record, content);
        } catch (error) {
          console.error(`switchboard: could not export the call to OpenTelemetry: ${(error as Error).message}`);
        }
      };
      const immediate = setImmediate(job);
      pending.set(immediate, job);
    },
    isIncludingContent() {
      return current() !== undefined && settings?.includeContent === true;
    },
    invalidate() {
      checkedAt = Number.NEGATIVE_INFINITY;
    },
    async queue() {
      const active = current();
      if (!active) return null;
      const { resourceMetrics } = await active.queueReader.collect();
      const total = (name: string, only?: (attributes: Attributes) => boolean) =>
        resourceMetrics.scopeMetrics
          .flatMap((scope) => scope.metrics)
          .filter((metric) => metric.descriptor.name === name)
          .flatMap((metric) => metric.dataPoints as Array<{ value: unknown; attributes: Attributes }>)
          .filter((point) => !only || only(point.attributes))
          .reduce((sum, point) => sum + (typeof point.value === 'number' ? point.value : 0), 0);
      return {
        queued: total('otel.sdk.processor.span.queue.size'),
        capacity: total('otel.sdk.processor.span.queue.capacity'),
        dropped: total('otel.sdk.processor.span.processed', (attributes) => attributes['error.type'] === 'queue_full'),
      };
    },
    async flush() {
      await new Promise((resolve) => setImmediate(resolve));
      // A collector that is down is the export's problem, never the caller's.
      await Promise.allSettled([
        pipeline?.tracerProvider.forceFlush({ timeoutMillis: limits.exportTimeoutMillis }),
        pipeline?.meterProvider.forceFlush({ timeoutMillis: limits.exportTimeoutMillis }),
      ]);
    },
    async dispose() {
      isDisposed = true;
      // Spans still to be made are made now, then everything queued is sent (or given up on) before stopping.
      for (const [immediate, job] of [...pending]) {
        clearImmediate(immediate);
        job();
      }
      if (pipeline) {
        stop(pipeline);
        pipeline = undefined;
      }
      await Promise.allSettled([...stopping]);
    },
  };
}
