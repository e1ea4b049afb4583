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

/** What the span queue holds now, from the SDK's own processor metrics. */
export interface QueueState {
  queued: number;
  capacity: number;
  /** Spans dropped because the queue was full, since the export started. */
  dropped: number;
}

/** How the last span export went: what Settings shows, so a dead collector is seen. */
export interface ExportStatus {
  /** ISO 8601. */
  at: string;
  isOk: boolean;
  /** Why it failed (the SDK's message, after its retries). */
  error?: string;
  spans: number;
}
