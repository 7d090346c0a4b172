// The embedded store runs Grafeo in a thread of its own (graph/embedded/grafeo-thread.ts): what a
// user of the store relies on across that boundary. Transactions, errors, closing, a large read in
// slices, and a thread that dies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { GrafeoThreadExecutor } from '../../graph/embedded/grafeo-thread.js';
import { InvalidInput, StoreUnavailable } from '../../schema/errors.js';

const CHILD = fileURLToPath(new URL('./embedded-thread-child.ts', import.meta.url));

const count = async (x: GrafeoThreadExecutor, label = 'Thing') => Number((await x.read(`MATCH (n:${label}) RETURN count(n) AS n`))[0]?.n);

describe('the embedded store in its own thread', () => {
  let x: GrafeoThreadExecutor;
  beforeEach(async () => {
    x = await GrafeoThreadExecutor.open({ dataDir: ':memory:' });
  });
  afterEach(async () => {
    await x.close();
  });

  it('a write whose work throws is rolled back, and the next write goes through', async () => {
    await expect(
      x.write(async (tx) => {
        await tx.run('CREATE (:Thing {id: $id})', { id: 'a' });
        throw new InvalidInput('the work gave up');
      }),
    ).rejects.toThrow(InvalidInput);
    expect(await count(x)).toBe(0);
    const written = await x.write(async (tx) => {
      await tx.run('CREATE (:Thing {id: $id})', { id: 'b' });
      return (await tx.run('MATCH (n:Thing) RETURN n.id AS id'))[0]?.id;
    });
    expect(written).toBe('b');
    expect(await count(x)).toBe(1);
  });

  it("a query that fails in a transaction rolls it back with Grafeo's message, and the next write goes through", async () => {
    await expect(
      x.write(async (tx) => {
        await tx.run('CREATE (:Thing {id: 1})');
        await tx.run('MATCH (n:Thing) RETURN m');
      }),
    ).rejects.toThrow(/Undefined variable 'm'/);
    expect(await count(x)).toBe(0);
    await x.write((tx) => tx.run('CREATE (:Thing {id: 2})'));
    expect(await count(x)).toBe(1);
  });

  it('an error from the thread names the problem of the query, with its GQLSTATUS', async () => {
    const err = (await x.read('MATCH (n RETURN n').catch((e: unknown) => e)) as Error & { gqlStatus?: string };
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/syntax error/);
    expect(err.message).toMatch(/MATCH \(n RETURN n/);
    expect(err.gqlStatus).toBe('42001');
  });

  it("values come back as the store's: integers as numbers, nested lists and maps too", async () => {
    const [row] = await x.read('RETURN 41 + 1 AS n, [1, 2] AS list, {a: 3, b: [4]} AS map, $s AS s', { s: 'text' });
    expect(row).toEqual({ n: 42, list: [1, 2], map: { a: 3, b: [4] }, s: 'text' });
  });

  it('a large read in slices yields every row, in more than one message', async () => {
    await x.write((tx) => tx.run('UNWIND range(1, 20000) AS i CREATE (:Thing {id: i})'));
    const slices: number[] = [];
    const seen = new Set<unknown>();
    for await (const rows of x.readInSlices('MATCH (n:Thing) RETURN n.id AS id')) {
      slices.push(rows.length);
      for (const r of rows) seen.add(r.id);
    }
    expect(slices.length).toBeGreaterThan(1);
    expect(seen.size).toBe(20000);
    expect(typeof [...seen][0]).toBe('number');
  });

  it('a read in slices stopped early lets the rest go, and the store goes on answering', async () => {
    await x.write((tx) => tx.run('UNWIND range(1, 20000) AS i CREATE (:Thing {id: i})'));
    for await (const rows of x.readInSlices('MATCH (n:Thing) RETURN n.id AS id')) {
      expect(rows.length).toBeGreaterThan(0);
      break;
    }
    expect(await count(x)).toBe(20000);
    // an empty result yields nothing
    const none: unknown[] = [];
    for await (const rows of x.readInSlices('MATCH (n:Nothing) RETURN n.id AS id')) none.push(...rows);
    expect(none).toEqual([]);
  });

  it('closing settles the calls in flight, then refuses new ones with StoreUnavailable', async () => {
    await x.write((tx) => tx.run('UNWIND range(1, 1000) AS i CREATE (:Thing {id: i})'));
    const reads = Array.from({ length: 5 }, () => count(x));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // (the write adds no Thing: whether a read runs before or after it depends on the thread's timing, not on closing)
    const write = x.write(async (tx) => {
      await held;
      await tx.run('CREATE (:Other {id: 0})');
      return 'written';
    });
    const closed = x.close();
    release();
    expect(await Promise.all(reads)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(await write).toBe('written');
    await closed;
    await expect(x.read('RETURN 1 AS n')).rejects.toThrow(StoreUnavailable);
    await expect(x.read('RETURN 1 AS n')).rejects.toThrow(/closed/);
    await expect(x.write((tx) => tx.run('RETURN 1 AS n'))).rejects.toThrow(StoreUnavailable);
    await expect(x.textSearch([{ query: 'x', labels: [], limit: 1 }])).rejects.toThrow(StoreUnavailable);
    await expect(x.readInSlices('RETURN 1 AS n').next()).rejects.toThrow(StoreUnavailable);
    await expect(x.migrate([])).rejects.toThrow(StoreUnavailable);
  });

  it('a thread that dies fails the pending calls and every later one with StoreUnavailable, instead of hanging', async () => {
    let begun!: () => void;
    const inTx = new Promise<void>((resolve) => (begun = resolve));
    let ended!: () => void;
    const threadEnded = new Promise<void>((resolve) => (ended = resolve));
    // a write whose transaction is open when the thread dies, and whose next query comes after
    const write = x.write(async (t) => {
      begun();
      await threadEnded;
      return t.run('RETURN 1 AS n');
    });
    await inTx;
    // a query the thread may be running when told to end: it finishes (or never starts) rather than take the process down
    const running = x.read('UNWIND range(1, 2000000) AS i RETURN sum(i) AS s');
    const dying = x.terminate();
    // sent after the thread was told to end: never answered by it
    const pending = x.read('UNWIND range(1, 1000) AS i RETURN sum(i) AS s');
    await dying;
    ended();
    const ran = await Promise.allSettled([running]);
    if (ran[0]!.status === 'fulfilled') expect(ran[0].value).toEqual([{ s: 2000001000000 }]);
    else expect(ran[0]!.reason).toBeInstanceOf(StoreUnavailable);
    await expect(pending).rejects.toThrow(StoreUnavailable);
    await expect(pending).rejects.toThrow(/thread exited/);
    await expect(write).rejects.toThrow(StoreUnavailable);
    await expect(x.read('RETURN 1 AS n')).rejects.toThrow(/embedded store :memory: is unavailable: its thread exited/);
    await expect(x.write((t) => t.run('RETURN 1 AS n'))).rejects.toThrow(StoreUnavailable);
    // close still settles
    await x.close();
  });
});

describe('the embedded store through openEmbeddedStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a DATA_DIR that is a file fails to open with InvalidInput naming it', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const err = await openEmbeddedStore({ dataDir: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInput);
    expect((err as Error).message).toMatch(/DATA_DIR \S+a-file: a file stands where the store's directory belongs/);
  });

  it('a closed store refuses reads and writes with StoreUnavailable', async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    await store.close();
    await expect(store.graphVersion()).rejects.toThrow(StoreUnavailable);
    await expect(store.write({ entities: [] })).rejects.toThrow(StoreUnavailable);
    await expect(store.search('x')).rejects.toThrow(StoreUnavailable);
    // closing again is harmless
    await store.close();
  });

  it('the key indexes and the text index are made in the thread, and survive a reopen', async () => {
    const at = join(dir, 'store');
    const a = await openEmbeddedStore({ dataDir: at });
    await a.write({ entities: [{ id: 'nation:fr', label: 'Nation', name: 'France', aliases: [], props: { kind: 'country', iso: 'FR' } }] });
    await a.close();
    const b = await openEmbeddedStore({ dataDir: at });
    expect((await b.search('france'))[0]?.entity.id).toBe('nation:fr');
    await b.close();
  });
});

describe('a process using the embedded store', () => {
  const run = async (mode: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, out: out.trim() };
  };

  it('exits by itself once its work is done, the store closed or left open', async () => {
    expect(await run('close')).toEqual({ code: 0, out: 'version 1, closed' });
    expect(await run('leave')).toEqual({ code: 0, out: 'version 1' });
  });

  it('exits with its own code when it exits while a query runs in the store', async () => {
    expect(await run('exit-during-read')).toEqual({ code: 5, out: 'exiting' });
  });
});
