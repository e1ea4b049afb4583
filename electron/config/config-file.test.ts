import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config-file';
import { removeEndpoint, upsertEndpoint } from './edit-config';
import { editConfigFile } from './edit-config-file';
import { resolveModelId } from './resolve-model-id';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const example = {
  endpoints: [
    { id: 'work-openai', kind: 'openai' },
    {
      id: 'local',
      kind: 'openai-compatible',
      baseURL: 'http://127.0.0.1:11434/v1',
      prices: { 'llama3.2': { input: 0.1, output: 0.2 } },
    },
    { id: 'or', kind: 'openrouter' },
  ],
  routes: { fast: { targets: ['work-openai/gpt-4o-mini', 'local/llama3.2'] } },
};

describe('config.json', () => {
  it('is empty when missing', () => {
    expect(loadConfig(dir)).toEqual({ endpoints: [], routes: {} });
  });

  it("loads the issue's example and resolves routes and model ids", () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(example));
    const config = loadConfig(dir);
    expect(resolveModelId(config, 'fast').targets.map((t) => t.target)).toEqual([
      'work-openai/gpt-4o-mini',
      'local/llama3.2',
    ]);
    const [target] = resolveModelId(config, 'or/anthropic/claude-sonnet-4.5').targets;
    expect(target).toMatchObject({ model: 'anthropic/claude-sonnet-4.5', target: 'or/anthropic/claude-sonnet-4.5' });
    expect(target!.endpoint.kind).toBe('openrouter');
  });

  it('names the file, the field and the fix for a bad field', () => {
    const broken = structuredClone(example) as { endpoints: Record<string, unknown>[] };
    delete broken.endpoints[1]!.baseURL;
    broken.endpoints[0]!.kind = 'openia';
    writeFileSync(join(dir, 'config.json'), JSON.stringify(broken));
    expect(() => loadConfig(dir)).toThrow(/config\.json is not a valid Switchboard config/);
    expect(() => loadConfig(dir)).toThrow(/endpoints\[0\]\.kind/);
    expect(() => loadConfig(dir)).toThrow(/endpoints\[1\]\.baseURL: an "openai-compatible" endpoint needs a "baseURL"/);
  });

  it('reads what a model cannot take (capabilities), and explains a bad one', () => {
    const config = structuredClone(example) as { endpoints: Record<string, unknown>[] };
    config.endpoints[1]!.capabilities = { 'llama3.2': { tools: false, images: false } };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    expect(loadConfig(dir).endpoints[1]!.capabilities).toEqual({ 'llama3.2': { tools: false, images: false } });
    config.endpoints[1]!.capabilities = { 'llama3.2': { tools: 'no' } };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    expect(() => loadConfig(dir)).toThrow(/endpoints\[1\]\.capabilities\.llama3\.2\.tools: tools is true or false/);
  });

  it('names the line of a JSON syntax error', () => {
    writeFileSync(join(dir, 'config.json'), '{\n  "endpoints": [\n    { "id": "x", }\n  ]\n}');
    expect(() => loadConfig(dir)).toThrow(/not valid JSON at line 3/);
  });

  it('catches routes to unknown endpoints and duplicate ids', () => {
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        endpoints: [
          { id: 'a', kind: 'openai' },
          { id: 'a', kind: 'anthropic' },
        ],
        routes: { r: { targets: ['b/m'] } },
      }),
    );
    expect(() => loadConfig(dir)).toThrow(/endpoints\[1\]\.id: "a" is used by another endpoint/);
    expect(() => loadConfig(dir)).toThrow(/routes\.r\.targets\[0\]: "b\/m" names endpoint "b"/);
  });

  it('keeps a route cache only when asked, and explains a bad one', () => {
    const config = (cache?: unknown) =>
      JSON.stringify({ endpoints: [{ id: 'a', kind: 'openai' }], routes: { r: { targets: ['a/m'], cache } } });
    writeFileSync(join(dir, 'config.json'), config({ ttlSeconds: 600 }));
    expect(resolveModelId(loadConfig(dir), 'r').cacheTtlMs).toBe(600_000);
    expect(resolveModelId(loadConfig(dir), 'a/m').cacheTtlMs).toBeUndefined();
    writeFileSync(join(dir, 'config.json'), config());
    expect(resolveModelId(loadConfig(dir), 'r').cacheTtlMs).toBeUndefined();
    writeFileSync(join(dir, 'config.json'), config({ ttlSeconds: 0 }));
    expect(() => loadConfig(dir)).toThrow(
      /routes\.r\.cache\.ttlSeconds: ttlSeconds must be above 0 \(leave "cache" out/,
    );
    writeFileSync(join(dir, 'config.json'), config({ ttl: 60 }));
    expect(() => loadConfig(dir)).toThrow(/routes\.r\.cache/);
  });

  it('reads a route strategy, ordered by default, and explains a bad one', () => {
    const config = (route: object) =>
      JSON.stringify({
        endpoints: [{ id: 'a', kind: 'openai' }],
        routes: { r: { targets: ['a/m', 'a/n'], ...route } },
      });
    writeFileSync(join(dir, 'config.json'), config({}));
    expect(resolveModelId(loadConfig(dir), 'r').routing).toEqual({ name: 'r', strategy: 'ordered' });
    writeFileSync(join(dir, 'config.json'), config({ strategy: 'weighted', weights: { 'a/m': 3, 'a/n': 1 } }));
    expect(resolveModelId(loadConfig(dir), 'r').routing).toMatchObject({ strategy: 'weighted', weights: { 'a/m': 3 } });
    writeFileSync(join(dir, 'config.json'), config({ strategy: 'cheapest-first' }));
    expect(() => loadConfig(dir)).toThrow(
      /routes\.r\.strategy: strategy is one of "ordered", "cheapest", "fastest", "weighted"/,
    );
    writeFileSync(join(dir, 'config.json'), config({ strategy: 'weighted', weights: { 'a/m': 1 } }));
    expect(() => loadConfig(dir)).toThrow(
      /routes\.r\.weights: a "weighted" route needs a weight for each target; add "a\/n"/,
    );
    writeFileSync(
      join(dir, 'config.json'),
      config({ strategy: 'weighted', weights: { 'a/m': 1, 'a/n': 1, 'b/x': 1 } }),
    );
    expect(() => loadConfig(dir)).toThrow(/"b\/x" is not one of this route's targets/);
    writeFileSync(join(dir, 'config.json'), config({ strategy: 'fastest', weights: { 'a/m': 1, 'a/n': 1 } }));
    expect(() => loadConfig(dir)).toThrow(/weights apply only with "strategy": "weighted"/);
  });

  it('never overwrites a broken file', async () => {
    const text = '{ "endpoints": [ oops';
    writeFileSync(join(dir, 'config.json'), text);
    await expect(editConfigFile(dir, (config) => config)).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(text);
  });

  it('saves edits that load back the same', async () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(example));
    await editConfigFile(dir, (config) => upsertEndpoint(config, { id: 'claude', kind: 'anthropic' }));
    expect(loadConfig(dir).endpoints.map((e) => e.id)).toEqual(['work-openai', 'local', 'or', 'claude']);
    expect(() => removeEndpoint(loadConfig(dir), 'local')).toThrow(/still a target of route "fast"/);
    await editConfigFile(dir, (config) => removeEndpoint(config, 'claude'));
    expect(loadConfig(dir).endpoints).toHaveLength(3);
  });

  it('reads a file that starts with a UTF-8 byte order mark, as Notepad saves it', async () => {
    writeFileSync(join(dir, 'config.json'), `\uFEFF${JSON.stringify(example)}`);
    expect(loadConfig(dir).endpoints.map((e) => e.id)).toEqual(['work-openai', 'local', 'or']);
    // An edit keeps the content and writes plain UTF-8.
    await editConfigFile(dir, (config) => upsertEndpoint(config, { id: 'claude', kind: 'anthropic' }));
    expect(readFileSync(join(dir, 'config.json'), 'utf8').startsWith('{')).toBe(true);
    expect(loadConfig(dir).endpoints).toHaveLength(4);
  });

  it('reports a route or price named "__proto__", which would otherwise vanish', () => {
    const withProto =
      '{"endpoints":[{"id":"a","kind":"openai","prices":{"__proto__":{"input":1,"output":1}}}],"routes":{"__proto__":{"targets":["a/m"]}}}';
    writeFileSync(join(dir, 'config.json'), withProto);
    expect(() => loadConfig(dir)).toThrow(/routes\.__proto__: "__proto__" cannot name a route/);
    expect(() => loadConfig(dir)).toThrow(/endpoints\[0\]\.prices\.__proto__: "__proto__" cannot name a model/);
  });

  it('explains unknown model ids', () => {
    const config = { endpoints: [], routes: {} };
    expect(() => resolveModelId(config, 'gpt-4o')).toThrow(/Unknown model "gpt-4o": use "endpoint-id\/model"/);
    expect(() => resolveModelId(config, 'x/gpt-4o')).toThrow(/Unknown endpoint "x"/);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'calls "%s" an unknown model unless a route has that name',
    (name) => {
      writeFileSync(join(dir, 'config.json'), JSON.stringify(example));
      expect(() => resolveModelId(loadConfig(dir), name)).toThrow(new RegExp(`Unknown model "${name}"`));
    },
  );

  it('routes a route named "constructor" when one is defined', () => {
    const config = { ...example, routes: { constructor: { targets: ['local/llama3.2'] } } };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    expect(resolveModelId(loadConfig(dir), 'constructor').targets.map((t) => t.target)).toEqual(['local/llama3.2']);
  });
});
