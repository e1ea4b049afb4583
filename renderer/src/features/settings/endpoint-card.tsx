import { useState, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { ConfirmGroup } from '../../ui/confirm-group';
import { EndpointEditor } from './endpoint-editor';
import { ModelListStatus } from './model-list-status';

export function EndpointCard({ endpoint }: { endpoint: EndpointView }) {
  const { setKey, removeKey, testKey, removeEndpoint } = useAppStore.getState();
  const firstListed = useAppStore(
    (state) => state.catalog.find((entry) => entry.endpointId === endpoint.id)?.models[0]?.model,
  );
  const [key, setKeyDraft] = useState('');
  const [testModel, setTestModel] = useState(endpoint.models?.[0] ?? firstListed ?? '');
  const [testResult, setTestResult] = useState<string | null>(null);
  const [isConfirmingRemoval, setIsConfirmingRemoval] = useState(false);
  const [isEditing, setIsEditing] = useState(false);

  const saveKey = async (event: FormEvent) => {
    event.preventDefault();
    if (await setKey(endpoint.id, key)) setKeyDraft('');
  };
  const runTest = async () => {
    setTestResult('Testing…');
    const result = await testKey(endpoint.id, testModel);
    setTestResult(result ? `${result.isWorking ? 'Works' : 'Failed'}: ${result.message}` : null);
  };

  return (
    <article className="endpoint-card" aria-label={`Endpoint ${endpoint.id}`}>
      <header>
        <strong>{endpoint.id}</strong> <span className="kind">{endpoint.kind}</span>
        {endpoint.baseURL && <code>{endpoint.baseURL}</code>}
        <span className="key-status" title={endpoint.key.problem}>
          {endpoint.key.problem
            ? 'Keychain unavailable'
            : endpoint.key.isSet
              ? `Key set ••••${endpoint.key.last4}`
              : 'No key'}
        </span>
      </header>
      <form className="inline-form" onSubmit={(event) => void saveKey(event)}>
        <label className="field">
          <span>API key for {endpoint.id}</span>
          <input type="password" autoComplete="off" value={key} onChange={(event) => setKeyDraft(event.target.value)} />
        </label>
        <button type="submit" disabled={key.trim().length === 0}>
          Save key
        </button>
        {endpoint.key.isSet && (
          <button type="button" onClick={() => void removeKey(endpoint.id)}>
            Remove key
          </button>
        )}
      </form>
      <div className="inline-form">
        <label className="field">
          <span>Test model for {endpoint.id}</span>
          <input value={testModel} placeholder="model name" onChange={(event) => setTestModel(event.target.value)} />
        </label>
        <button type="button" disabled={!testModel} onClick={() => void runTest()}>
          Test
        </button>
        <button type="button" aria-expanded={isEditing} onClick={() => setIsEditing(!isEditing)}>
          Edit
        </button>
        {!isConfirmingRemoval && (
          <button type="button" className="danger" onClick={() => setIsConfirmingRemoval(true)}>
            Remove endpoint
          </button>
        )}
      </div>
      <ModelListStatus endpointId={endpoint.id} />
      {isConfirmingRemoval && (
        <ConfirmGroup
          label={`Remove ${endpoint.id}?`}
          question={`Remove ${endpoint.id}${endpoint.key.isSet ? ' and its key in the OS keychain' : ''}?`}
          confirmLabel={`Yes, remove ${endpoint.id}`}
          onConfirm={() => void removeEndpoint(endpoint.id)}
          onCancel={() => setIsConfirmingRemoval(false)}
        />
      )}
      {isEditing && <EndpointEditor endpoint={endpoint} onDone={() => setIsEditing(false)} />}
      {testResult && <p role="status">{testResult}</p>}
    </article>
  );
}
