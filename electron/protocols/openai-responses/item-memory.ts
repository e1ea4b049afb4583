/**
 * The output items of recent translated answers, by id, so a client that refers back to one
 * (`{"type": "item_reference", "id": "msg_…"}`, as `@ai-sdk/openai` does for its own earlier text and
 * reasoning unless told `store: false`) gets it resolved. Nothing else is kept: a translated answer is not
 * stored, `previous_response_id` stays refused. Bounded in count, bytes and age; in memory only, so a
 * restart forgets, and the reference is then refused with the way out.
 */
export interface ItemMemoryLimits {
  maxItems: number;
  maxBytes: number;
  ttlMs: number;
}

export const defaultItemMemoryLimits: ItemMemoryLimits = {
  maxItems: 5000,
  maxBytes: 32 * 1024 * 1024,
  ttlMs: 3_600_000,
};

type Item = Record<string, unknown> & { id: string };

export class ItemMemory {
  /** Insertion order is age order: the oldest is first. */
  private readonly items = new Map<string, { item: Item; bytes: number; at: number }>();
  private bytes = 0;

  constructor(
    private readonly limits: ItemMemoryLimits = defaultItemMemoryLimits,
    private readonly now: () => number = Date.now,
  ) {}

  remember(item: Item): void {
    const bytes = JSON.stringify(item).length;
    if (bytes > this.limits.maxBytes) return;
    this.forget(item.id);
    this.items.set(item.id, { item: structuredClone(item), bytes, at: this.now() });
    this.bytes += bytes;
    this.evict();
  }

  recall(id: string): Item | undefined {
    this.evict();
    const entry = this.items.get(id);
    return entry ? structuredClone(entry.item) : undefined;
  }

  private forget(id: string) {
    const entry = this.items.get(id);
    if (!entry) return;
    this.items.delete(id);
    this.bytes -= entry.bytes;
  }

  private evict() {
    const oldestAllowed = this.now() - this.limits.ttlMs;
    for (const [id, entry] of this.items) {
      const isOver = this.items.size > this.limits.maxItems || this.bytes > this.limits.maxBytes;
      if (!isOver && entry.at >= oldestAllowed) break;
      this.forget(id);
    }
  }
}

/** The one memory the local API's translated Responses answers share. */
export const answeredItems = new ItemMemory();
