// Mounts the newsroom embeds on the app: GET /embed/map (HTML), /embed/map.svg, /embed/map.png,
// /oembed and the /embed gallery. Rendered bytes are cached in process by (format, canonical
// parameters, graph version); ETag comes from the same key, so a CDN and this cache agree.
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { InvalidInput, NotFound } from '../../schema/errors.js';
import { loadLibrary, scenarioProblems } from '../../scenarios/scenario-file.js';
import type { AppDeps } from '../server/deps.js';
import { canonicalQuery, linkQuery, parseMapParams, type Format, type MapParams } from './params.js';
import { buildSpec, CONTENT_TYPES, renderMap } from './render-map.js';
import { RenderCache, type Rendered } from './render-cache.js';
import { cacheControl, COMMON_HEADERS, etagMatches, mapCsp } from './http-policy.js';
import { embedUrlParams, oembedResponse, publicOrigin, type OriginSource } from './oembed.js';
import { layoutMap } from './layout.js';
import { GALLERY_SCRIPT_HASH, mostDependedOn, renderGallery, type GalleryExample } from './gallery.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { PngRenderPool, RenderBusy, type PngPoolLimits } from './png.js';
import { RenderBudget } from './render-budget.js';

/** Bumped when the drawing changes, so ETags of old renders stop matching. */
const RENDER_REVISION = '1';
const OEMBED_TYPE = 'application/json; charset=utf-8';

export interface EmbedOptions {
  /** scenario library folder (tests point it at fixtures) */
  scenarioDir?: string;
  cache?: RenderCache;
  /** limits of the PNG worker pool (tests make them small) */
  png?: PngPoolLimits;
  /** event-loop time uncached renders may take: `budgetMs` of every `windowMs` */
  renderBudget?: { budgetMs: number; windowMs: number };
}

function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof RenderBusy) return c.json({ error: `busy: ${err.message}` }, 503, { ...COMMON_HEADERS, 'Cache-Control': 'no-store', 'Retry-After': String(err.retryAfter) });
  const status = err instanceof InvalidInput ? 400 : err instanceof NotFound ? 404 : 0;
  if (!status) throw err;
  return c.json({ error: (err as Error).message }, status, { ...COMMON_HEADERS, 'Cache-Control': 'no-store' });
}

/** The public origin: PUBLIC_URL when configured, else the address the request arrived on (never its Host header). */
function originOf(c: Context, publicUrl: string | undefined): string {
  return publicOrigin({ publicUrl, socket: (c.env as { incoming?: { socket?: OriginSource['socket'] } } | undefined)?.incoming?.socket });
}

/** Adds the embed routes; resolves to a closer for anything they started. */
export async function mountEmbeds(app: Hono, deps: AppDeps, opts: EmbedOptions = {}): Promise<() => Promise<void>> {
  const cache = opts.cache ?? new RenderCache();
  const png = new PngRenderPool(opts.png);
  const budget = new RenderBudget(opts.renderBudget?.budgetMs, opts.renderBudget?.windowMs);
  const keyOf = (format: Format, version: string, canonical: string) => createHash('sha256').update(`${RENDER_REVISION}|${format}|${version}|${canonical}`).digest('base64url').slice(0, 32);

  // Raw query -> (cache key, headers) for requests already served at this graph version, so a
  // spike on one URL skips parsing, normalising and hashing: two map look-ups and the bytes.
  const hot = new Map<string, { key: string; headers: Record<string, string> }>();
  const HOT_MAX = 5000;
  // The gallery's examples scan the whole graph and read the scenario library: once per snapshot.
  const galleryExamples = new WeakMap<Snapshot, GalleryExample[]>();

  const respond = (c: Context, rendered: Rendered, headers: Record<string, string>) =>
    etagMatches(c.req.header('if-none-match'), headers.ETag!) ? c.body(null, 304, headers) : c.body(rendered.body as Uint8Array<ArrayBuffer>, 200, headers);

  const serveMap = (format: Format) => async (c: Context) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    const snapshot = await deps.snapshots.get();
    const current = String(snapshot.version);
    const hotKey = `${format}\n${current}\n${rawQuery}`;
    const known = hot.get(hotKey);
    const cachedBytes = known && cache.get(known.key);
    if (known && cachedBytes) return respond(c, cachedBytes, known.headers);

    let params: MapParams;
    try {
      params = parseMapParams(new URLSearchParams(rawQuery));
    } catch (err) {
      return errorResponse(c, err);
    }
    const canonical = canonicalQuery(params, format);
    const version = params.v ?? current;
    const key = keyOf(format, version, canonical);
    const headers: Record<string, string> = {
      ...COMMON_HEADERS,
      'Content-Type': CONTENT_TYPES[format],
      'Content-Security-Policy': mapCsp(format, deps.config.frameAncestors),
      'Cache-Control': cacheControl(params.v !== undefined),
      ETag: `"${key}"`,
      'X-Graph-Version': version,
    };
    if (format !== 'html') headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
    let rendered: Rendered | undefined;
    if (version !== current) {
      // A pinned version that is no longer current is served only from this process's cache.
      rendered = cache.get(key);
      if (!rendered)
        return c.json({ error: `v: graph version ${version} is no longer served (current is ${current}); drop v, or pin with asOf=YYYY-MM-DD` }, 409, {
          ...COMMON_HEADERS,
          'Cache-Control': 'no-store',
        });
    }
    if (etagMatches(c.req.header('if-none-match'), headers.ETag!)) return c.body(null, 304, headers);
    try {
      rendered ??= await cache.getOrRender(key, async () => {
        // a PNG is admitted before its SVG is built, so a full pool refuses at once and costs nothing here
        const release = format === 'png' ? png.admit() : null;
        try {
          const drawn = await budget.run(() => renderMap({ snapshot, store: deps.store, params, format: release ? 'svg' : format, scenarioDir: opts.scenarioDir }));
          return { body: release ? await png.rasterise(drawn, params.scale) : drawn, contentType: CONTENT_TYPES[format], etag: headers.ETag! };
        } finally {
          release?.();
        }
      });
    } catch (err) {
      return errorResponse(c, err);
    }
    if (hot.size >= HOT_MAX) hot.clear();
    hot.set(hotKey, { key, headers });
    return respond(c, rendered, headers);
  };

  app.get('/embed/map', serveMap('html'));
  app.get('/embed/map.svg', serveMap('svg'));
  app.get('/embed/map.png', serveMap('png'));

  app.get('/oembed', async (c) => {
    const origin = originOf(c, deps.config.publicUrl);
    try {
      const format = c.req.query('format');
      if (format !== undefined && format !== 'json') return c.json({ error: `format: only json is offered, got "${format.slice(0, 20)}"` }, 501, { ...COMMON_HEADERS, 'Cache-Control': 'no-store' });
      const params = embedUrlParams(c.req.query('url'), origin);
      const dim = (name: 'maxwidth' | 'maxheight'): number | undefined => {
        const raw = c.req.query(name);
        if (raw === undefined) return undefined;
        if (!/^\d{1,5}$/.test(raw) || Number(raw) < 100) throw new InvalidInput(`${name}: expected a whole number of pixels ≥ 100, got "${raw.slice(0, 20)}"`);
        return Number(raw);
      };
      const maxwidth = dim('maxwidth');
      const maxheight = dim('maxheight');
      const snapshot = await deps.snapshots.get();
      // The answer depends only on these, so the map is built and laid out once per graph version.
      const key = `oembed|${RENDER_REVISION}|${snapshot.version}|${linkQuery(params)}|${origin}|${maxwidth}|${maxheight}`;
      const rendered = await cache.getOrRender(key, () =>
        budget.run(async () => {
          const spec = buildSpec(snapshot, params, opts.scenarioDir);
          const layouts = { wide: layoutMap(spec, 'wide'), medium: layoutMap(spec, 'medium'), narrow: layoutMap(spec, 'narrow') };
          const body = JSON.stringify(oembedResponse({ origin, params, spec, layouts, maxwidth, maxheight }));
          return { body: Buffer.from(body, 'utf8'), contentType: OEMBED_TYPE, etag: '' };
        }),
      );
      return c.body(rendered.body as Uint8Array<ArrayBuffer>, 200, {
        ...COMMON_HEADERS,
        'Content-Type': OEMBED_TYPE,
        'Cache-Control': cacheControl(false),
        'Access-Control-Allow-Origin': '*',
      });
    } catch (err) {
      return errorResponse(c, err);
    }
  });

  app.get('/embed', async (c) => {
    const origin = originOf(c, deps.config.publicUrl);
    const snapshot = await deps.snapshots.get();
    let examples = galleryExamples.get(snapshot);
    if (!examples) {
      const focus = mostDependedOn(snapshot, 3).map((id) => ({ title: `Around ${snapshot.names[snapshot.indexOf(id)!]}`, query: new URLSearchParams({ focus: id }).toString() }));
      // Only scenarios whose entities are all in this graph make working examples.
      const scenarios = loadLibrary(opts.scenarioDir)
        .scenarios.filter((s) => scenarioProblems(snapshot, s).length === 0)
        .slice(0, 3)
        .map((s) => ({ title: s.title, query: new URLSearchParams({ scenario: s.name }).toString() }));
      examples = [...focus, ...scenarios];
      galleryExamples.set(snapshot, examples);
    }
    return c.html(renderGallery(origin, examples), 200, {
      ...COMMON_HEADERS,
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src 'self' data:; script-src ${GALLERY_SCRIPT_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
      'Cache-Control': cacheControl(false),
    });
  });

  return async () => {
    hot.clear();
    cache.clear();
    await png.close();
  };
}
