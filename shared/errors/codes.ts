/** Error codes the renderer and API clients branch on; messages are for people. */
export const errorCodes = {
  INVALID_INPUT: 'INVALID_INPUT',
  UNKNOWN_ROUTE: 'UNKNOWN_ROUTE',
  FORBIDDEN: 'FORBIDDEN',
  DISCONNECTED: 'DISCONNECTED',
  INTERNAL: 'INTERNAL',
  CONFIG_INVALID: 'CONFIG_INVALID',
  UNKNOWN_MODEL: 'UNKNOWN_MODEL',
  UNKNOWN_ENDPOINT: 'UNKNOWN_ENDPOINT',
  UNKNOWN_CONVERSATION: 'UNKNOWN_CONVERSATION',
  KEY_MISSING: 'KEY_MISSING',
  KEYCHAIN_UNAVAILABLE: 'KEYCHAIN_UNAVAILABLE',
  PROVIDER_AUTH: 'PROVIDER_AUTH',
  PROVIDER_RATE_LIMITED: 'PROVIDER_RATE_LIMITED',
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  PROVIDER_BAD_REQUEST: 'PROVIDER_BAD_REQUEST',
  /** A local API request field the target cannot honour (a 400 naming the field and the target). */
  UNSUPPORTED_FIELD: 'UNSUPPORTED_FIELD',
  PROVIDER_NOT_FOUND: 'PROVIDER_NOT_FOUND',
  PROVIDER_STREAM_ERROR: 'PROVIDER_STREAM_ERROR',
  NETWORK: 'NETWORK',
  TIMEOUT: 'TIMEOUT',
  ANSWER_TOO_LARGE: 'ANSWER_TOO_LARGE',
  ALL_TARGETS_FAILED: 'ALL_TARGETS_FAILED',
  INTERRUPTED: 'INTERRUPTED',
  CANCELLED: 'CANCELLED',
  /** A monthly budget set to stop calls is spent (Usage › Budgets). */
  BUDGET_REACHED: 'BUDGET_REACHED',
  STORAGE: 'STORAGE',
} as const;
export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

/** An error with a stable code; messages never hold secrets. `fields` names the input fields it is about. */
export class SwitchboardError extends Error {
  readonly fields: { field: string; message: string }[] | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; fields?: { field: string; message: string }[] },
  ) {
    super(message, options);
    this.name = 'SwitchboardError';
    this.fields = options?.fields;
  }
}
