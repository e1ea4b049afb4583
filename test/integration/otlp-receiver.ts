// A local OTLP/HTTP collector for tests: records each export's raw body and headers, answering as a collector
// does, or never answering (a collector that hangs).
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpExport {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
}

/** One span as the OTLP JSON encoding carries it, with its attributes as plain values. */
export interface ReceivedSpan {
  name: string;
  attributes: Record<string, unknown>;
  status: { code?: number; message?: string };
}

export interface OtlpReceiver {
  /** `http://127.0.0.1:PORT`, the collector's base URL. */
  url: string;
  exports: OtlpExport[];
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

type AnyValue = {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};

function plain(value: AnyValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  return undefined;
}

export async function startOtlpReceiver(options: { hang?: boolean } = {}): Promise<OtlpReceiver> {
  const exports: OtlpExport[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    exports.push({ path: request.url ?? '/', headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
    if (options.hang) return;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    spans: () =>
      exports
        .filter((entry) => entry.path === '/v1/traces')
        .flatMap((entry) => {
          const body = JSON.parse(entry.raw) as {
            resourceSpans: {
              scopeSpans: {
                spans: { name: string; attributes: { key: string; value: AnyValue }[]; status?: object }[];
              }[];
            }[];
          };
          return body.resourceSpans.flatMap((resource) =>
            resource.scopeSpans.flatMap((scope) =>
              scope.spans.map((span) => ({
                name: span.name,
                attributes: Object.fromEntries(
                  span.attributes.map((attribute) => [attribute.key, plain(attribute.value)]),
                ),
                status: (span.status ?? {}) as ReceivedSpan['status'],
              })),
            ),
          );
        }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
