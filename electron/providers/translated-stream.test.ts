import { describe, expect, it } from 'vitest';
import { protocolCodecs, type CodecRegistry } from '../protocols';
import type { ProtocolCodec } from '../protocols/types';
import type { ProviderError } from './provider-error';
import { createStreamTarget } from './stream-target';

/** A codec whose translation refuses with an error shaped like UnsupportedFieldError, from another copy of it. */
function refusingCodecs(error: Error): CodecRegistry {
  const codec = {
    protocol: 'anthropic',
    translate: () => {
      throw error;
    },
  } as unknown as ProtocolCodec;
  return { ...protocolCodecs, anthropic: codec };
}

const target = {
  endpoint: { id: 'local', kind: 'openai-compatible' as const, baseURL: 'http://127.0.0.1:9/v1' },
  model: 'm',
  apiKey: undefined,
};
const api = { protocol: 'anthropic' as const, body: { model: 'x' }, isStream: true, forwardHeaders: {} };

describe('a translation that cannot be made', () => {
  it('is UNSUPPORTED_FIELD naming the field, whatever copy of the error class the codec threw', async () => {
    class LookAlike extends Error {
      readonly code = 'UNSUPPORTED_FIELD';
      readonly field = 'mcp_servers';
      readonly target = 'local/m';
    }
    const stream = createStreamTarget({
      codecs: refusingCodecs(new LookAlike('"mcp_servers" cannot be sent to local/m: no MCP')),
    });
    const error = (await stream(target, { messages: [], api }).catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toMatchObject({ code: 'UNSUPPORTED_FIELD', param: 'mcp_servers', isRetryable: false });
    expect(error.message).toBe('"mcp_servers" cannot be sent to local/m: no MCP');
  });

  it('is INTERNAL, naming the target, when the codec fails otherwise; nothing is sent', async () => {
    const stream = createStreamTarget({ codecs: refusingCodecs(new TypeError('x is undefined')) });
    const error = (await stream(target, { messages: [], api }).catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect(error.message).toBe('Switchboard could not translate the request for local/m: x is undefined');
  });
});
