import { parseHeaderLines } from '../../shared/contract/telemetry';
import { SwitchboardError } from '../../shared/errors/codes';
import { loadConfig } from '../config/config-file';
import { createKeytarKeychain } from '../keychain/keytar-keychain';
import { otlpHeadersAccount } from '../telemetry/otlp-headers';
import { readStdin } from './read-stdin';

const usage =
  'usage: switchboard telemetry show | telemetry headers set (lines "Name: value" on stdin) | telemetry headers remove';

/**
 * `switchboard telemetry show|headers set|headers remove`: the OpenTelemetry export's collector (config.json) and
 * its headers, kept in the OS keychain; they come from stdin, never argv, and are never printed.
 */
export async function runTelemetry(
  dataDir: string,
  args: string[],
  keychain = createKeytarKeychain(),
): Promise<number> {
  const [first, second, ...extra] = args;
  if (first === 'show' && args.length === 1) {
    const otlp = loadConfig(dataDir).telemetry?.otlp;
    const headers = (await keychain.get(otlpHeadersAccount)) !== undefined ? 'set' : 'not set';
    process.stdout.write(
      otlp
        ? `collector\t${otlp.endpoint}\nexport\t${otlp.enabled ? 'on' : 'off'}\ncontent\t${otlp.includeContent ? 'included' : 'not sent'}\nheaders\t${headers}\n`
        : `No collector set: add "telemetry": { "otlp": { "endpoint": "http://127.0.0.1:4318" } } to config.json.\nheaders\t${headers}\n`,
    );
    return 0;
  }
  if (first !== 'headers' || (second !== 'set' && second !== 'remove') || extra.length > 0)
    throw new SwitchboardError(
      'INVALID_INPUT',
      `${usage}; headers never go on the command line: printf 'Authorization: Bearer %s\\n' "$TOKEN" | switchboard telemetry headers set`,
    );
  if (second === 'remove') {
    const wasSet = await keychain.remove(otlpHeadersAccount);
    process.stdout.write(wasSet ? 'Removed the collector headers.\n' : 'No collector headers were set.\n');
    return 0;
  }
  const parsed = parseHeaderLines(await readStdin());
  if (!parsed.ok) throw new SwitchboardError('INVALID_INPUT', `the headers on stdin: ${parsed.message}`);
  const names = Object.keys(parsed.headers);
  if (names.length === 0)
    throw new SwitchboardError('INVALID_INPUT', `no headers on stdin: pipe in "Name: value" lines. ${usage}`);
  await keychain.set(otlpHeadersAccount, JSON.stringify(parsed.headers));
  process.stdout.write(`Stored the collector headers (${names.join(', ')}) in the OS keychain.\n`);
  return 0;
}
