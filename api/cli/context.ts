// What every CLI command gets: configuration, the store (opened on demand), a snapshot, output.
import { loadConfig, type Config } from '../config.js';
import { InvalidInput } from '../../schema/errors.js';
import { terminalSafe } from '../../scenarios/format.js';
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
  /** a line (or lines) on stdout; control characters are shown as U+FFFD */
  out(text: string): void;
  /** a line (or lines) on stderr; control characters are shown as U+FFFD */
  err(text: string): void;
  /** progress on stderr, only when stderr is a terminal */
  progress(label: string, done: number, total?: number): void;
  close(): Promise<void>;
}

/** Text as lines for a terminal: control characters from documents and the graph shown as U+FFFD. */
function printable(text: string): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return `${lines.map(terminalSafe).join('\n')}\n`;
}

/** CHOKEPOINT_SERVER must name the scheme: `localhost:4000` would otherwise parse as a URL of scheme "localhost:". */
function checkServerUrl(text: string): void {
  if (!/^https?:\/\/[^/]/i.test(text)) throw new InvalidInput(`CHOKEPOINT_SERVER: expected an http:// or https:// URL of a chokepoint server, e.g. http://localhost:4000, got "${text}"`);
}

/** Creates the context for one CLI run. */
export function createContext(env: Record<string, string | undefined> = process.env): CliContext {
  const config = loadConfig(env);
  if (config.client.server !== undefined) checkServerUrl(config.client.server);
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
    out: (text) => void process.stdout.write(printable(text)),
    err: (text) => void process.stderr.write(printable(text)),
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
