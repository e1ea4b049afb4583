import type { EndpointKind } from '../../../../shared/types/endpoint-kinds';

/** A provider the welcome knows how to add: its kind, address and whether it wants a key. */
export interface Preset {
  /** Also the endpoint's id unless the user changes it. */
  id: string;
  label: string;
  kind: EndpointKind;
  /** Set for the OpenAI-compatible ones; the others use their kind's own address. */
  baseURL?: string;
  /** `required` for hosted APIs, `none` for servers on this machine, `optional` for a server of unknown kind. */
  key: 'required' | 'none' | 'optional';
  /** Where the provider hands out keys. */
  keyPage?: string;
  /** Models to start with when listed, best first; a prefix matches dated ids (`claude-sonnet-4-5-20250929`). */
  suggested: string[];
}

export const presets: Preset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    kind: 'openai',
    key: 'required',
    keyPage: 'https://platform.openai.com/api-keys',
    suggested: ['gpt-4.1-mini', 'gpt-4o-mini'],
  },
  {
    id: 'anthropic',
    label: 'Anthropic',
    kind: 'anthropic',
    key: 'required',
    keyPage: 'https://console.anthropic.com/settings/keys',
    suggested: ['claude-sonnet-4-5', 'claude-sonnet-4', 'claude-3-5-haiku'],
  },
  {
    id: 'google',
    label: 'Google Gemini',
    kind: 'google',
    key: 'required',
    keyPage: 'https://aistudio.google.com/apikey',
    suggested: ['gemini-2.5-flash', 'gemini-2.0-flash'],
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    kind: 'openrouter',
    key: 'required',
    keyPage: 'https://openrouter.ai/settings/keys',
    suggested: ['openai/gpt-4.1-mini', 'openai/gpt-4o-mini'],
  },
  {
    id: 'vercel',
    label: 'Vercel AI Gateway',
    kind: 'vercel',
    key: 'required',
    keyPage: 'https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai%2Fapi-keys',
    suggested: ['openai/gpt-4.1-mini', 'openai/gpt-4o-mini'],
  },
  {
    id: 'groq',
    label: 'Groq',
    kind: 'openai-compatible',
    baseURL: 'https://api.groq.com/openai/v1',
    key: 'required',
    keyPage: 'https://console.groq.com/keys',
    suggested: ['llama-3.3-70b-versatile'],
  },
  {
    id: 'together',
    label: 'Together AI',
    kind: 'openai-compatible',
    baseURL: 'https://api.together.xyz/v1',
    key: 'required',
    keyPage: 'https://api.together.ai/settings/api-keys',
    suggested: ['meta-llama/Llama-3.3-70B-Instruct-Turbo'],
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    kind: 'openai-compatible',
    baseURL: 'https://api.deepseek.com/v1',
    key: 'required',
    keyPage: 'https://platform.deepseek.com/api_keys',
    suggested: ['deepseek-chat'],
  },
  {
    id: 'mistral',
    label: 'Mistral',
    kind: 'openai-compatible',
    baseURL: 'https://api.mistral.ai/v1',
    key: 'required',
    keyPage: 'https://console.mistral.ai/api-keys',
    suggested: ['mistral-small-latest', 'mistral-large-latest'],
  },
  {
    id: 'xai',
    label: 'xAI',
    kind: 'openai-compatible',
    baseURL: 'https://api.x.ai/v1',
    key: 'required',
    keyPage: 'https://console.x.ai',
    suggested: ['grok-4', 'grok-3-mini'],
  },
  {
    id: 'ollama',
    label: 'Ollama',
    kind: 'openai-compatible',
    baseURL: 'http://127.0.0.1:11434/v1',
    key: 'none',
    suggested: [],
  },
  {
    id: 'lmstudio',
    label: 'LM Studio',
    kind: 'openai-compatible',
    baseURL: 'http://127.0.0.1:1234/v1',
    key: 'none',
    suggested: [],
  },
  {
    id: 'custom',
    label: 'Other OpenAI-compatible server',
    kind: 'openai-compatible',
    baseURL: '',
    key: 'optional',
    suggested: [],
  },
];

export const presetById = (id: string) => presets.find((preset) => preset.id === id);

/** The model a new endpoint starts with: the first suggestion it lists (exactly, else by prefix), else its first. */
export function startingModel(preset: Pick<Preset, 'suggested'>, models: string[]): string | null {
  for (const suggestion of preset.suggested) {
    const found = models.find((model) => model === suggestion) ?? models.find((model) => model.startsWith(suggestion));
    if (found) return found;
  }
  return models[0] ?? null;
}

/**
 * An endpoint id for a server given by address: `api.fireworks.ai` → `fireworks`, a server on this
 * machine → `local`; the preset's own id when the address says nothing.
 */
export function idFromBaseURL(baseURL: string, fallback: string): string {
  let host: string;
  try {
    host = new URL(baseURL).hostname.toLowerCase();
  } catch {
    return fallback;
  }
  if (host === 'localhost' || host.startsWith('127.') || host === '[::1]') return 'local';
  const words = host.split('.').filter((word) => !/^(api|www|openai|inference|\d+)$/.test(word));
  const name = (words.length > 1 ? words.slice(0, -1) : words).at(-1) ?? '';
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(name) ? name : fallback;
}

/** `openai`, or `openai-2` (`-3`, …) when an endpoint has that id already. */
export function freeId(name: string, taken: string[]): string {
  if (!taken.includes(name)) return name;
  for (let number = 2; ; number += 1) if (!taken.includes(`${name}-${number}`)) return `${name}-${number}`;
}
