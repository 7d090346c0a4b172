// What every resolver receives: the store, this request's DataLoaders, the caller's role, the
// snapshot, and a deadline so long traversals stop when the request has timed out.
import type { Logger } from 'pino';
import type { ApiKeyRole } from '../config.js';
import type { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import type { IngestService } from '../../ingest/ingest-service.js';
import type { Loaders } from './loaders.js';
import type { WorkMeter } from './budget.js';
import type { AnalysisPool } from './analysis-pool.js';
import type { WatchService } from '../../scenarios/watch.js';
import type { QueryRequest } from './analysis-executor.js';

export interface GraphContext {
  store: GraphStore;
  /** the snapshot served (in the analysis worker: its own copy) */
  snapshots: Pick<SnapshotCache, 'get' | 'peek' | 'invalidate'>;
  loaders: Loaders;
  /** null when the request carries no API key */
  role: ApiKeyRole | null;
  logger: Logger;
  /** epoch ms after which work should stop */
  deadline: number;
  /** counts the items of the answer and stops the request at its deadline (resolvers call it as they go) */
  meter: WorkMeter;
  /** filled in once the operation is known (a holder: Apollo may shallow-copy the context) */
  seen: {
    operation?: 'query' | 'mutation' | 'subscription';
    /** set by fields whose answer can change without the graph version moving (ingest runs): no cache, no ETag */
    volatile?: boolean;
    /** set when the operation was refused a work slot (its queue was full: 503 OVERLOADED) */
    refused?: boolean;
    /** set by operations that do long work on purpose (handed-over ingest): the request timeout does not cut them off */
    unbounded?: boolean;
  };
  /** the server's ingest (documents and job runs handed over); absent where GraphQL runs without a server */
  ingest?: IngestService;
  /** the operation's budget cost, when the body gate already checked it in a worker */
  checkedCost?: number;
  /** worker threads for the snapshot analyses; absent where GraphQL runs without a server (they run in this thread) */
  analyses?: AnalysisPool;
  /** the server's standing scenarios; absent where GraphQL runs without a server */
  watches?: WatchService;
  /** aborted when a subscriber goes away (subscriptions over server-sent events) */
  signal?: AbortSignal;
  /** executes an expensive query elsewhere (the analysis worker) instead of in this thread; absent where queries run as they come */
  offload?: (request: QueryRequest, cost: number) => Promise<void>;
  /** called when the operation has to wait in line for a work slot (every slot busy) */
  onQueued?: () => void;
}

/** After a write: the snapshot is rebuilt on next use and no record read before the write is served again. */
export function graphMoved(ctx: GraphContext): void {
  ctx.snapshots.invalidate();
  ctx.loaders.forget();
}
