import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { copyText } from '../../ui/copy-text';

/** Where other tools plug in: the local API's base URL and key, to copy into them. */
export function LocalApiPanel() {
  const { localApi, loadLocalApi } = useAppStore(
    useShallow((state) => ({ localApi: state.localApi, loadLocalApi: state.loadLocalApi })),
  );
  const [isKeyShown, setIsKeyShown] = useState(false);
  const [copyResult, setCopyResult] = useState<string | null>(null);
  useEffect(() => void loadLocalApi(), [loadLocalApi]);
  if (!localApi) return null;

  const copy = async (what: string, text: string) =>
    setCopyResult(
      (await copyText(text)) ? `Copied the ${what}.` : `Could not copy the ${what}: select it and copy it by hand.`,
    );

  return (
    <section className="local-api" aria-labelledby="local-api-title">
      <h3 id="local-api-title">Local API</h3>
      <p className="hint">
        Other tools use your routes and keys through this OpenAI-compatible API: give them this base URL and key.{' '}
        <code>switchboard serve --new-token</code> replaces the key.
      </p>
      <dl className="local-api-details">
        <dt>Base URL</dt>
        <dd>
          <code aria-label="Local API base URL">{localApi.apiBase}</code>
          <button type="button" aria-label="Copy the base URL" onClick={() => void copy('base URL', localApi.apiBase)}>
            Copy
          </button>
        </dd>
        <dt>Key</dt>
        <dd>
          <code aria-label="Local API key">{isKeyShown ? localApi.token : `••••${localApi.token.slice(-4)}`}</code>
          <button type="button" onClick={() => setIsKeyShown(!isKeyShown)}>
            {isKeyShown ? 'Hide key' : 'Show key'}
          </button>
          <button type="button" aria-label="Copy the key" onClick={() => void copy('key', localApi.token)}>
            Copy
          </button>
        </dd>
      </dl>
      {copyResult && <p role="status">{copyResult}</p>}
    </section>
  );
}
