// A `fastest` route learning from real calls: two fake providers on 127.0.0.1 answering at different speeds.
// The route moves to the faster target after a handful of calls, and back when that one slows down.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPart } from '../../shared/types/chat';
import { createServices, type Services } from '../../electron/core/services';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startFakeProvider, type FakeProvider } from '../fake-provider';
import { seededRandom } from './seeded-random';

let home: string;
let first: FakeProvider;
let second: FakeProvider;
let services: Services;

/** Eight deltas with `delayMs` after each: the answer's speed, not its first token, differs. */
const answerAt = (delayMs: number) =>
  ({ kind: 'text', text: 'one two three four five six seven eight', deltas: 8, delayMs, model: 'm' }) as const;

async function call() {
  const parts: CallPart[] = [];
  for await (const part of services.gateway.stream({
    modelId: 'quick',
    messages: [{ role: 'user', content: 'Hi' }],
    source: 'app',
  }))
    parts.push(part);
  const last = parts.at(-1)!;
  if (last.type !== 'finish') throw new Error(`the call did not finish: ${JSON.stringify(last)}`);
  return { served: last.record.target!, first: last.record.routeDecision!.considered[0]! };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-fastest-'));
  first = await startFakeProvider();
  second = await startFakeProvider();
  const config = {
    endpoints: [
      { id: 'first', kind: 'openai-compatible', baseURL: `${first.url}/v1` },
      { id: 'second', kind: 'openai-compatible', baseURL: `${second.url}/v1` },
    ],
    routes: { quick: { strategy: 'fastest', targets: ['first/m', 'second/m'] } },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  services = createServices({
    dataDir: home,
    keychain: createKeytarKeychain(),
    // Every call reads the history afresh; half the calls try an unmeasured target first, so the test is short.
    routing: { random: seededRandom(11), statsTtlMs: 0, exploreRate: 0.5 },
  });
});
afterAll(async () => {
  services.dispose();
  await Promise.all([first.close(), second.close()]);
  await rm(home, { recursive: true, force: true });
});

describe('a fastest route on live calls', () => {
  it('moves to the faster target after a handful of calls, and back when it slows', async () => {
    first.setDefault(answerAt(40));
    second.setDefault(answerAt(0));
    const learning: string[] = [];
    for (let i = 0; i < 10; i++) learning.push((await call()).served);
    // The written order starts on the slow target; exploring measures the other one.
    expect(learning[0]).toBe('first/m');
    expect(learning).toContain('second/m');
    const settled = [await call(), await call(), await call()];
    expect(settled.map((c) => c.served)).toEqual(['second/m', 'second/m', 'second/m']);
    expect(settled[0]!.first).toMatchObject({ target: 'second/m', status: 'ranked' });

    // Now the favourite slows down and the other speeds up: its own slow calls move it behind.
    first.setDefault(answerAt(0));
    second.setDefault(answerAt(80));
    const after: string[] = [];
    for (let i = 0; i < 8; i++) after.push((await call()).served);
    expect(after).toContain('first/m');
    const back = [await call(), await call(), await call()];
    expect(back.map((c) => c.served)).toEqual(['first/m', 'first/m', 'first/m']);
    expect(back[0]!.first.why).toMatch(/first token ~\d+ ms/);
  }, 60_000);
});
