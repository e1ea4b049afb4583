import { useEffect, useState } from 'react';
import type { LocalServer } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { formErrors } from '../settings/form-errors';
import { presetById } from './presets';
import { startChatting } from './start-chatting';

/** Ollama and LM Studio found running here, each added (and tested) with one click. */
export function LocalServerOffers() {
  const findLocalServers = useAppStore((state) => state.findLocalServers);
  const [servers, setServers] = useState<LocalServer[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void findLocalServers().then((found) => isCurrent && setServers(found));
    return () => {
      isCurrent = false;
    };
  }, [findLocalServers]);
  if (servers.length === 0) return null;
  return (
    <section className="local-servers" aria-labelledby="local-servers-title">
      <h3 id="local-servers-title">Found on this computer</h3>
      <ul className="endpoint-list">
        {servers.map((server) => (
          <li key={server.preset}>
            <LocalServerOffer server={server} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function LocalServerOffer({ server }: { server: LocalServer }) {
  const addEndpoint = useAppStore((state) => state.addEndpoint);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const count = server.models.length;
  const add = async () => {
    setIsBusy(true);
    const outcome = await addEndpoint({
      endpoint: { id: server.preset, kind: 'openai-compatible', baseURL: server.baseURL },
      isTested: true,
    });
    setIsBusy(false);
    if (outcome.ok) startChatting({ ...presetById(server.preset)!, label: server.name }, outcome.data);
    else setError(formErrors(outcome, () => null, 'added').form);
  };
  return (
    <article className="endpoint-card" aria-label={server.name}>
      <p>
        <strong>{server.name}</strong> is running at <code>{server.baseURL}</code> with{' '}
        {count === 0 ? 'no models yet' : `${count} ${count === 1 ? 'model' : 'models'}`}
        {count > 0 && (
          <span className="hint">
            {' '}
            ({server.models.slice(0, 3).join(', ')}
            {count > 3 ? ', …' : ''})
          </span>
        )}
        .
      </p>
      <div className="inline-form">
        <button type="button" className="primary" disabled={isBusy} onClick={() => void add()}>
          Add {server.name}
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </article>
  );
}
