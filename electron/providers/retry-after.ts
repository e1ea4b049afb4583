/** How long a provider asked us to wait: `retry-after-ms`, `retry-after` (seconds or a date), or Gemini's RetryInfo. */
export function retryAfterMs(
  headers: Record<string, string> | undefined,
  body?: string,
  now = Date.now(),
): number | undefined {
  const milliseconds = Number(headers?.['retry-after-ms']);
  if (Number.isFinite(milliseconds) && milliseconds >= 0 && headers?.['retry-after-ms'] !== undefined)
    return milliseconds;
  const retryAfter = headers?.['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const delay = body ? /"retryDelay"\s*:\s*"([\d.]+)s"/.exec(body) : null;
  return delay ? Math.round(Number(delay[1]) * 1000) : undefined;
}
