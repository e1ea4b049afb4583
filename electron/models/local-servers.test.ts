// Ollama and LM Studio found on this machine's ports, which tests point at fake servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, startScriptedServer, type ScriptedServer } from '../../test/fake-provider';
import { findLocalServers, localServerPortsFromEnv } from './local-servers';

let ollama: ScriptedServer;
let lmStudio: ScriptedServer;
let hanging: ScriptedServer;

beforeAll(async () => {
  // An Ollama from before /v1/models: found by its own /api/tags.
  ollama = await startScriptedServer((request) =>
    request.url === '/api/tags'
      ? { status: 200, body: { models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest' }] } }
      : undefined,
  );
  lmStudio = await startScriptedServer((request) =>
    request.url === '/v1/models'
      ? {
          status: 200,
          body: {
            object: 'list',
            data: [{ id: 'qwen2.5-7b-instruct', object: 'model', owned_by: 'organization_owner' }],
          },
        }
      : undefined,
  );
  hanging = await startScriptedServer(() => ({ hang: true }));
});
afterAll(async () => {
  await Promise.all([ollama.close(), lmStudio.close(), hanging.close()]);
});

describe('local servers', () => {
  it('finds both, with their OpenAI-compatible base URLs and models', async () => {
    expect(await findLocalServers({ ports: { ollama: ollama.port, lmstudio: lmStudio.port } })).toEqual([
      { preset: 'ollama', name: 'Ollama', baseURL: `http://127.0.0.1:${ollama.port}/v1`, models: ['llama3.2:latest'] },
      {
        preset: 'lmstudio',
        name: 'LM Studio',
        baseURL: `http://127.0.0.1:${lmStudio.port}/v1`,
        models: ['qwen2.5-7b-instruct'],
      },
    ]);
    expect(ollama.requests.every((request) => request.headers['x-switchboard-hop'] === '1')).toBe(true);
  });

  it('leaves out a port nobody listens on and one that does not answer in time, without waiting long', async () => {
    const started = Date.now();
    const found = await findLocalServers({
      ports: { ollama: await deadPort(), lmstudio: hanging.port },
      timeoutMs: 150,
    });
    expect(found).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('looks on the usual ports unless the environment names others, and refuses a value that is not a port', () => {
    expect(localServerPortsFromEnv({})).toEqual({ ollama: 11434, lmstudio: 1234 });
    expect(localServerPortsFromEnv({ SWITCHBOARD_OLLAMA_PORT: '11500', SWITCHBOARD_LMSTUDIO_PORT: '' })).toEqual({
      ollama: 11500,
      lmstudio: 1234,
    });
    expect(() => localServerPortsFromEnv({ SWITCHBOARD_LMSTUDIO_PORT: 'lm' })).toThrow(
      'SWITCHBOARD_LMSTUDIO_PORT "lm" is not a port (1–65535); fix it or unset it',
    );
  });
});
