import { SwitchboardError } from '../../shared/errors/codes';
import type { LocalServer } from '../../shared/contract/settings';
import { fetchModelList } from './fetch-model-list';

/** The ports Ollama and LM Studio listen on out of the box. */
export const defaultLocalServerPorts = { ollama: 11434, lmstudio: 1234 };
export type LocalServerPorts = typeof defaultLocalServerPorts;

/** A quick look: a server on this machine answers in milliseconds, and the welcome should not wait. */
export const defaultProbeTimeoutMs = 700;

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SwitchboardError('INVALID_INPUT', `${name} "${value}" is not a port (1–65535); fix it or unset it`);
  }
  return port;
}

/** Where to look: the default ports, or `SWITCHBOARD_OLLAMA_PORT` / `SWITCHBOARD_LMSTUDIO_PORT` when set. */
export function localServerPortsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalServerPorts {
  return {
    ollama: portFrom(env, 'SWITCHBOARD_OLLAMA_PORT', defaultLocalServerPorts.ollama),
    lmstudio: portFrom(env, 'SWITCHBOARD_LMSTUDIO_PORT', defaultLocalServerPorts.lmstudio),
  };
}

const servers = [
  { preset: 'ollama', name: 'Ollama', port: (ports: LocalServerPorts) => ports.ollama },
  { preset: 'lmstudio', name: 'LM Studio', port: (ports: LocalServerPorts) => ports.lmstudio },
] as const;

/**
 * Ollama and LM Studio running on this machine, with their models: each is asked for its model list
 * on 127.0.0.1, and one that does not answer quickly is left out.
 */
export async function findLocalServers(
  options: { ports?: LocalServerPorts; timeoutMs?: number; fetch?: typeof globalThis.fetch } = {},
): Promise<LocalServer[]> {
  const ports = options.ports ?? defaultLocalServerPorts;
  const found = await Promise.all(
    servers.map(async (server): Promise<LocalServer | null> => {
      const baseURL = `http://127.0.0.1:${server.port(ports)}/v1`;
      try {
        const models = await fetchModelList({ id: server.preset, kind: 'openai-compatible', baseURL }, undefined, {
          fetch: options.fetch,
          timeoutMs: options.timeoutMs ?? defaultProbeTimeoutMs,
        });
        return { preset: server.preset, name: server.name, baseURL, models: models.map((model) => model.model) };
      } catch {
        // Not running, another program on the port, or too slow: nothing to offer.
        return null;
      }
    }),
  );
  return found.filter((server): server is LocalServer => server !== null);
}
