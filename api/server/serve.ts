// Starts the server: opens the store, seeds it on first start, runs the scheduled ingest jobs
// in-process when asked, serves HTTP, and shuts down gracefully on SIGTERM/SIGINT (stop ingest,
// stop accepting, drain, close the store).
import { serve as serveHttp } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { Server } from 'node:http';
import type { Config } from '../config.js';
import { createLogger } from '../log.js';
import { openStore } from '../../graph/open-store.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import { IngestService } from '../../ingest/ingest-service.js';
import { seedIfEmpty } from '../seeding.js';
import { createApp } from './app.js';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface RunningServer {
  url: string;
  port: number;
  store: GraphStore;
  /** the snapshot every request reads (its status says when a whole-graph read runs) */
  snapshots: SnapshotCache;
  stop(): Promise<void>;
}

/** Starts the server; resolves once it listens. */
export async function startServer(config: Config, opts: { store?: GraphStore; handleSignals?: boolean; scheduleIngest?: boolean } = {}): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const store = opts.store ?? (await openStore(config));
  if (config.seedOnStart) {
    // one replica seeds an empty store; the others start without waiting for it
    const seeded = await seedIfEmpty(store);
    if (seeded === 'busy') logger.info('another process is seeding the empty store');
    else if (seeded !== 'present') logger.info({ entities: seeded.write.entities, claims: seeded.write.claimsAdded, version: seeded.write.version }, 'seeded the empty store from seeds/');
  }
  // the server owns the store, so the ingest jobs and the work CLIs hand over run here
  const ingest = new IngestService(store, {
    ...(config.ingest.sources ? { sourcesPath: config.ingest.sources } : {}),
    allowPrivate: config.ingest.allowPrivate,
    log: logger.child({ part: 'ingest' }),
    llm: { env: process.env, dataDir: config.dataDir },
  });
  if (opts.scheduleIngest) {
    try {
      logger.info({ jobs: ingest.schedule(), sources: config.ingest.sources ?? 'ingest/sources.yaml' }, 'ingest jobs scheduled');
    } catch (err) {
      if (!opts.store) await store.close();
      throw err;
    }
  }
  const snapshots = new SnapshotCache(store, config.snapshotRecheckMs, {
    onError: (err) => logger.error({ err }, 'reading the whole graph for a new snapshot failed; the previous snapshot is still served'),
  });
  const signalsBefore = new Map(SIGNALS.map((sig) => [sig, process.listeners(sig)]));
  const { app, close: closeApp } = await createApp({ store, snapshots, config, logger }, { ingest });
  if (opts.handleSignals) {
    // Apollo installs its own SIGINT/SIGTERM handler outside tests, which stops only GraphQL and then
    // re-sends the signal (exit 143, store left open); this process shuts down in its own order instead
    for (const sig of SIGNALS) for (const l of process.listeners(sig)) if (!signalsBefore.get(sig)!.includes(l)) process.removeListener(sig, l);
  }
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
        s.off('error', reject);
        resolve(s as Server);
      }) as Server;
      // a port in use or not permitted arrives as an 'error' event: the caller gets it, with the port
      s.once('error', reject);
    });
  } catch (err) {
    await ingest.stop();
    await closeApp();
    if (!opts.store) await store.close();
    throw err;
  }
  server.keepAliveTimeout = 5_000;
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, store: store.info }, 'chokepoint listening');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: ingest stops, no new connections, draining');
      await ingest.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      });
      await closeApp();
      await snapshots.close();
      if (!opts.store) await store.close();
      logger.info('stopped');
      logger.flush();
    })());
  if (opts.handleSignals) {
    const onSignal = (sig: NodeJS.Signals) => {
      if (stopping) {
        // a second signal: the user does not want to wait for the drain
        logger.warn({ signal: sig }, 'second signal: exiting without waiting for the shutdown');
        logger.flush();
        process.exit(128 + (os.constants.signals[sig] ?? 1));
      }
      logger.info({ signal: sig }, 'signal received');
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          logger.flush();
          process.exit(2);
        },
      );
    };
    for (const sig of SIGNALS) process.on(sig, onSignal);
  }
  return { url, port, store, snapshots, stop };
}
