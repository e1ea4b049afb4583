/** `6m0s`, `1s`, `20ms`, `1h2m3.5s` (OpenAI's reset durations) in milliseconds. */
export function parseResetDuration(text: string): number | undefined {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text.trim()) return undefined;
  return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * units[unit!]!, 0));
}

/** When the provider says nothing about the reset, wait this long before trying the target first again. */
const unknownResetMs = 10_000;

/**
 * How long until a target may be asked again, when a successful answer's headers say its rate
 * limit is used up (OpenAI `x-ratelimit-*`, Anthropic `anthropic-ratelimit-*`); undefined while
 * requests remain. Reading this lets the next call go to another target instead of meeting a 429.
 */
export function rateLimitResetMs(headers: Record<string, string | undefined> | undefined, now = Date.now()) {
  if (!headers) return undefined;
  const waits: number[] = [];
  for (const kind of ['requests', 'tokens']) {
    if (headers[`x-ratelimit-remaining-${kind}`] !== '0') continue;
    waits.push(parseResetDuration(headers[`x-ratelimit-reset-${kind}`] ?? '') ?? unknownResetMs);
  }
  for (const kind of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    if (headers[`anthropic-ratelimit-${kind}-remaining`] !== '0') continue;
    const resetAt = Date.parse(headers[`anthropic-ratelimit-${kind}-reset`] ?? '');
    waits.push(Number.isNaN(resetAt) ? unknownResetMs : Math.max(0, resetAt - now));
  }
  return waits.length > 0 ? Math.max(...waits) : undefined;
}

export const rateLimitHeaders = [
  ...['requests', 'tokens'].flatMap((kind) => [`x-ratelimit-remaining-${kind}`, `x-ratelimit-reset-${kind}`]),
  ...['requests', 'tokens', 'input-tokens', 'output-tokens'].flatMap((kind) => [
    `anthropic-ratelimit-${kind}-remaining`,
    `anthropic-ratelimit-${kind}-reset`,
  ]),
];

/** `rateLimitResetMs` for a fetch response's headers, reading only the ones that matter. */
export function rateLimitResetFromHeaders(headers: Headers, now = Date.now()): number | undefined {
  const picked: Record<string, string> = {};
  for (const name of rateLimitHeaders) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return rateLimitResetMs(picked, now);
}
