import { SwitchboardError } from '../../shared/errors/codes';
import { endpointIdSchema } from '../../shared/types/config';
import { loadConfig } from '../config/config-file';
import { createKeytarKeychain } from '../keychain/keytar-keychain';
import { maskKey } from '../keychain/mask-key';
import { readHiddenLine, readStdin } from './read-stdin';

/** `switchboard keys set|list|remove`. */
export async function runKeys(dataDir: string, args: string[], keychain = createKeytarKeychain()): Promise<number> {
  const [action, endpointId, ...extra] = args;
  if (action === 'list' && args.length > 1) {
    throw new SwitchboardError('INVALID_INPUT', 'keys list takes no arguments; run `switchboard keys list`');
  }
  if (action === 'list') {
    const config = loadConfig(dataDir);
    // Endpoint ids only: other accounts (the OpenTelemetry collector's headers) are not endpoint keys.
    const stored = (await keychain.list()).filter((id) => endpointIdSchema.safeParse(id).success);
    const ids = new Set([...config.endpoints.map((endpoint) => endpoint.id), ...stored]);
    for (const id of [...ids].sort()) {
      const key = maskKey(await keychain.get(id));
      const known = config.endpoints.some((endpoint) => endpoint.id === id) ? '' : '  (not in config.json)';
      process.stdout.write(`${id}\t${key.isSet ? `••••${key.last4}` : 'no key'}${known}\n`);
    }
    return 0;
  }
  if (action !== 'set' && action !== 'remove') {
    throw new SwitchboardError(
      'INVALID_INPUT',
      'usage: switchboard keys set <endpoint-id> | keys list | keys remove <endpoint-id>',
    );
  }
  if (!endpointId || !endpointIdSchema.safeParse(endpointId).success) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `keys ${action} needs an endpoint id such as "work-openai" (lowercase letters, digits, ".", "_" or "-")`,
    );
  }
  // Never echoed: a second argument to `keys set` may well be the key itself.
  if (extra.length > 0) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      action === 'set'
        ? `keys set takes only the endpoint id; the key comes from stdin, never from the command line: printf %s "$KEY" | switchboard keys set ${endpointId}`
        : `keys remove takes only the endpoint id: switchboard keys remove ${endpointId}`,
    );
  }
  if (action === 'remove') {
    const wasSet = await keychain.remove(endpointId);
    process.stdout.write(wasSet ? `Removed the key of ${endpointId}.\n` : `${endpointId} had no key.\n`);
    return 0;
  }
  let key: string;
  if (process.stdin.isTTY) {
    key = (await readHiddenLine(`Paste the API key for ${endpointId} (it is not shown), then press Enter: `)).trim();
  } else {
    key = (await readStdin()).trim();
  }
  if (key.length === 0) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `no key on stdin: pipe it in, e.g. \`printf %s "$KEY" | switchboard keys set ${endpointId}\``,
    );
  }
  if (/\s/.test(key)) throw new SwitchboardError('INVALID_INPUT', 'the key contains white space; paste only the key');
  await keychain.set(endpointId, key);
  const known = loadConfig(dataDir).endpoints.some((endpoint) => endpoint.id === endpointId);
  process.stdout.write(`Stored the key of ${endpointId} (••••${maskKey(key).last4}) in the OS keychain.\n`);
  if (!known) process.stderr.write(`Note: ${endpointId} is not in config.json yet; add it there or in Settings.\n`);
  return 0;
}
