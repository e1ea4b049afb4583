// What a translated target does with one sample field: refuses it (naming the field), or sends something on its
// wire that a request without the field does not have. Computed with the codec and the target's real AI SDK
// provider (no network), the same code the local API runs.
import type { EndpointKind } from '../../shared/types/config';
import { protocolCodecs } from '../../electron/protocols';
import { clientFieldFor } from '../../electron/protocols/client-field-names';
import type { ClientProtocol } from '../../electron/protocols/types';
import { sentToProvider } from '../integration/sent-to-provider';
import type { FieldSample, ProtocolSamples } from './field-samples';

export type FieldOutcome =
  | { type: 'refused'; field: string; reason: string }
  /** `changed`: the wire body's paths that differ from the same request without the field. */
  | { type: 'sent'; changed: string[]; body: Record<string, unknown> };

export interface TargetUnderTest {
  kind: EndpointKind;
  /** `endpoint-id/model`. */
  target: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The paths (`generationConfig.seed`) where two wire bodies differ; lists compare whole. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}

/** The value at a dotted path of a wire body. */
export function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), body);
}

async function wireOf(protocol: ClientProtocol, body: Record<string, unknown>, target: TargetUnderTest) {
  const call = protocolCodecs[protocol].translate(body, { target: target.target, kind: target.kind });
  return sentToProvider(call, target.target, target.kind);
}

function refusal(error: unknown, target: string): FieldOutcome {
  const { code, field, message } = error as { code?: string; field?: string; message: string };
  if (code !== 'UNSUPPORTED_FIELD' || !field) throw error;
  const prefix = `"${field}" cannot be sent to ${target}: `;
  return { type: 'refused', field, reason: message.startsWith(prefix) ? message.slice(prefix.length) : message };
}

/** The outcome of one sample on one translated target; `baseline` is the wire body of the base request. */
export async function fieldOutcome(
  samples: ProtocolSamples,
  sample: FieldSample,
  target: TargetUnderTest,
  baseline: Record<string, unknown>,
): Promise<FieldOutcome> {
  const body = { ...samples.base, ...sample.body };
  let sent: Awaited<ReturnType<typeof wireOf>>;
  try {
    sent = await wireOf(samples.protocol, body, target);
  } catch (error) {
    return refusal(error, target.target);
  }
  // The local API refuses what the AI SDK says it would drop (see electron/providers/translated-stream.ts).
  const dropped = sent.warnings.find((warning) => warning.type === 'unsupported');
  if (dropped?.type === 'unsupported') {
    const field = clientFieldFor(samples.protocol, dropped.feature, body) ?? dropped.feature;
    return { type: 'refused', field, reason: dropped.details ?? 'its provider would drop it' };
  }
  return { type: 'sent', changed: changedPaths(baseline, sent.body), body: sent.body };
}

/** The wire body of the protocol's base request on a target. */
export async function baselineWire(samples: ProtocolSamples, target: TargetUnderTest) {
  return (await wireOf(samples.protocol, samples.base, target)).body;
}
