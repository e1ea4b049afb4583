import type { SharedV4ProviderMetadata } from '@ai-sdk/provider';
import { sealReasoning } from './reasoning-envelope';

/** One Responses stream event, before its sequence number. */
export type Event = { type: string } & Record<string, unknown>;
export type Item = Record<string, unknown> & { id: string; type: string };

export interface OpenText {
  kind: 'text';
  index: number;
  item: Item;
  text: string;
}
export interface OpenReasoning {
  kind: 'reasoning';
  index: number;
  item: Item;
  /** The text shown as the summary. */
  text: string;
  /** All of the reasoning text, shown or not, for `encrypted_content`. */
  fullText: string;
  hasSummaryPart: boolean;
  metadata: SharedV4ProviderMetadata;
}
export interface OpenCall {
  kind: 'call';
  index: number;
  item: Item;
  arguments: string;
}
export type OpenItem = OpenText | OpenReasoning | OpenCall;
export type NewItem = OpenItem extends infer T ? (T extends OpenItem ? Omit<T, 'index'> : never) : never;

/** Merges provider metadata as it arrives in pieces (a signature after the thinking text). */
export function mergeMetadata(into: SharedV4ProviderMetadata, from: SharedV4ProviderMetadata | undefined) {
  for (const [provider, values] of Object.entries(from ?? {})) into[provider] = { ...into[provider], ...values };
}

/** The reasoning as the target gave it, for the client to send back; null when there is none. */
function seal(open: OpenReasoning): string | null {
  const hasMetadata = Object.keys(open.metadata).length > 0;
  if (open.fullText === '' && !hasMetadata) return null;
  return sealReasoning(
    hasMetadata ? { text: open.fullText, providerMetadata: open.metadata } : { text: open.fullText },
  );
}

/**
 * The events that close an open item (before `output_item.done` and sequence numbers), its final form in
 * the output, and the form kept for later references (reasoning always sealed whole).
 */
export function finishItem(
  open: OpenItem,
  wantsSealedReasoning: boolean,
): { events: Event[]; item: Item; remembered: Item } {
  if (open.kind === 'text') {
    const part = { type: 'output_text', text: open.text, annotations: [], logprobs: [] };
    const place = { item_id: open.item.id, output_index: open.index, content_index: 0 };
    const item = { ...open.item, status: 'completed', content: [part] };
    return {
      events: [
        { type: 'response.output_text.done', ...place, text: open.text, logprobs: [] },
        { type: 'response.content_part.done', ...place, part },
      ],
      item,
      remembered: item,
    };
  }
  if (open.kind === 'reasoning') {
    const summary = open.hasSummaryPart ? [{ type: 'summary_text', text: open.text }] : [];
    const place = { item_id: open.item.id, output_index: open.index, summary_index: 0 };
    const events: Event[] = open.hasSummaryPart
      ? [
          { type: 'response.reasoning_summary_text.done', ...place, text: open.text },
          { type: 'response.reasoning_summary_part.done', ...place, part: summary[0] },
        ]
      : [];
    const sealed = seal(open);
    const item = { ...open.item, summary, ...(wantsSealedReasoning ? { encrypted_content: sealed } : {}) };
    return { events, item, remembered: { ...item, encrypted_content: sealed } };
  }
  const item = { ...open.item, arguments: open.arguments, status: 'completed' };
  return {
    events: [
      {
        type: 'response.function_call_arguments.done',
        item_id: open.item.id,
        output_index: open.index,
        name: open.item.name,
        arguments: open.arguments,
      },
    ],
    item,
    remembered: item,
  };
}
