// Every field of docs/local-api-fields.md through the real local API: on a pass-through target it reaches the
// provider as sent; on translated targets its translation reaches the provider, or the client gets a 400 naming
// it. And the page itself is what the codecs do today.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../shared/types/config';
import type { ClientProtocol } from '../../electron/protocols/types';
import { baselineWire, fieldOutcome, valueAt, type TargetUnderTest } from '../api-fields/field-outcomes';
import { protocolSamples, type FieldSample, type ProtocolSamples } from '../api-fields/field-samples';
import { pagePath, renderLocalApiFields } from '../api-fields/render-field-table';
import { hasKeyring, startHarness, type Harness } from './api-harness';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('the field table, docs/local-api-fields.md', () => {
  it('is what the codecs do today (regenerate: bash scripts/run.sh node scripts/local-api-fields.mjs)', async () => {
    const committed = await readFile(resolve(repoRoot, pagePath), 'utf8');
    expect(committed).toBe(await renderLocalApiFields());
  });

  it("has one row for every top-level field of each codec's rule table", () => {
    for (const samples of protocolSamples) {
      expect(samples.fields.length).toBeGreaterThan(15);
      expect(samples.topLevel.map((sample) => sample.label)).toEqual(samples.fields);
      for (const sample of [...samples.topLevel, ...samples.nested]) expect(sample.body).toHaveProperty(sample.field);
    }
  });
});

interface HarnessTarget extends TargetUnderTest {
  /** The model the provider is asked for. */
  model: string;
}
const target = (route: string, kind: EndpointKind): HarnessTarget => ({
  target: route,
  kind,
  model: route.slice(route.indexOf('/') + 1),
});
const compat = target('compat/m', 'openai-compatible');
const claude = target('claude/c', 'anthropic');
const oai = target('oai/g', 'openai');

/** The harness's targets per protocol: the one that passes through, then the ones it is translated for. */
const targets: Record<ClientProtocol, { passThrough: HarnessTarget; translated: HarnessTarget[] }> = {
  'openai-chat': { passThrough: compat, translated: [oai, claude] },
  anthropic: { passThrough: claude, translated: [compat, oai] },
  'openai-responses': { passThrough: oai, translated: [compat, claude] },
};
const paths: Record<ClientProtocol, string> = {
  'openai-chat': '/chat/completions',
  anthropic: '/messages',
  'openai-responses': '/responses',
};

let harness: Harness;
beforeAll(async () => {
  if (hasKeyring) harness = await startHarness();
});
afterAll(() => harness?.close());

/** Sends one body to the local API; the request the fake provider received, when the answer is a 200. */
async function send(protocol: ClientProtocol, body: Record<string, unknown>) {
  const before = harness.fake.requests.length;
  const response = await fetch(`${harness.server.apiBase}${paths[protocol]}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${harness.server.token}`,
      'content-type': 'application/json',
      ...(protocol === 'anthropic' ? { 'anthropic-version': '2023-06-01' } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const sent = harness.fake.requests.slice(before).at(-1)?.body as Record<string, unknown> | undefined;
  const message =
    response.status === 200 ? undefined : (JSON.parse(text) as { error: { message: string } }).error.message;
  return { status: response.status, text, sent, message };
}

const bodyOf = (samples: ProtocolSamples, sample: FieldSample, model: string): Record<string, unknown> => ({
  ...samples.base,
  ...sample.body,
  model,
});

describe.skipIf(!hasKeyring)('every field of the table, through the local API', () => {
  for (const samples of protocolSamples) {
    const { passThrough, translated } = targets[samples.protocol];

    describe(`${samples.title}, pass-through to ${passThrough.target}`, () => {
      for (const sample of [...samples.topLevel, ...samples.nested]) {
        it(`${sample.label} reaches the provider as sent`, async () => {
          const body = bodyOf(samples, sample, passThrough.target);
          const { status, sent } = await send(samples.protocol, body);
          expect(status).toBe(200);
          // Switchboard asks a streamed Chat Completions call for its usage, to price it (and says so in the table).
          const usageAsked =
            samples.protocol === 'openai-chat' && body.stream === true
              ? { stream_options: { ...(body.stream_options as object | undefined), include_usage: true } }
              : {};
          expect(sent).toEqual({ ...body, model: passThrough.model, ...usageAsked });
        });
      }
    });

    for (const translatedTarget of translated) {
      describe(`${samples.title}, translated for ${translatedTarget.target}`, () => {
        let baseline: Record<string, unknown>;
        beforeAll(async () => {
          baseline = await baselineWire(samples, translatedTarget);
        });

        for (const sample of [...samples.topLevel, ...samples.nested]) {
          it(`${sample.label} reaches the provider translated, or is refused by name`, async () => {
            const expected = await fieldOutcome(samples, sample, translatedTarget, baseline);
            const { status, sent, message } = await send(
              samples.protocol,
              bodyOf(samples, sample, translatedTarget.target),
            );
            if (expected.type === 'refused') {
              expect(status).toBe(400);
              expect(expected.field.startsWith(sample.refusedAs ?? sample.field)).toBe(true);
              expect(message).toContain(`"${expected.field}" cannot be sent to ${translatedTarget.target}: `);
              return;
            }
            expect(status).toBe(200);
            expect(sent).toBeDefined();
            for (const path of expected.changed)
              expect(valueAt(sent, path), path).toEqual(valueAt(expected.body, path));
          });
        }
      });
    }
  }
});

describe.skipIf(!hasKeyring)("a setting the AI SDK would drop, refused under the client's field name", () => {
  it('Chat Completions service_tier "flex" to an OpenAI model without flex names service_tier, not serviceTier', async () => {
    const { status, message, text } = await send('openai-chat', {
      model: oai.target,
      messages: [{ role: 'user', content: 'Hi' }],
      service_tier: 'flex',
    });
    expect(status).toBe(400);
    expect(message).toMatch(/^"service_tier" cannot be sent to oai\/g: /);
    expect(text).not.toContain('serviceTier');
    expect(JSON.parse(text)).toMatchObject({ error: { param: 'service_tier' } });
  });

  it('Responses top_p while reasoning, to Anthropic, names top_p, not topP', async () => {
    const { status, message } = await send('openai-responses', {
      model: claude.target,
      input: 'Hi',
      reasoning: { effort: 'high' },
      top_p: 0.9,
    });
    expect(status).toBe(400);
    expect(message).toBe('"top_p" cannot be sent to claude/c: topP is not supported when thinking is enabled');
  });

  it('Messages top_p to an OpenAI reasoning model names top_p, not topP', async () => {
    const { status, message } = await send('anthropic', {
      model: 'oai/gpt-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Hi' }],
      top_p: 0.5,
    });
    expect(status).toBe(400);
    expect(message).toBe('"top_p" cannot be sent to oai/gpt-5: topP is not supported for reasoning models');
  });
});
