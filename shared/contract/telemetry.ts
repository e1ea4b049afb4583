import { z } from 'zod';
import { otlpSchema } from '../types/config';
import { route } from './define';

/** The OpenTelemetry export as Settings shows it; the headers never come back, only whether they are set. */
export interface TelemetryView {
  /** The collector's base URL; '' when none is set. */
  endpoint: string;
  enabled: boolean;
  includeContent: boolean;
  headers: { isSet: boolean; problem?: string };
  /** How the last export of calls went since Switchboard started; null before the first (or while off). */
  lastExport: { at: string; isOk: boolean; error?: string } | null;
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `Name: value` lines as headers, or what is wrong with the first bad line. */
export function parseHeaderLines(
  text: string,
): { ok: true; headers: Record<string, string> } | { ok: false; message: string } {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  for (const [index, line] of lines.entries()) {
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (colon < 0 || !headerName.test(name))
      return { ok: false, message: `line ${index + 1} is not "Name: value" (e.g. "Authorization: Bearer …")` };
    headers[name] = line.slice(colon + 1).trim();
  }
  return { ok: true, headers };
}

export const telemetryRoutes = {
  /** The OpenTelemetry export's settings (config.json) and whether its headers are set (OS keychain). */
  'telemetry.get': route<TelemetryView>()(z.object({})),
  /**
   * Saves the export's settings; an empty endpoint removes them. `headers` ("Name: value" lines) replace the
   * kept ones in the OS keychain; left out, the kept ones stay; `clearHeaders` removes them.
   */
  'telemetry.save': route<TelemetryView>()(
    z
      .object({
        endpoint: z.string().trim(),
        enabled: z.boolean().default(true),
        includeContent: z.boolean().default(false),
        headers: z.string().max(16_384, 'the headers are at most 16,384 characters').optional(),
        clearHeaders: z.boolean().default(false),
      })
      .superRefine((input, context) => {
        if (input.endpoint.length > 0) {
          const checked = otlpSchema.shape.endpoint.safeParse(input.endpoint);
          if (!checked.success)
            for (const issue of checked.error.issues)
              context.addIssue({ code: 'custom', path: ['endpoint'], message: issue.message });
        }
        if (input.headers !== undefined) {
          const parsed = parseHeaderLines(input.headers);
          if (!parsed.ok) context.addIssue({ code: 'custom', path: ['headers'], message: parsed.message });
        }
      }),
  ),
};
