const storageKey = 'switchboard-session';

/**
 * Browser mode's page secret. `switchboard serve` prints the page's address with it in the
 * fragment (`/#session=…`), which browsers never send to a server; the page moves it into this
 * tab's sessionStorage (kept across reloads, gone with the tab) and takes it out of the address bar.
 * Empty when the page was opened without it.
 */
export function takePageSecret(location: Location, storage: Storage, history: History): string {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromAddress = fragment.get('session');
  if (fromAddress) {
    storage.setItem(storageKey, fromAddress);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromAddress;
  }
  return storage.getItem(storageKey) ?? '';
}
