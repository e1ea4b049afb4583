/** Whether a host name reaches this machine: localhost, 127.0.0.0/8, 0.0.0.0 or their IPv6 forms. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.startsWith('127.') ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::' ||
    // IPv4-mapped 127.x.y.z, as the URL parser writes it ("[::ffff:7f00:1]").
    /^::ffff:7f[0-9a-f]{2}:/.test(host)
  );
}

const portOf = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/**
 * Whether `baseURL` is Switchboard's own local API (`apiBase`): an endpoint there would send each
 * call back into Switchboard, which routes it there again, without end.
 */
export function pointsAtLocalApi(baseURL: string, apiBase: string): boolean {
  let target: URL;
  let own: URL;
  try {
    target = new URL(baseURL);
    own = new URL(apiBase);
  } catch {
    return false;
  }
  return isLoopbackHostname(target.hostname) && portOf(target) === portOf(own);
}
