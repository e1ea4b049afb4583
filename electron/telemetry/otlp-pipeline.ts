import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, MetricReader, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { ExportResultCode } from '@opentelemetry/core';
import { BatchSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import type { EndpointKind } from '../../shared/types/config';
import type { UsageRecord } from '../../shared/types/usage';
import { callAttributes, errorType, providerName, type CallContent } from './call-attributes';
import type { ExportLimits, ExportStatus, QueueState } from './export-limits';

/** Reads the SDK's self-observability metrics on demand. */
class OnDemandReader extends MetricReader {
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** One collector's export: loaded (with the SDK) only once telemetry is on. */
export interface OtlpPipeline {
  endpoint: string;
  emit(record: UsageRecord, kind: EndpointKind | undefined, content: CallContent | undefined): void;
  queue(): Promise<QueueState>;
  /** The last span export's outcome; null before the first. */
  status(): ExportStatus | null;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function createOtlpPipeline(options: {
  endpoint: string;
  limits: ExportLimits;
  headers: () => Promise<Record<string, string>>;
  version?: string;
}): OtlpPipeline {
  const { endpoint, limits, headers } = options;
  const resource = resourceFromAttributes({
    'service.name': 'switchboard',
    ...(options.version ? { 'service.version': options.version } : {}),
  });
  let lastExport: ExportStatus | null = null;
  const otlpSpans = new OTLPTraceExporter({
    url: `${endpoint}/v1/traces`,
    headers,
    timeoutMillis: limits.exportTimeoutMillis,
    concurrencyLimit: 2,
  });
  // The exporter as the processor sees it, noting how each export went.
  const spanExporter: SpanExporter = {
    export(spans, done) {
      otlpSpans.export(spans, (result) => {
        const isOk = result.code === ExportResultCode.SUCCESS;
        lastExport = {
          at: new Date().toISOString(),
          isOk,
          spans: spans.length,
          ...(isOk ? {} : { error: result.error?.message ?? 'the collector did not take the spans' }),
        };
        done(result);
      });
    },
    shutdown: () => otlpSpans.shutdown(),
    forceFlush: () => otlpSpans.forceFlush(),
  };
  const queueReader = new OnDemandReader();
  const selfMeters = new MeterProvider({ readers: [queueReader] });
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
  const tracer = tracerProvider.getTracer('switchboard');
  const meter = meterProvider.getMeter('switchboard');
  const tokenUsage = meter.createHistogram('gen_ai.client.token.usage', {
    unit: '{token}',
    description: 'Tokens used per call, by gen_ai.token.type (input, output).',
    advice: { explicitBucketBoundaries: [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576] },
  });
  const duration = meter.createHistogram('gen_ai.client.operation.duration', {
    unit: 's',
    description: 'How long each call took, failovers included.',
  });
  const cost = meter.createCounter('switchboard.client.cost', {
    unit: 'USD',
    description: 'What calls cost, as Switchboard priced them (calls without a known price are not counted).',
  });

  return {
    endpoint,
    emit(record, kind, content) {
      const attributes = callAttributes(record, kind);
      if (content) {
        attributes['gen_ai.input.messages'] = content.input;
        attributes['gen_ai.output.messages'] = content.output;
      }
      const operation = attributes['gen_ai.operation.name'] as string;
      const startTime = Date.parse(record.createdAt);
      const span = tracer.startSpan(`${operation} ${attributes['gen_ai.request.model'] as string}`, {
        kind: SpanKind.CLIENT,
        startTime,
        attributes,
      });
      if (record.status !== 'ok')
        span.setStatus({ code: SpanStatusCode.ERROR, message: record.error ?? record.status });
      span.end(startTime + record.totalMs);

      const metricAttributes: Attributes = {
        'gen_ai.operation.name': operation,
        'gen_ai.provider.name': providerName(kind),
        'gen_ai.request.model': attributes['gen_ai.request.model'],
        ...(record.servedModel ? { 'gen_ai.response.model': record.servedModel } : {}),
        ...(attributes['switchboard.route'] ? { 'switchboard.route': attributes['switchboard.route'] } : {}),
        ...(record.status !== 'ok' ? { 'error.type': errorType(record) } : {}),
      };
      duration.record(record.totalMs / 1000, metricAttributes);
      if (record.usage) {
        tokenUsage.record(record.usage.inputTokens, { ...metricAttributes, 'gen_ai.token.type': 'input' });
        tokenUsage.record(record.usage.outputTokens, { ...metricAttributes, 'gen_ai.token.type': 'output' });
      }
      if (record.costUSD !== null && record.costUSD > 0) cost.add(record.costUSD, metricAttributes);
    },
    async queue() {
      const { resourceMetrics } = await queueReader.collect();
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
    status: () => lastExport,
    async flush() {
      // A collector that is down is the export's problem, never the caller's.
      await Promise.allSettled([
        tracerProvider.forceFlush({ timeoutMillis: limits.exportTimeoutMillis }),
        meterProvider.forceFlush({ timeoutMillis: limits.exportTimeoutMillis }),
      ]);
    },
    async shutdown() {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown(), selfMeters.shutdown()]);
    },
  };
}
