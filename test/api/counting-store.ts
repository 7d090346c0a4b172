// A GraphStore proxy that counts calls per method (to check DataLoader batching) and can be told
// to fail one method with an unexpected error (to check masking).
import type { GraphStore } from '../../graph/store.js';

export interface CountingStore {
  store: GraphStore;
  calls: Map<string, number>;
  reset(): void;
  total(methods: string[]): number;
  failNext(method: string, error: Error): void;
}

/** Wraps a store. */
export function countingStore(inner: GraphStore): CountingStore {
  const calls = new Map<string, number>();
  const failures = new Map<string, Error>();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(prop, (calls.get(prop) ?? 0) + 1);
        const failure = failures.get(prop);
        if (failure) {
          failures.delete(prop);
          return Promise.reject(failure);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    calls,
    reset: () => calls.clear(),
    total: (methods) => methods.reduce((s, m) => s + (calls.get(m) ?? 0), 0),
    failNext: (method, error) => failures.set(method, error),
  };
}
