import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest } from './answer-app-request';
import { appCsp } from './app-url';

let root: string;
const logged: string[] = [];

/** Reads the file as Electron's net.fetch does, rejecting when it is not there (the binary cannot run here). */
async function fetchFile(fileUrl: string): Promise<Response> {
  const body = await readFile(fileURLToPath(fileUrl));
  return new Response(body, { headers: { 'content-type': fileUrl.endsWith('.js') ? 'text/javascript' : 'text/html' } });
}

const answer = (url: string, effects: Partial<Parameters<typeof answerAppRequest>[2]> = {}) =>
  answerAppRequest(url, root, { fetchFile, log: (line) => logged.push(line), ...effects });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'switchboard-renderer-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Switchboard</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('app:// requests', () => {
  it('serves a renderer file with the CSP header', async () => {
    const response = await answer('app://switchboard/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expect(response.headers.get('content-security-policy')).toBe(appCsp);
    expect((await answer('app://switchboard/')).status).toBe(200);
  });

  it('answers a missing file or a folder with 404, and a malformed escape with 400, and logs each', async () => {
    logged.length = 0;
    expect((await answer('app://switchboard/assets/missing.js')).status).toBe(404);
    expect((await answer('app://switchboard/assets')).status).toBe(404);
    expect((await answer('app://switchboard/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    const malformed = await answer('app://switchboard/%E0%A4%A');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-security-policy')).toBe(appCsp);
    expect(logged).toHaveLength(4);
    expect(logged[3]).toContain('malformed URL');
  });

  it('answers 500 when the file cannot be read, never throwing', async () => {
    const response = await answer('app://switchboard/index.html', {
      fetchFile: () => Promise.reject(new Error('net::ERR_ACCESS_DENIED')),
    });
    expect(response.status).toBe(500);
    expect(logged.at(-1)).toContain('net::ERR_ACCESS_DENIED');
  });
});
