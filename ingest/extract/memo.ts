// A memo for lookups a document repeats (the same names, the same created entities): computed once per key,
// bounded so that a long-running ingest does not grow it without end (past the limit it starts again empty).

/** `compute` memoized by `keyOf` of its argument, keeping at most `limit` keys. */
export function boundedMemo<T, V>(limit: number, keyOf: (x: T) => string, compute: (x: T) => V): (x: T) => V {
  const cache = new Map<string, V>();
  return (x) => {
    const key = keyOf(x);
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(x);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
