// What every CLI command gets: configuration, the store (opened on demand), a snapshot, output.
import { loadConfig, type Config } from '../config.js';
import { openStore } from '../../graph/open-store.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';

export interface CliContext {
  readonly config: Config;
  /** the configured store; with the embedded store, fails clearly when a server holds the file */
  openStore(): Promise<GraphStore>;
  /** a snapshot of the store's current graph */
  snapshot(): Promise<Snapshot>;
  out(text: string): void;
  err(text: string): void;
  /** progress on stderr, only when stderr is a terminal */
  progress(label: string, done: number, total?: number): void;
  close(): Promise<void>;
}

/** Creates the context for one CLI run. */
export function createContext(env: Record<string, string | undefined> = process.env): CliContext {
  const config = loadConfig(env);
  let store: Promise<GraphStore> | null = null;
  const tty = !!process.stderr.isTTY;
  let lastProgress = 0;
  return {
    config,
    openStore() {
      store ??= openStore(config);
      return store;
    },
    async snapshot() {
      return new SnapshotCache(await this.openStore()).get();
    },
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress(label, done, total) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastProgress < 100 && done !== total) return;
      lastProgress = now;
      process.stderr.write(`\r${label} ${done}${total ? `/${total}` : ''}${done === total ? '\n' : ''}`);
    },
    async close() {
      if (store) await (await store.catch(() => null))?.close();
      store = null;
    },
  };
}
