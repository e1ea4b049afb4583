import { ProviderError } from './provider-error';

/** What stands where a key, or a piece of it, was. */
export const redactedKey = '[redacted key]';

/** A key echoed half-masked, as OpenAI does: `sk-proj-****…****1234`. */
const starMaskPattern = /[\w-]*\*{3,}[\w-]*/g;
/** A key shortened with dots: `sk-proj-abc...wxyz`; redacted when either side is the key's own start or end. */
const ellipsisPattern = /([\w-]*)(?:\.{3}|…)([\w-]*)/g;
/** The shortest run of a key's characters taken for a trace of it: catches cut-off and embedded copies. */
const fragmentLength = 12;
/** Keys shorter than this cannot be told apart from ordinary text. */
const shortestKey = 4;

// Keys are ASCII: lowercasing only A-Z keeps every index in place.
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** The last key's runs: a call redacts several texts (model, finish reason) with one key. */
let keptRuns: { key: string; pieces: Set<string> } | undefined;

/** Every run of `pieceLength` characters of the key, lowercased. */
function runsOf(key: string, pieceLength: number): Set<string> {
  if (keptRuns?.key === key) return keptRuns.pieces;
  const lowerKey = asciiLower(key);
  const pieces = new Set<string>();
  for (let start = 0; start + pieceLength <= lowerKey.length; start++) {
    pieces.add(lowerKey.slice(start, start + pieceLength));
  }
  keptRuns = { key, pieces };
  return pieces;
}

/** Replaces every run of `pieceLength` or more characters (any case) that also occurs in the key. */
function redactRuns(text: string, key: string): string {
  const pieceLength = Math.min(fragmentLength, key.length);
  // A text shorter than a run holds none.
  if (text.length < pieceLength) return text;
  const pieces = runsOf(key, pieceLength);
  const lowerText = asciiLower(text);
  const spans: [number, number][] = [];
  for (let start = 0; start + pieceLength <= lowerText.length; start++) {
    if (!pieces.has(lowerText.slice(start, start + pieceLength))) continue;
    const last = spans.at(-1);
    if (last && start <= last[1]) last[1] = start + pieceLength;
    else spans.push([start, start + pieceLength]);
  }
  if (spans.length === 0) return text;
  let result = '';
  let from = 0;
  for (const [start, end] of spans) {
    result += text.slice(from, start) + redactedKey;
    from = end;
  }
  return result + text.slice(from);
}

/**
 * Removes the key wherever a provider echoed it back: whole, cut off, inside another word, or half-masked.
 * `keep` (the endpoint id) stays readable even when the key shares characters with it: it is no secret.
 */
export function redactKey(text: string, apiKey: string | undefined, keep?: string): string {
  if (keep) {
    return text
      .split(keep)
      .map((piece) => redactKey(piece, apiKey))
      .join(keep);
  }
  let result = text;
  if (apiKey && apiKey.length >= shortestKey) {
    result = redactRuns(result, apiKey);
    result = result.replace(ellipsisPattern, (match, left: string, right: string) =>
      (left.length >= 3 && apiKey.startsWith(left)) || (right.length >= 4 && apiKey.endsWith(right))
        ? redactedKey
        : match,
    );
  }
  return result.replace(starMaskPattern, redactedKey);
}

const deepestCause = 5;

/** A copy of a cause chain that keeps what helps a diagnosis (name, message, system code) and never the key. */
function redactCause(cause: unknown, redact: (text: string) => string, depth: number): unknown {
  if (cause === undefined || depth >= deepestCause) return undefined;
  if (!(cause instanceof Error)) return redact(typeof cause === 'string' ? cause : String(cause));
  const inner = redactCause(cause.cause, redact, depth + 1);
  const copy = new Error(redact(cause.message), inner === undefined ? undefined : { cause: inner });
  copy.name = redact(cause.name);
  copy.stack = redact(cause.stack ?? `${copy.name}: ${copy.message}`);
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') {
    Object.assign(copy, { code: typeof code === 'string' ? redact(code) : code });
  }
  return copy;
}

/**
 * The same error with every string that came from the provider redacted: message, provider type and the
 * cause chain. Everything a ProviderError carries out of this folder passes through here. The message
 * keeps the endpoint id that Switchboard wrote into it, so its provider parts must be redacted before.
 */
export function withoutKey(error: ProviderError, apiKey: string | undefined, endpointId?: string): ProviderError {
  const redact = (text: string) => redactKey(text, apiKey);
  return new ProviderError({
    code: error.code,
    status: error.status,
    isRetryable: error.isRetryable,
    retryAfterMs: error.retryAfterMs,
    providerType: error.providerType === undefined ? undefined : redact(error.providerType),
    message: redactKey(error.message, apiKey, endpointId),
    cause: redactCause(error.cause, redact, 0),
  });
}
