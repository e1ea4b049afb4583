import type { Keychain } from '../keychain/types';

/**
 * The keychain account holding the collector's headers (JSON, e.g. {"Authorization": "Bearer ..."}). The ":"
 * keeps it apart from every endpoint id, which cannot contain one.
 */
export const otlpHeadersAccount = 'switchboard:otlp-headers';

/** A header name as HTTP allows it (a token), and a value without line breaks. */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Checks headers before they are kept: a message naming the bad one, or null. */
export function otlpHeadersProblem(headers: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    if (!headerName.test(name))
      return `"${name}" is not a valid header name (letters, digits and -, e.g. "Authorization")`;
    if (/[\r\n\0]/.test(value)) return `the value of "${name}" must be one line`;
  }
  return null;
}

/**
 * The collector's headers from the OS keychain, read at each export (the keychain keeps them in memory a few
 * seconds). Never throws: the SDK's header factory must not, and an unreachable keychain exports without them.
 */
export async function readOtlpHeaders(keychain: Keychain): Promise<Record<string, string>> {
  try {
    const stored = await keychain.get(otlpHeadersAccount);
    if (!stored) return {};
    const parsed = JSON.parse(stored) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}
