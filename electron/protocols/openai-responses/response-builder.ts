import type { LanguageModelV4FinishReason, LanguageModelV4Usage, SharedV4ProviderMetadata } from '@ai-sdk/provider';
import type { NeutralPart, ResponseMeta } from '../types';
import { toOpenAICode, toResponseErrorCode } from './error-response';
import { answeredItems, type ItemMemory } from './item-memory';
import {
  finishItem,
  mergeMetadata,
  type Event,
  type Item,
  type NewItem,
  type OpenCall,
  type OpenItem,
  type OpenReasoning,
  type OpenText,
} from './open-items';
import { createResponseObject, toResponseUsage, type ResponseStatus } from './response-object';

/**
 * Turns the AI SDK's neutral parts into a Responses answer: the stream's events, in OpenAI's order, and
 * the `Response` they add up to. Used for streaming (every event) and not (only the final `Response`).
 */
export class ResponseBuilder {
  readonly response: Record<string, unknown>;
  private readonly output: Item[] = [];
  private readonly open = new Map<string, OpenItem>();
  private sequence = 0;
  private hasStarted = false;
  private hasEnded = false;
  private readonly wantsSummary: boolean;
  private readonly wantsSealedReasoning: boolean;
  private readonly idBase: string;

  constructor(
    meta: ResponseMeta,
    body: Record<string, unknown>,
    private readonly memory: ItemMemory = answeredItems,
  ) {
    this.response = createResponseObject(meta, body);
    const reasoning = (body.reasoning ?? {}) as Record<string, unknown>;
    this.wantsSummary = Boolean(reasoning.summary ?? reasoning.generate_summary);
    this.wantsSealedReasoning = Array.isArray(body.include) && body.include.includes('reasoning.encrypted_content');
    this.idBase = meta.id.replace(/^resp_/, '');
  }

  get isEnded(): boolean {
    return this.hasEnded;
  }

  private event(event: Event): Event {
    return { ...event, sequence_number: this.sequence++ };
  }

  private snapshot(status: ResponseStatus, extra: Record<string, unknown> = {}) {
    return { ...this.response, status, output: structuredClone(this.output), ...extra };
  }

  private start(): Event[] {
    if (this.hasStarted) return [];
    this.hasStarted = true;
    return [
      this.event({ type: 'response.created', response: this.snapshot('in_progress') }),
      this.event({ type: 'response.in_progress', response: this.snapshot('in_progress') }),
    ];
  }

  private addItem(key: string, open: NewItem): Event {
    const index = this.output.length;
    this.output.push(open.item);
    this.open.set(key, { ...open, index } as OpenItem);
    return this.event({ type: 'response.output_item.added', output_index: index, item: structuredClone(open.item) });
  }

  private itemId(prefix: string): string {
    return `${prefix}_${this.idBase}_${this.output.length}`;
  }

  /** The events for one neutral part ([] when the protocol has nothing to say about it). */
  write(part: NeutralPart): Event[] {
    if (this.hasEnded) return [];
    const events = this.start();
    switch (part.type) {
      case 'text-start':
        events.push(...this.startText(part.id));
        break;
      case 'text-delta':
        events.push(...this.textDelta(part.id, part.delta));
        break;
      case 'text-end':
        events.push(...this.close(`text:${part.id}`));
        break;
      case 'reasoning-start':
        events.push(...this.startReasoning(part.id, part.providerMetadata));
        break;
      case 'reasoning-delta':
        events.push(...this.reasoningDelta(part.id, part.delta, part.providerMetadata));
        break;
      case 'reasoning-end': {
        const open = this.open.get(`reasoning:${part.id}`);
        if (open?.kind === 'reasoning') mergeMetadata(open.metadata, part.providerMetadata);
        events.push(...this.close(`reasoning:${part.id}`));
        break;
      }
      case 'tool-input-start':
        if (part.providerExecuted) break; // tools the provider runs are never sent by a translated call
        events.push(...this.startCall(part.id, part.toolName));
        break;
      case 'tool-input-delta':
        events.push(...this.callDelta(part.id, part.delta));
        break;
      case 'tool-call':
        if (part.providerExecuted) break;
        events.push(...this.finishCall(part.toolCallId, part.toolName, part.input));
        break;
      case 'finish':
        events.push(...this.finish(part.finishReason, part.usage));
        break;
      case 'error':
        events.push(...this.fail('PROVIDER_STREAM_ERROR', errorMessage(part.error)));
        break;
      default:
        // stream-start, response-metadata, tool-input-end (the tool-call closes it), sources, files, raw.
        break;
    }
    return events;
  }

  private startText(id: string): Event[] {
    const item: Item = {
      id: this.itemId('msg'),
      type: 'message',
      role: 'assistant',
      status: 'in_progress',
      content: [],
    };
    return [
      this.addItem(`text:${id}`, { kind: 'text', item, text: '' }),
      this.event({
        type: 'response.content_part.added',
        item_id: item.id,
        output_index: this.output.length - 1,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
      }),
    ];
  }

  private textDelta(id: string, delta: string): Event[] {
    const events = this.open.has(`text:${id}`) ? [] : this.startText(id);
    const open = this.open.get(`text:${id}`) as OpenText;
    if (delta === '') return events;
    open.text += delta;
    events.push(
      this.event({
        type: 'response.output_text.delta',
        item_id: open.item.id,
        output_index: open.index,
        content_index: 0,
        delta,
        logprobs: [],
      }),
    );
    return events;
  }

  private startReasoning(id: string, metadata: SharedV4ProviderMetadata | undefined): Event[] {
    const key = `reasoning:${id}`;
    if (this.open.has(key)) return [];
    const item: Item = { id: this.itemId('rs'), type: 'reasoning', summary: [] };
    const open = { kind: 'reasoning' as const, item, text: '', fullText: '', hasSummaryPart: false, metadata: {} };
    mergeMetadata(open.metadata, metadata);
    // Always an item, as OpenAI sends one: its text shows only as an asked-for summary, but a client that
    // sends the item (or a reference to it) back gives the target its reasoning whole.
    return [this.addItem(key, open)];
  }

  private reasoningDelta(id: string, delta: string, metadata: SharedV4ProviderMetadata | undefined): Event[] {
    const key = `reasoning:${id}`;
    const events = this.open.has(key) ? [] : this.startReasoning(id, undefined);
    const open = this.open.get(key) as OpenReasoning;
    mergeMetadata(open.metadata, metadata);
    open.fullText += delta;
    if (delta === '' || !this.wantsSummary) return events;
    const place = { item_id: open.item.id, output_index: open.index, summary_index: 0 };
    if (!open.hasSummaryPart) {
      open.hasSummaryPart = true;
      events.push(
        this.event({
          type: 'response.reasoning_summary_part.added',
          ...place,
          part: { type: 'summary_text', text: '' },
        }),
      );
    }
    open.text += delta;
    events.push(this.event({ type: 'response.reasoning_summary_text.delta', ...place, delta }));
    return events;
  }

  private startCall(callId: string, name: string): Event[] {
    const key = `call:${callId}`;
    if (this.open.has(key)) return [];
    const item: Item = {
      id: this.itemId('fc'),
      type: 'function_call',
      call_id: callId,
      name,
      arguments: '',
      status: 'in_progress',
    };
    return [this.addItem(key, { kind: 'call', item, arguments: '' })];
  }

  private callDelta(callId: string, delta: string): Event[] {
    const open = this.open.get(`call:${callId}`);
    if (open?.kind !== 'call' || delta === '') return [];
    open.arguments += delta;
    return [
      this.event({
        type: 'response.function_call_arguments.delta',
        item_id: open.item.id,
        output_index: open.index,
        delta,
      }),
    ];
  }

  private finishCall(callId: string, name: string, input: string): Event[] {
    const events = this.startCall(callId, name);
    const open = this.open.get(`call:${callId}`) as OpenCall;
    // A call that came whole (no input deltas) still streams its arguments, as OpenAI always does.
    if (open.arguments === '' && input !== '') events.push(...this.callDelta(callId, input));
    open.arguments = input;
    events.push(...this.close(`call:${callId}`));
    return events;
  }

  /** Ends an open item: its done events, and its final form in the output. */
  private close(key: string): Event[] {
    const open = this.open.get(key);
    if (!open) return [];
    this.open.delete(key);
    const { events, item, remembered } = finishItem(open, this.wantsSealedReasoning);
    this.output[open.index] = item;
    // A later reference to the item (or reasoning sent back bare) gets it whole, asked for or not.
    this.memory.remember(remembered);
    events.push({ type: 'response.output_item.done', output_index: open.index, item: structuredClone(item) });
    return events.map((event) => this.event(event));
  }

  private closeAll(): Event[] {
    return [...this.open.keys()].flatMap((key) => this.close(key));
  }

  private finish(reason: LanguageModelV4FinishReason, usage: LanguageModelV4Usage): Event[] {
    if (reason.unified === 'error' || reason.unified === 'interrupted') {
      const message =
        reason.unified === 'error'
          ? 'The provider ended the answer with an error.'
          : 'The provider stream ended before the answer was complete.';
      return this.fail(reason.unified === 'error' ? 'PROVIDER_STREAM_ERROR' : 'INTERRUPTED', message, usage);
    }
    const events = this.closeAll();
    this.hasEnded = true;
    const incomplete =
      reason.unified === 'length'
        ? { reason: 'max_output_tokens' }
        : reason.unified === 'content-filter'
          ? { reason: 'content_filter' }
          : null;
    const status: ResponseStatus = incomplete ? 'incomplete' : 'completed';
    const response = this.snapshot(status, { incomplete_details: incomplete, usage: toResponseUsage(usage) });
    Object.assign(this.response, response);
    events.push(this.event({ type: incomplete ? 'response.incomplete' : 'response.completed', response }));
    return events;
  }

  /** A failure after the stream began: OpenAI's `error` event, then `response.failed`, never a clean end. */
  fail(code: string, message: string, usage?: LanguageModelV4Usage): Event[] {
    if (this.hasEnded) return [];
    const events = this.start();
    this.hasEnded = true;
    // Items cut short stay in the output as they were, marked incomplete.
    for (const open of this.open.values()) {
      const item = this.output[open.index]!;
      if ('status' in item) this.output[open.index] = { ...item, status: 'incomplete' };
    }
    this.open.clear();
    events.push(this.event({ type: 'error', code: toOpenAICode(code), message, param: null }));
    const response = this.snapshot('failed', {
      error: { code: toResponseErrorCode(code), message },
      ...(usage ? { usage: toResponseUsage(usage) } : {}),
    });
    Object.assign(this.response, response);
    events.push(this.event({ type: 'response.failed', response }));
    return events;
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'The provider reported an error.';
}
