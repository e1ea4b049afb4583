import type { ErrorCode } from '../../shared/errors/codes';

/**
 * A provider call that failed. `isRetryable` says whether another target (or a later try)
 * may succeed: connection failures, timeouts, 401/403/408/409/429/5xx/529 and error events
 * before the first token. Messages never contain the key.
 */
export class ProviderError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly isRetryable: boolean;
  /** From `retry-after`, `retry-after-ms` or Gemini's RetryInfo. */
  readonly retryAfterMs: number | undefined;
  /** The provider's own error type (`insufficient_quota`, `overloaded_error`, ...). */
  readonly providerType: string | undefined;
  /** The local API request field the failure is about (a field the target cannot honour). */
  readonly param: string | undefined;

  constructor(options: {
    code: ErrorCode;
    message: string;
    status?: number;
    isRetryable: boolean;
    retryAfterMs?: number;
    providerType?: string;
    param?: string;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'ProviderError';
    this.code = options.code;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
    this.retryAfterMs = options.retryAfterMs;
    this.providerType = options.providerType;
    this.param = options.param;
  }

  static isInstance(value: unknown): value is ProviderError {
    return value instanceof Error && value.name === 'ProviderError';
  }
}
