// A fake neo4j-driver that models what concurrent writers meet on a Neo4j server, closely enough
// to show races: every statement runs at once against one shared in-memory graph (Grafeo) and is
// seen by every other transaction from then on; a statement that writes a lock node, a lease or
// the version node takes an exclusive lock on it that is held until the transaction ends, and a
// transaction asking for a lock another one holds waits for it (Neo4j's write locks); a wait that
// would close a cycle fails with Neo4j's retriable DeadlockDetected, and the managed transaction
// runs the work again. A scheduler decides, statement by statement, which transaction goes next,
// so a test can walk through interleavings. It does not roll back (the store's writes are
// idempotent MERGEs, so a re-run work lands the same); tests that need rollback use a real server.
import neo4j from 'neo4j-driver';
import grafeo from '@grafeo-db/js';
import type { GrafeoDB } from '@grafeo-db/js';
import { Q } from '../../graph/cypher/catalogue.js';
import type { DriverLike, RecordLike, SessionLike, TxLike } from '../../graph/neo4j/neo4j-executor.js';
import { fromNeo4j } from '../../graph/neo4j/neo4j-values.js';
import { rng } from '../../bench/scenarios-world.js';

type Params = Record<string, unknown>;

/** The keys a statement locks, in the order it takes them (empty for statements that take no lock this fake models). */
function locksOf(query: string, params: Params): string[] {
  if (query === Q.lockRelations) return (params.keys as string[]).map((k) => `relation:${k}`);
  if (query === Q.acquireLease || query === Q.renewLease || query === Q.fenceLease || query === Q.releaseLease) return [`lease:${String(params.job)}`];
  if (query === Q.bumpVersion) return ['meta:graph'];
  return [];
}

/** Picks which waiting transaction runs its next statement. */
export type Pick = (waiting: string[]) => string;

/** A seeded pseudo-random pick (bench/scenarios-world.ts rng), so a failing interleaving can be replayed by its seed. */
export function seededPick(seed: number): Pick {
  const next = rng(seed);
  return (waiting) => [...waiting].sort()[Math.floor(next() * waiting.length)]!;
}

/** Runs the transaction named first in `order` while it has statements, then the next (a fixed schedule). */
export function orderPick(order: string[]): Pick {
  return (waiting) => {
    const sorted = [...waiting].sort();
    for (const name of order) {
      const found = sorted.find((w) => w.startsWith(`${name}#`));
      if (found) return found;
    }
    return sorted[0]!;
  };
}

const deadlock = () => new neo4j.Neo4jError('deadlock detected while waiting for a lock', 'Neo.TransientError.Transaction.DeadlockDetected', '50N05', 'error');

export class LockingFakeDriver implements DriverLike {
  readonly db: GrafeoDB = grafeo.GrafeoDB.create(null, {});
  /** statements run, by transaction, in the order they ran */
  readonly log: { tx: string; query: string }[] = [];
  deadlocks = 0;
  retries = 0;
  private readonly holders = new Map<string, string>();
  private readonly waitsFor = new Map<string, string>();
  private readonly lockWaiters: (() => void)[] = [];
  private readonly turns = new Map<string, () => void>();
  private active = 0;
  private blocked = 0;
  private txCount = 0;
  private picking = false;

  constructor(
    private pick: Pick,
    /** false: statements take no locks (to show what the locks prevent) */
    private readonly locking = true,
  ) {}

  /** The driver as one worker sees it: its transactions are named after the worker. */
  as(worker: string): DriverLike {
    return { verifyConnectivity: async () => ({}), close: async () => undefined, session: () => this.sessionOf(worker) };
  }

  /** Changes the schedule for the transactions still to come. */
  schedule(pick: Pick): void {
    this.pick = pick;
  }

  async verifyConnectivity(): Promise<unknown> {
    return {};
  }

  async close(): Promise<void> {
    this.db.close();
  }

  session(): SessionLike {
    return this.sessionOf('w');
  }

  private sessionOf(worker: string): SessionLike {
    const managed = async <T>(work: (tx: TxLike) => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        const name = `${worker}#${++this.txCount}`;
        this.active++;
        try {
          return await work(this.tx(name));
        } catch (err) {
          if ((err as { retriable?: boolean }).retriable !== true || attempt >= 5) throw err;
          this.retries++;
        } finally {
          this.end(name);
        }
      }
    };
    return {
      executeRead: managed,
      executeWrite: managed,
      run: (query, params) => managed(async (tx) => tx.run(query, params)),
      close: async () => undefined,
    };
  }

  private tx(name: string): TxLike {
    return {
      run: async (query, params = {}) => {
        await this.turn(name);
        const plain = fromNeo4j(params) as Params;
        if (this.locking) for (const key of locksOf(query, plain)) await this.lock(name, key);
        this.log.push({ tx: name, query });
        const rows = (await this.db.executeCypher(query, plain)).toArray();
        return { records: rows.map((r): RecordLike => ({ toObject: () => r })) };
      },
    };
  }

  /** Waits until the scheduler lets this transaction run its next statement. */
  private turn(name: string): Promise<void> {
    return new Promise((resolve) => {
      this.turns.set(name, resolve);
      this.maybePick();
    });
  }

  private maybePick(): void {
    if (this.picking) return;
    this.picking = true;
    // a macrotask: every transaction that is about to ask for a turn has asked by then
    setImmediate(() => {
      this.picking = false;
      if (this.turns.size === 0 || this.turns.size + this.blocked < this.active) return;
      const chosen = this.pick([...this.turns.keys()]);
      const go = this.turns.get(chosen)!;
      this.turns.delete(chosen);
      go();
    });
  }

  private async lock(name: string, key: string): Promise<void> {
    for (;;) {
      const holder = this.holders.get(key);
      if (holder === undefined || holder === name) {
        this.holders.set(key, name);
        return;
      }
      // waiting on a holder that (transitively) waits on us would never end: Neo4j fails one of them
      for (let h: string | undefined = holder; h !== undefined;) {
        if (h === name) {
          this.deadlocks++;
          throw deadlock();
        }
        const wanted = this.waitsFor.get(h);
        h = wanted === undefined ? undefined : this.holders.get(wanted);
      }
      this.waitsFor.set(name, key);
      this.blocked++;
      this.maybePick();
      await new Promise<void>((resolve) => this.lockWaiters.push(resolve));
      this.blocked--;
      this.waitsFor.delete(name);
    }
  }

  /** A transaction ended (committed or failed): its locks go, and whoever waited for them tries again. */
  private end(name: string): void {
    for (const [key, holder] of [...this.holders]) if (holder === name) this.holders.delete(key);
    this.turns.delete(name);
    this.active--;
    for (const wake of this.lockWaiters.splice(0)) wake();
    this.maybePick();
  }
}
