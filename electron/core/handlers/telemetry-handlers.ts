import type { TelemetryView } from '../../../shared/contract';
import { parseHeaderLines } from '../../../shared/contract/telemetry';
import { otlpHeadersAccount } from '../../telemetry/otlp-headers';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { fieldError } from './form-fields';

type TelemetryHandlers = Pick<Handlers, 'telemetry.get' | 'telemetry.save'>;

/** The OpenTelemetry export's settings: config.json for the collector, the OS keychain for its headers. */
export function createTelemetryHandlers(services: Services): TelemetryHandlers {
  const view = async (): Promise<TelemetryView> => {
    const otlp = services.readConfig().telemetry?.otlp;
    let headers: TelemetryView['headers'];
    try {
      headers = { isSet: (await services.keychain.get(otlpHeadersAccount)) !== undefined };
    } catch (error) {
      headers = { isSet: false, problem: (error as Error).message };
    }
    return {
      endpoint: otlp?.endpoint ?? '',
      enabled: otlp?.enabled ?? false,
      includeContent: otlp?.includeContent ?? false,
      headers,
      lastExport: lastExport(),
    };
  };
  const lastExport = (): TelemetryView['lastExport'] => {
    const status = services.telemetry.status();
    return status && { at: status.at, isOk: status.isOk, ...(status.error ? { error: status.error } : {}) };
  };
  return {
    'telemetry.get': view,
    'telemetry.save': async ({ endpoint, enabled, includeContent, headers, clearHeaders }) => {
      // The keychain first: a failure there leaves config.json as it was.
      try {
        if (clearHeaders) await services.keychain.remove(otlpHeadersAccount);
        else if (headers !== undefined && headers.trim().length > 0) {
          const parsed = parseHeaderLines(headers);
          if (parsed.ok) await services.keychain.set(otlpHeadersAccount, JSON.stringify(parsed.headers));
        }
      } catch (error) {
        throw fieldError(error, 'headers');
      }
      await services.editConfig((config) => {
        const { telemetry: _old, ...rest } = config;
        return endpoint.length === 0 ? rest : { ...rest, telemetry: { otlp: { endpoint, enabled, includeContent } } };
      });
      return view();
    },
  };
}
