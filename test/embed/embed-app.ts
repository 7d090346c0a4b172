// An in-process app with only the embed routes over a given store (no network needed).
import { Hono } from 'hono';
import { pino } from 'pino';
import { loadConfig } from '../../api/config.js';
import { mountEmbeds, type EmbedOptions } from '../../api/embed/mount.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import { SCENARIO_DIR } from './fixture-world.js';

/** Builds the app; `env` overrides configuration (e.g. EMBED_FRAME_ANCESTORS), `opts` the embed options (e.g. PNG pool limits). */
export async function embedApp(store: GraphStore, env: Record<string, string> = {}, opts: EmbedOptions = {}) {
  const app = new Hono();
  const config = loadConfig({ DATA_DIR: ':memory:', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const close = await mountEmbeds(
    app,
    { store, snapshots: new SnapshotCache(store, 0), config, logger: pino({ level: 'silent' }) },
    {
      scenarioDir: SCENARIO_DIR,
      // the suites draw many maps one after another; the render budget has its own test
      renderBudget: { budgetMs: 1_000_000, windowMs: 1000 },
      ...opts,
    },
  );
  return { app, close };
}
