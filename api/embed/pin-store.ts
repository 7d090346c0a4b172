// Published renders kept on disk, so a pinned embed (`v=…`) answers the same bytes after later
// writes and after a restart: a file per render under DATA_DIR/embed-pins, named by a hash of
// (format, graph version, canonical parameters, origin), written atomically (a temporary file,
// flushed, then renamed) and bounded in count and bytes (the oldest written go first).
import { mkdirSync } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InvalidInput } from '../../schema/errors.js';

export interface PinLimits {
  maxEntries: number;
  maxBytes: number;
}

export const PIN_LIMITS: PinLimits = { maxEntries: 20_000, maxBytes: 512 * 1024 * 1024 };

const SUFFIX = '.pin';
const KEY = /^[A-Za-z0-9_-]{16,64}$/;

export class PinStore {
  /** key -> size, oldest written first */
  private readonly index = new Map<string, number>();
  private bytes = 0;

  private constructor(
    private readonly dir: string | null,
    private readonly limits: PinLimits,
  ) {}

  /** Opens (creating it) the pin folder of a data directory; `:memory:` keeps nothing on disk. */
  static async open(dataDir: string, limits: PinLimits = PIN_LIMITS): Promise<PinStore> {
    if (dataDir === ':memory:') return new PinStore(null, limits);
    const dir = join(dataDir, 'embed-pins');
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new InvalidInput(`DATA_DIR: cannot keep published embeds in ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const store = new PinStore(dir, limits);
    const found: { key: string; size: number; at: number }[] = [];
    for (const name of await readdir(dir)) {
      if (!name.endsWith(SUFFIX)) {
        // a temporary file a crash left behind
        if (name.includes('.tmp-')) await unlink(join(dir, name)).catch(() => undefined);
        continue;
      }
      const st = await stat(join(dir, name)).catch(() => undefined);
      if (st?.isFile()) found.push({ key: name.slice(0, -SUFFIX.length), size: st.size, at: st.mtimeMs });
    }
    found.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
    for (const f of found) store.remember(f.key, f.size);
    await store.trim();
    return store;
  }

  /** Whether renders are kept on disk. */
  get durable(): boolean {
    return this.dir !== null;
  }

  /** Renders held, and their bytes. */
  size(): { entries: number; bytes: number } {
    return { entries: this.index.size, bytes: this.bytes };
  }

  private remember(key: string, size: number): void {
    this.forget(key);
    this.index.set(key, size);
    this.bytes += size;
  }

  private forget(key: string): void {
    const size = this.index.get(key);
    if (size === undefined) return;
    this.index.delete(key);
    this.bytes -= size;
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`pin key: expected 16-64 url-safe characters, got "${key.slice(0, 80)}"`);
    return join(this.dir!, key + SUFFIX);
  }

  /** Whether bytes are kept under key (without reading them). */
  has(key: string): boolean {
    return this.dir !== null && this.index.has(key);
  }

  /** The bytes pinned under key, if kept. */
  async get(key: string): Promise<Uint8Array | undefined> {
    if (!this.dir || !this.index.has(key)) return undefined;
    try {
      return await readFile(this.path(key));
    } catch {
      this.forget(key);
      return undefined;
    }
  }

  /** Keeps bytes under key (once: a pin never changes); drops the oldest beyond the limits. */
  async put(key: string, body: Uint8Array): Promise<void> {
    if (!this.dir || this.index.has(key) || body.byteLength > this.limits.maxBytes) return;
    const final = this.path(key);
    const tmp = `${final}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(body);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await rename(tmp, final);
    // the rename itself survives a crash only once the folder holding it is flushed
    await syncFolder(this.dir);
    this.remember(key, body.byteLength);
    await this.trim();
  }

  private async trim(): Promise<void> {
    while (this.index.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const oldest = this.index.keys().next().value as string;
      this.forget(oldest);
      await unlink(this.path(oldest)).catch(() => undefined);
    }
  }
}

/** Flushes a folder's entries (a rename in it) to disk; where a platform cannot open a folder for it, nothing is lost but that guarantee. */
async function syncFolder(dir: string): Promise<void> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // Windows cannot open a directory this way; the file itself was flushed before the rename
  } finally {
    await fh?.close();
  }
}
