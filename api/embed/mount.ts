// Mounts the newsroom embeds on the app: GET /embed/map (HTML), /embed/map.svg, /embed/map.png,
// /oembed and the /embed gallery. Rendered bytes are cached in process by (format, canonical
// parameters, graph version); ETag comes from the same key, so a CDN and this cache agree.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import { InvalidInput, NotFound } from '../../schema/errors.js';
import { loadLibrary, scenarioProblems } from '../../scenarios/scenario-file.js';
import type { AppDeps } from '../server/deps.js';
import { canonicalQuery, LIMITS, linkQuery, parseMapParams, type Format, type MapParams } from './params.js';
import { buildSpec, CONTENT_TYPES, drawMap, pageLayouts } from './render-map.js';
import { errorPage } from './html.js';
import { PinStore, type PinLimits } from './pin-store.js';
import { RenderCache, type Rendered } from './render-cache.js';
import { cacheControl, COMMON_HEADERS, etagMatches, mapCsp } from './http-policy.js';
import { VERSION_HEADER } from '../graphql/http-cache.js';
import { embedSnippet, embedUrlParams, measuresOfPage, oembedResponse, pageMeasures, parsePageMeasures, publicOrigin, type OriginSource, type PageMeasures } from './oembed.js';
import { GALLERY_SCRIPT_HASH, mostDependedOn, renderGallery, type GalleryExample } from './gallery.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { PngRenderPool, RenderBusy, type PngPoolLimits } from './png.js';
import { RenderBudget } from './render-budget.js';

/** Bumped when the drawing changes, so ETags of old renders stop matching. */
const RENDER_REVISION = '3';
const OEMBED_TYPE = 'application/json; charset=utf-8';

export interface EmbedOptions {
  /** scenario library folder (tests point it at fixtures) */
  scenarioDir?: string;
  cache?: RenderCache;
  /** limits of the PNG worker pool (tests make them small) */
  png?: PngPoolLimits;
  /** event-loop time uncached renders may take: `budgetMs` of every `windowMs` */
  renderBudget?: { budgetMs: number; windowMs: number };
  /** bounds of the published renders kept on disk */
  pins?: PinLimits;
}

/** A version the server can no longer draw and has not kept. */
class Gone extends Error {}

/** Errors as JSON, or for the HTML page (inside a reader's iframe) as a small notice page with the same status. */
function errorResponse(c: Context, err: unknown, format: Format | 'json-only' = 'json-only', frameAncestors = '*'): Response {
  const status = err instanceof RenderBusy ? 503 : err instanceof InvalidInput ? 400 : err instanceof NotFound ? 404 : err instanceof Gone ? 409 : 0;
  if (!status) throw err;
  const message = err instanceof RenderBusy ? `busy: ${err.message}` : (err as Error).message;
  const headers: Record<string, string> = { ...COMMON_HEADERS, 'Cache-Control': 'no-store' };
  if (err instanceof RenderBusy) headers['Retry-After'] = String(err.retryAfter);
  if (format === 'html') return c.html(errorPage(message), status as 400, { ...headers, 'Content-Security-Policy': mapCsp('error', frameAncestors) });
  return c.json({ error: message }, status as 400, headers);
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
  const pins = await PinStore.open(deps.config.dataDir, opts.pins);
  const keyOf = (format: Format, version: string, canonical: string, origin: string) =>
    createHash('sha256').update(`${RENDER_REVISION}|${format}|${version}|${canonical}|${origin}`).digest('base64url').slice(0, 32);
  // A pin's key leaves out the renderer revision and the origin: a published map keeps its bytes
  // across upgrades, restarts and a change of address.
  const pinKeyOf = (format: Format | 'measures', version: string, canonical: string) => createHash('sha256').update(`pin|${format}|${version}|${canonical}`).digest('base64url').slice(0, 32);
  const pinOf = (format: Format | 'measures', params: MapParams, version: string) => pinKeyOf(format, version, canonicalQuery(params, format === 'measures' ? 'html' : format));
  const gone = (version: string, current: string, prefix = '') =>
    new Gone(`${prefix}v: graph version ${version} is no longer served and this map was not published at it (current is ${current}); drop v, or pin the current version`);

  // A map at the current version, drawn; the render budget counts its event-loop time.
  const drawNow = (snapshot: Snapshot, params: MapParams, format: Format, origin: string) =>
    budget.run(() => drawMap({ snapshot, store: deps.store, params, format, scenarioDir: opts.scenarioDir, origin }));
  const measuresNow = (snapshot: Snapshot, params: MapParams) =>
    budget.run(async () => {
      const spec = buildSpec(snapshot, params, opts.scenarioDir);
      return pageMeasures(spec, pageLayouts(spec));
    });

  // What a published page keeps beside it, so its links and its oEmbed answer outlive the graph
  // version: the data (CSV, JSON), the image as SVG (a PNG at any scale is rasterised from those
  // bytes, so it matches one drawn at publication), and the measures oEmbed answers from.
  const keepWithPage = async (snapshot: Snapshot, params: MapParams, version: string, origin: string, measures?: PageMeasures) => {
    for (const f of ['csv', 'json', 'svg'] as const) {
      const k = pinOf(f, params, version);
      if (!pins.has(k)) await pins.put(k, (await drawNow(snapshot, params, f, origin)).body);
    }
    const k = pinOf('measures', params, version);
    if (!pins.has(k)) await pins.put(k, Buffer.from(JSON.stringify(measures ?? (await measuresNow(snapshot, params))), 'utf8'));
  };

  /**
   * The bytes of one map in one format: from the cache, else kept on disk (pinned), else drawn
   * (only at the current version; a PNG of a version gone is rasterised from its kept SVG).
   * A map asked for pinned to the current version is published: kept on disk.
   */
  const produce = (snapshot: Snapshot, format: Format, params: MapParams, origin: string, key: string): Promise<Rendered> =>
    cache.getOrRender(key, async () => {
      const current = String(snapshot.version);
      const version = params.v ?? current;
      const pinned = params.v !== undefined;
      const done = (body: Uint8Array): Rendered => ({ body, contentType: CONTENT_TYPES[format], etag: `"${key}"` });
      const kept = pinned ? await pins.get(key) : undefined;
      if (kept) {
        // a page kept before what goes with it was: completed while its version is still current
        if (format === 'html' && version === current) await keepWithPage(snapshot, params, version, origin);
        return done(kept);
      }
      let body: Uint8Array;
      let measures: PageMeasures | undefined;
      if (format === 'png') {
        const svgKey = pinOf('svg', params, version);
        const keptSvg = pinned ? await pins.get(svgKey) : undefined;
        if (!keptSvg && version !== current) throw gone(version, current);
        // a PNG is admitted before its SVG is built, so a full pool refuses at once and costs nothing here
        const release = png.admit();
        try {
          const svg = keptSvg ?? (await drawNow(snapshot, params, 'svg', origin)).body;
          if (pinned && !keptSvg) await pins.put(svgKey, svg);
          body = await png.rasterise(svg, params.scale);
        } finally {
          release();
        }
      } else {
        if (version !== current) throw gone(version, current);
        const drawn = await drawNow(snapshot, params, format, origin);
        body = drawn.body;
        measures = drawn.page && pageMeasures(drawn.page.spec, drawn.page.layouts);
      }
      if (pinned) {
        await pins.put(key, body);
        if (format === 'html') await keepWithPage(snapshot, params, version, origin, measures);
      }
      return done(body);
    });

  // Raw query -> (cache key, headers) for requests already served at this graph version, so a
  // spike on one URL skips parsing, normalising and hashing: two map look-ups and the bytes.
  const hot = new Map<string, { key: string; headers: Record<string, string> }>();
  const HOT_MAX = 5000;
  // The gallery's examples scan the whole graph, read the scenario library and lay each map out: once per snapshot.
  // Their snippets only need the origin: once per snapshot and origin.
  const galleryExamples = new WeakMap<Snapshot, { maps: (Omit<GalleryExample, 'snippet'> & { params: MapParams; measures: PageMeasures })[]; byOrigin: Map<string, GalleryExample[]> }>();

  // Text formats go gzipped to clients that accept it (browsers do): compressed once per cached
  // render, with its own ETag, and Vary so a CDN keeps both forms apart.
  const gzipped = new WeakMap<Rendered, Uint8Array>();
  const encoded = (c: Context, format: Format, headers: Record<string, string>): { gzip: boolean; headers: Record<string, string> } => {
    if (format === 'png') return { gzip: false, headers };
    const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
    if (!gzip) return { gzip, headers: { ...headers, Vary: 'Accept-Encoding' } };
    return { gzip, headers: { ...headers, Vary: 'Accept-Encoding', 'Content-Encoding': 'gzip', ETag: headers.ETag!.replace(/"$/, '-gz"') } };
  };
  const respond = (c: Context, format: Format, rendered: Rendered, plain: Record<string, string>) => {
    const { gzip, headers } = encoded(c, format, plain);
    if (etagMatches(c.req.header('if-none-match'), headers.ETag!)) return c.body(null, 304, headers);
    let body = rendered.body;
    if (gzip) {
      body = gzipped.get(rendered) ?? gzipSync(rendered.body);
      gzipped.set(rendered, body);
    }
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
  };

  const serveMap = (format: Format) => async (c: Context) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    const snapshot = await deps.snapshots.get();
    const current = String(snapshot.version);
    const origin = originOf(c, deps.config.publicUrl);
    const hotKey = `${format}\n${current}\n${origin}\n${rawQuery}`;
    const known = hot.get(hotKey);
    const cachedBytes = known && cache.get(known.key);
    if (known && cachedBytes) return respond(c, format, cachedBytes, known.headers);

    let params: MapParams;
    try {
      params = parseMapParams(new URLSearchParams(rawQuery));
    } catch (err) {
      return errorResponse(c, err, format, deps.config.frameAncestors);
    }
    const canonical = canonicalQuery(params, format);
    const version = params.v ?? current;
    const pinned = params.v !== undefined;
    const key = pinned ? pinKeyOf(format, version, canonical) : keyOf(format, version, canonical, origin);
    const headers: Record<string, string> = {
      ...COMMON_HEADERS,
      'Content-Type': CONTENT_TYPES[format],
      'Content-Security-Policy': mapCsp(format, deps.config.frameAncestors),
      'Cache-Control': cacheControl(pinned),
      ETag: `"${key}"`,
      [VERSION_HEADER]: version,
    };
    if (format !== 'html') headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
    if (format === 'csv' || format === 'json') headers['Access-Control-Allow-Origin'] = '*';
    const early = encoded(c, format, headers).headers;
    if (etagMatches(c.req.header('if-none-match'), early.ETag!)) return c.body(null, 304, early);
    let rendered: Rendered;
    try {
      rendered = await produce(snapshot, format, params, origin, key);
    } catch (err) {
      return errorResponse(c, err, format, deps.config.frameAncestors);
    }
    if (hot.size >= HOT_MAX) hot.clear();
    hot.set(hotKey, { key, headers });
    return respond(c, format, rendered, headers);
  };

  app.get('/embed/map', serveMap('html'));
  app.get('/embed/map.svg', serveMap('svg'));
  app.get('/embed/map.png', serveMap('png'));
  app.get('/embed/map.csv', serveMap('csv'));
  app.get('/embed/map.json', serveMap('json'));

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
      // The snippet handed out is pinned: to the version asked for, else the current one.
      const current = String(snapshot.version);
      const v = params.v ?? current;
      const pinnedParams = { ...params, v };
      // The answer depends only on these, so the map is built and laid out once per graph version.
      const key = `oembed|${RENDER_REVISION}|${current}|${linkQuery(pinnedParams)}|${origin}|${maxwidth}|${maxheight}`;
      const rendered = await cache.getOrRender(key, async () => {
        if (v === current) {
          // publish now: a reader may first load the code handed out after the graph has moved on
          if (pins.durable) await produce(snapshot, 'html', pinnedParams, origin, pinOf('html', pinnedParams, v));
        } else if (!pins.has(pinOf('html', pinnedParams, v))) throw gone(v, current, 'url: ');
        // title and height as published (an old version's come from what was kept with its page)
        const kept = await pins.get(pinOf('measures', pinnedParams, v));
        let measures = kept && parsePageMeasures(kept);
        if (!measures && v !== current) {
          const page = await pins.get(pinOf('html', pinnedParams, v));
          measures = page && measuresOfPage(Buffer.from(page).toString('utf8'));
        }
        if (!measures && v === current) measures = await measuresNow(snapshot, params);
        if (!measures) throw gone(v, current, 'url: ');
        // the thumbnail: the image at the oEmbed width, drawn (and kept) now or kept with an old version
        const thumbWidth = Math.min(LIMITS.width.default, Math.max(LIMITS.width.min, maxwidth ?? LIMITS.width.default));
        const thumbParams = { ...pinnedParams, width: thumbWidth, scale: 1, theme: params.theme === 'dark' ? ('dark' as const) : ('light' as const) };
        let thumbnail: { url: string; width: number; height: number } | undefined;
        try {
          const svg = await produce(snapshot, 'svg', thumbParams, origin, pinOf('svg', thumbParams, v));
          const height = Number(/<svg[^>]* height="(\d+)"/.exec(Buffer.from(svg.body).toString('utf8'))?.[1] ?? 0);
          thumbnail = { url: `${origin}/embed/map.png?${linkQuery(thumbParams, { scale: '1' })}`, width: thumbWidth, height };
        } catch (err) {
          // an old version kept no image at this width: no thumbnail (oEmbed makes it optional)
          if (!(err instanceof Gone)) throw err;
        }
        const body = JSON.stringify(oembedResponse({ origin, params: pinnedParams, measures, maxwidth, maxheight, thumbnail }));
        return { body: Buffer.from(body, 'utf8'), contentType: OEMBED_TYPE, etag: '' };
      });
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
    let gallery = galleryExamples.get(snapshot);
    if (!gallery) {
      // The codes handed out are pinned to this graph version, so a published map stays as published.
      const v = String(snapshot.version);
      const focus = mostDependedOn(snapshot, 3).map((id) => ({ title: `Around ${snapshot.names.at(snapshot.indexOf(id)!)}`, query: new URLSearchParams({ focus: id, v }).toString() }));
      // Only scenarios whose entities are all in this graph make working examples.
      const scenarios = loadLibrary(opts.scenarioDir)
        .scenarios.filter((s) => scenarioProblems(snapshot, s).length === 0)
        .slice(0, 3)
        .map((s) => ({ title: s.title, query: new URLSearchParams({ scenario: s.name, v }).toString() }));
      const maps = [...focus, ...scenarios].map((ex) => {
        const params = parseMapParams(new URLSearchParams(ex.query));
        const spec = buildSpec(snapshot, params, opts.scenarioDir);
        return { ...ex, params, measures: pageMeasures(spec, pageLayouts(spec)) };
      });
      gallery = { maps, byOrigin: new Map() };
      galleryExamples.set(snapshot, gallery);
    }
    let examples = gallery.byOrigin.get(origin);
    if (!examples) {
      examples = gallery.maps.map(({ title, query, params, measures }) => ({ title, query, snippet: embedSnippet({ origin, params, measures }).html }));
      gallery.byOrigin.set(origin, examples);
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
