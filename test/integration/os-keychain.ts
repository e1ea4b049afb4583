import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** What the OS keychain itself holds for an endpoint, read with libsecret's own tool (not keytar). */
export async function lookUpInOsKeychain(endpointId: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('secret-tool', [
      'lookup',
      'service',
      'Switchboard',
      'account',
      endpointId,
    ]);
    return stdout;
  } catch {
    return null; // secret-tool exits 1 when nothing matches
  }
}
