import type { SharedV4ProviderMetadata } from '@ai-sdk/provider';
import { encodeSignature } from './reasoning-signature';
import { sseEvent } from './sse-event';

type Kind = 'text' | 'thinking' | 'tool_use';
type Delta = Record<string, unknown> & { type: string };

interface Block {
  kind: Kind;
  start: Record<string, unknown>;
  /** Deltas held back while another block streams. */
  held: Delta[];
  index?: number;
  isEnded: boolean;
  isClosed: boolean;
  /** Reasoning metadata, sent as the thinking block's signature. */
  metadata?: SharedV4ProviderMetadata;
}

/**
 * Anthropic's content blocks stream one at a time, each between its start and stop, with increasing
 * indices. The AI SDK's parts may interleave (text still open while a tool call streams), so this
 * serializes them: a text or thinking block gives way to a new block at once (more text later opens a
 * new block), but a tool call, whose input only parses whole, holds every other block back until it ends.
 */
export class ContentBlocks {
  private readonly blocks = new Map<string, Block>();
  private readonly queue: Block[] = [];
  private current: Block | undefined;
  private nextIndex = 0;

  /** Starts (or continues) the block `key`; returns the SSE text to send now. */
  open(key: string, kind: Kind, start: Record<string, unknown>): string {
    const existing = this.blocks.get(key);
    if (existing && !existing.isClosed && !existing.isEnded) return '';
    const block: Block = { kind, start, held: [], isEnded: false, isClosed: false };
    this.blocks.set(key, block);
    return this.activate(block);
  }

  delta(key: string, delta: Delta, fallback: { kind: Kind; start: Record<string, unknown> }): string {
    let block = this.blocks.get(key);
    let text = '';
    if (!block || block.isClosed || block.isEnded) {
      text = this.open(key, fallback.kind, fallback.start);
      block = this.blocks.get(key)!;
    }
    if (block !== this.current) {
      block.held.push(delta);
      return text;
    }
    return text + sseEvent({ type: 'content_block_delta', index: block.index, delta });
  }

  addMetadata(key: string, metadata: SharedV4ProviderMetadata | undefined): void {
    const block = this.blocks.get(key);
    if (block && metadata) block.metadata = { ...block.metadata, ...metadata };
  }

  end(key: string): string {
    const block = this.blocks.get(key);
    if (!block || block.isEnded || block.isClosed) return '';
    block.isEnded = true;
    return block === this.current ? this.close(block) + this.drain() : '';
  }

  /** Closes every block, held ones included, for the end of the answer. */
  finish(): string {
    let text = this.current ? this.close(this.current) : '';
    for (const block of this.queue.splice(0)) text += this.emitStart(block) + this.emitHeld(block) + this.close(block);
    return text;
  }

  private activate(block: Block): string {
    if (this.current && this.current.kind === 'tool_use') {
      this.queue.push(block);
      return '';
    }
    const text = this.current ? this.close(this.current) : '';
    this.current = block;
    return text + this.emitStart(block);
  }

  private emitStart(block: Block): string {
    block.index = this.nextIndex++;
    return sseEvent({ type: 'content_block_start', index: block.index, content_block: block.start });
  }

  private emitHeld(block: Block): string {
    const text = block.held.map((delta) => sseEvent({ type: 'content_block_delta', index: block.index, delta }));
    block.held = [];
    return text.join('');
  }

  private close(block: Block): string {
    block.isClosed = true;
    if (this.current === block) this.current = undefined;
    const signature = block.kind === 'thinking' ? encodeSignature(block.metadata) : '';
    const signed = signature
      ? sseEvent({ type: 'content_block_delta', index: block.index, delta: { type: 'signature_delta', signature } })
      : '';
    return signed + sseEvent({ type: 'content_block_stop', index: block.index });
  }

  /** After a block ends, the held ones stream in order; an unfinished one becomes current. */
  private drain(): string {
    let text = '';
    while (!this.current && this.queue.length > 0) {
      const block = this.queue.shift()!;
      text += this.emitStart(block) + this.emitHeld(block);
      if (block.isEnded) text += this.close(block);
      else this.current = block;
    }
    return text;
  }
}
