/**
 * Remembers the last `capacity` results of `compute` by key, the least recently used going first: a streaming
 * answer asks for the same math or code again on every update, and 8 panes often show the same.
 */
export function createMemoCache<Value>(compute: (key: string) => Value, capacity: number) {
  const values = new Map<string, Value>();
  const get = (key: string): Value => {
    if (values.has(key)) {
      const value = values.get(key)!;
      // A Map keeps insertion order: moved to the end, it is the most recently used.
      values.delete(key);
      values.set(key, value);
      return value;
    }
    const value = compute(key);
    values.set(key, value);
    if (values.size > capacity) values.delete(values.keys().next().value!);
    return value;
  };
  return { get, forget: (key: string) => values.delete(key) };
}
