/** `2026-11-01`, `2026-11-01T10:00`, `2026-11-01T10:00:00.5Z`, `2026-11-01 10:00:00+02:00`, `...+0200`. */
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A `since` filter as the UTC ISO time the history stores (`2026-11-01T08:00:00.000Z`), so rows compare
 * as text in time order whatever offset the filter was written with; undefined when it is not a date.
 * A date alone is midnight UTC, and a time without an offset is UTC, like the times `usage` prints.
 */
export function sinceToUtc(value: string): string | undefined {
  const match = isoPattern.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = parts;
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3))));
  local.setUTCFullYear(y);
  // Date.UTC rolls 2026-02-31 over into March and 24:00 into the next day: those are not dates.
  if (local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const offsetHours = Number(digits.slice(1, 3));
    const offsetRest = Number(digits.slice(3, 5));
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  return new Date(local.getTime() - offsetMinutes * 60_000).toISOString();
}

const dateOnly = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/**
 * An `until` filter as UTC ISO text, exclusive: a date alone means up to the end of that day (UTC), so
 * `until 2026-11-30` includes the 30th; a time means up to that moment. Undefined when it is not a date.
 */
export function untilToUtc(value: string): string | undefined {
  const utc = sinceToUtc(value);
  if (utc === undefined || !dateOnly.test(value)) return utc;
  return new Date(Date.parse(utc) + 24 * 3600 * 1000).toISOString();
}
