// The HTTP application: /healthz, /graphql, /embed and /oembed on one Hono app.
import { Hono } from 'hono';
import type { AppDeps } from './deps.js';
import type { IngestService } from '../../ingest/ingest-service.js';
import { mountGraphQL } from '../graphql/mount.js';
import { mountEmbeds } from '../embed/mount.js';
import { rateLimit } from './rate-limit.js';
import { WatchService } from '../../scenarios/watch.js';
import { mountSubscriptions } from '../graphql/subscriptions.js';
import { mountWatchFeed } from './watch-feed.js';

export interface App {
  app: Hono;
  /** stops background work the parts started (not the store: its owner closes it) */
  close(): Promise<void>;
}

/** Builds the application over the given store (with the server's ingest service, when it runs one). */
export async function createApp(deps: AppDeps, parts: { ingest?: IngestService } = {}): Promise<App> {
  const app = new Hono();
  const closers: (() => Promise<void>)[] = [];

  const limited = rateLimit(deps.config);
  if (limited) app.use('*', limited);

  // one read of the version node: the same cost on any size of graph, so probes never scan it
  app.get('/healthz', async (c) => {
    try {
      const graphVersion = await deps.store.graphVersion();
      return c.json({ status: 'ok', store: deps.store.info.kind, graphVersion }, 200, { 'Cache-Control': 'no-store' });
    } catch (err) {
      deps.logger.warn({ err }, 'health check failed');
      return c.json({ status: 'unavailable', store: deps.store.info.kind }, 503, { 'Cache-Control': 'no-store' });
    }
  });

  // standing scenarios run again whenever the graph version moves, off the request path
  const watches = new WatchService(deps.store, deps.snapshots, { onError: (err, watch) => deps.logger.error({ err, watch }, 'a standing scenario could not be run again') });
  watches.start();
  closers.push(() => watches.stop());
  closers.push(await mountGraphQL(app, deps, { ...(parts.ingest ? { ingest: parts.ingest } : {}), watches }));
  closers.push(mountSubscriptions(app, deps, watches));
  mountWatchFeed(app, deps.store, watches, deps.config.publicUrl);
  closers.push(await mountEmbeds(app, deps));

  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    const id = Math.random().toString(36).slice(2, 10);
    deps.logger.error({ err, id, path: c.req.path }, 'unhandled error');
    return c.json({ error: 'internal error', id }, 500);
  });
  return {
    app,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
