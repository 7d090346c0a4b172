// An expensive GraphQL query executed in the analysis worker: its own Apollo server (the same
// schema, resolvers and limits as the serving thread's), its own copy of the snapshot, the store
// over a port (analysis-store.ts) and its own record cache per graph version. Execution, the
// garbage it makes and the serialisation of the answer happen in the worker; the serving thread
// receives the answer as text.
import type { MessagePort } from 'node:worker_threads';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { Snapshot } from '../../graph/snapshot.js';
import type { StoreInfo } from '../../graph/store.js';
import { createLogger } from '../log.js';
import type { ApiKeyRole } from '../config.js';
import { buildApolloServer } from './apollo-server.js';
import { WorkMeter } from './budget.js';
import type { GraphContext } from './context.js';
import { SharedReads, createLoaders } from './loaders.js';
import { storeOverPort } from './analysis-store.js';

/** One query to execute, as the serving thread resolved it (a persisted query by its text). */
export interface QueryRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** What the serving thread sends with a query. */
export interface ExecuteTask {
  kind: 'execute';
  request: QueryRequest;
  role: ApiKeyRole | null;
  /** the budget cost the serving thread computed (not computed again) */
  cost: number;
  /** epoch ms */
  deadline: number;
  introspection: boolean;
  logLevel: string;
  info: StoreInfo;
  /** the store's reads go over this port */
  port: MessagePort;
}

/** The answer: HTTP status, the serialised body, and what the operation said about itself. */
export interface ExecutedAnswer {
  status: number;
  text: string;
  seen: GraphContext['seen'];
}

let apollo: { server: ApolloServer<GraphContext>; logger: Logger; key: string } | null = null;
const reads = new SharedReads();

async function serverFor(task: ExecuteTask): Promise<{ server: ApolloServer<GraphContext>; logger: Logger }> {
  const key = `${task.introspection}|${task.logLevel}`;
  if (apollo?.key === key) return apollo;
  if (apollo) await apollo.server.stop();
  const logger = createLogger(task.logLevel).child({ part: 'query-worker' });
  const server = buildApolloServer({ logger, introspection: task.introspection });
  await server.start();
  apollo = { server, logger, key };
  return apollo;
}

/** Executes one query on the snapshot `s`; the port is closed when it is done. */
export async function executeQuery(s: Snapshot, task: ExecuteTask): Promise<ExecutedAnswer> {
  const { server, logger } = await serverFor(task);
  const store = storeOverPort(task.port, task.info);
  const snapshots: GraphContext['snapshots'] = {
    get: () => Promise.resolve(s),
    peek: () => s,
    // a query never writes; a stale snapshot is the serving thread's to replace
    invalidate: () => undefined,
  };
  const ctx: GraphContext = {
    store,
    snapshots,
    loaders: createLoaders(store, { reads, version: s.version }),
    role: task.role,
    logger,
    deadline: task.deadline,
    meter: new WorkMeter(task.deadline),
    seen: {},
    checkedCost: task.cost,
  };
  try {
    const res = await server.executeOperation(
      { query: task.request.query, ...(task.request.operationName ? { operationName: task.request.operationName } : {}), ...(task.request.variables ? { variables: task.request.variables } : {}) },
      { contextValue: ctx },
    );
    const body = res.body.kind === 'single' ? res.body.singleResult : { errors: [{ message: 'an incremental answer cannot be executed here', extensions: { code: 'BAD_REQUEST' } }] };
    // as Apollo's HTTP handler writes it
    return { status: res.http.status ?? 200, text: `${JSON.stringify(body)}\n`, seen: ctx.seen };
  } finally {
    task.port.close();
  }
}
