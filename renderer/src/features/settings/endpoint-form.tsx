import { useState, type FormEvent } from 'react';
import { endpointKinds, type EndpointKind } from '../../../../shared/types/endpoint-kinds';
import { useAppStore } from '../../store/app-store';
import { splitList } from '../../ui/format';

const kindLabels: Record<EndpointKind, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  openrouter: 'OpenRouter',
  vercel: 'Vercel AI Gateway',
  'openai-compatible': 'OpenAI-compatible (Groq, Ollama, LM Studio, …)',
};

export function EndpointForm() {
  const saveEndpoint = useAppStore((state) => state.saveEndpoint);
  const [id, setId] = useState('');
  const [kind, setKind] = useState<EndpointKind>('openai');
  const [baseURL, setBaseURL] = useState('');
  const [models, setModels] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const modelList = splitList(models);
    const isSaved = await saveEndpoint({
      id: id.trim(),
      kind,
      ...(baseURL.trim() ? { baseURL: baseURL.trim() } : {}),
      ...(modelList.length > 0 ? { models: modelList } : {}),
    });
    if (isSaved) {
      setId('');
      setBaseURL('');
      setModels('');
    }
  };

  return (
    <form className="endpoint-form" aria-labelledby="add-endpoint-title" onSubmit={(event) => void submit(event)}>
      <h3 id="add-endpoint-title">Add an endpoint</h3>
      <label className="field">
        <span>Endpoint id</span>
        <input value={id} required placeholder="work-openai" onChange={(event) => setId(event.target.value)} />
      </label>
      <label className="field">
        <span>Kind</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as EndpointKind)}>
          {endpointKinds.map((value) => (
            <option key={value} value={value}>
              {kindLabels[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Base URL</span>
        <input
          value={baseURL}
          type="url"
          required={kind === 'openai-compatible'}
          placeholder={kind === 'openai-compatible' ? 'http://127.0.0.1:11434/v1' : 'provider default'}
          onChange={(event) => setBaseURL(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Models (comma-separated)</span>
        <input value={models} placeholder="gpt-4o-mini, gpt-4.1" onChange={(event) => setModels(event.target.value)} />
      </label>
      <button type="submit" className="primary">
        Add endpoint
      </button>
    </form>
  );
}
