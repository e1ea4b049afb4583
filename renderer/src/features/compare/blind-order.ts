/** A 32-bit FNV-1a hash: the same compare always gets the same order. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** mulberry32: small, seeded, good enough to shuffle a handful of panes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The order a blind compare shows its `count` panes in (indexes into the panes as picked), shuffled by
 * Fisher–Yates from `key` (the compare's session id, which is random): position does not tell the model, and
 * the order stays put through follow-ups and after the vote.
 */
export function blindOrder(count: number, key: string): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  const random = seededRandom(hash(key));
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

/** "A", "B", … for the answers of a blind compare, in the order shown. */
export const answerLetter = (position: number) => String.fromCharCode(65 + position);

/** A blind compare's panes (or anything per pane) in the order shown; `key` is its session id. */
export const shownOrder = <T>(items: T[], key: string): T[] =>
  blindOrder(items.length, key).map((index) => items[index]!);
