import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { GraphStore } from '../../graph/store.js';
import { fixtureStore, HOSTILE } from './fixture-world.js';
import { embedApp } from './embed-app.js';
import { HEIGHT_SCRIPT_HASH } from '../../api/embed/height-script.js';

let store: GraphStore;
let app: Hono;
const ORIGIN = 'http://localhost';
const get = (path: string, headers: Record<string, string> = {}) => app.request(`${ORIGIN}${path}`, { headers });
/** The error an answer carries: JSON for images, data and oEmbed; a notice page for the HTML map. */
const errorOf = async (r: Response): Promise<string> => {
  if (r.headers.get('content-type')!.startsWith('text/html')) {
    const html = await r.text();
    expect(html).toContain('role="alert"');
    return /<p>([^<]*)<\/p>/.exec(html)![1]!.replace(/&quot;/g, '"');
  }
  return ((await r.json()) as { error: string }).error;
};
const text = async (path: string) => {
  const r = await get(path);
  expect(r.status, path).toBe(200);
  return r.text();
};

beforeAll(async () => {
  store = await fixtureStore();
  ({ app } = await embedApp(store, { EMBED_FRAME_ANCESTORS: 'https://news.example https://*.example.org' }));
});
afterAll(async () => store.close());

describe('escaping a hostile entity name', () => {
  const escaped = '&lt;img src=x onerror=alert(1)&gt;';
  it('shows it as text in the HTML page, its SVG and its alt text', async () => {
    const html = await text('/embed/map?focus=chip:test-h20');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain(escaped);
    expect(/<desc id="w-desc">([^<]*)<\/desc>/.exec(html)![1]).toContain('3 deployments in China depend on NVIDIA H20');
    const own = await text('/embed/map?focus=deployment:test-hostile');
    const desc = /<desc id="w-desc">([^<]*)<\/desc>/.exec(own)![1]!;
    expect(desc).toContain(`Nothing on this map depends on ${escaped}`);
    expect(/<title>([^<]*)<\/title>/.exec(own)![1]).toContain(escaped);
  });
  it('shows it as text in the standalone SVG and in the hostile source title', async () => {
    const svg = await text('/embed/map.svg?focus=chip:test-h20');
    expect(svg).not.toContain(HOSTILE);
    expect(svg).toContain(escaped);
    const page = await text('/embed/map?focus=deployment:test-hostile');
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain(`Report on the H20 ${escaped}`);
  });
  it('escapes it in the oEmbed snippet', async () => {
    const r = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/map?focus=deployment:test-hostile`)}`);
    const body = (await r.json()) as { html: string; title: string };
    expect(body.title).toContain(HOSTILE); // JSON carries the raw title; the snippet escapes it
    expect(body.html).not.toContain(HOSTILE);
    expect(body.html).toContain(escaped);
  });
});

describe('determinism and caching', () => {
  it('gives the same bytes for the same request, in every format', async () => {
    for (const path of ['/embed/map?focus=chip:test-h20', '/embed/map.svg?focus=chip:test-h20&width=375', '/embed/map.png?focus=chip:test-h20&scale=1', '/embed/map?scenario=test-h20-ban']) {
      const a = Buffer.from(await (await get(path)).arrayBuffer());
      const { app: fresh } = await embedApp(store);
      const b = Buffer.from(await (await fresh.request(`${ORIGIN}${path}`)).arrayBuffer());
      expect(a.equals(b), path).toBe(true);
    }
  });
  it('sends an ETag and answers a matching If-None-Match with 304', async () => {
    const r = await get('/embed/map.svg?focus=chip:test-h20');
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(r.headers.get('cache-control')).toContain('stale-while-revalidate');
    const again = await get('/embed/map.svg?focus=chip:test-h20', { 'If-None-Match': `W/${etag}, "other"` });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const other = await get('/embed/map.svg?focus=chip:test-h20&theme=dark', { 'If-None-Match': etag });
    expect(other.status).toBe(200);
  });
  it('sends text formats gzipped to clients that accept it, with their own ETag and Vary', async () => {
    for (const path of ['/embed/map?focus=chip:test-h20', '/embed/map.svg?focus=chip:test-h20', '/embed/map.csv?focus=chip:test-h20']) {
      const plain = await get(path);
      const zipped = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(zipped.headers.get('content-encoding'), path).toBe('gzip');
      expect(plain.headers.get('content-encoding'), path).toBeNull();
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
      expect(plain.headers.get('vary')).toBe('Accept-Encoding');
      const raw = Buffer.from(await zipped.arrayBuffer());
      expect(gunzipSync(raw).equals(Buffer.from(await plain.arrayBuffer())), path).toBe(true);
      expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag')!.replace(/"$/, '-gz"'));
      const again = await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers.get('etag')! });
      expect(again.status).toBe(304);
    }
    const png = await get('/embed/map.png?focus=chip:test-h20&scale=1', { 'Accept-Encoding': 'gzip' });
    expect(png.headers.get('content-encoding')).toBeNull();
  });
  it('reads the earlier layout parameter as a width, and width over it', async () => {
    const a = await get('/embed/map.svg?focus=chip:test-h20&layout=narrow');
    const b = await get('/embed/map.svg?focus=chip:test-h20&width=340');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    expect(await a.text()).toContain('width="340"');
    expect((await get('/embed/map.svg?focus=chip:test-h20&layout=tiny')).status).toBe(400);
    expect((await get('/embed/map.svg?focus=chip:test-h20&width=90')).status).toBe(400);
  });
  it('keys on normalised parameters: order, defaults and unknown tags do not change the ETag', async () => {
    const a = await get('/embed/map?focus=chip:test-h20&depth=2&theme=auto');
    const b = await get('/embed/map?utm_source=x&theme=auto&focus=chip:test-h20');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });
});

describe('pinning', () => {
  it('leaves out relations not valid on asOf', async () => {
    const now = await text('/embed/map.svg?focus=deployment:test-city');
    const then = await text('/embed/map.svg?focus=deployment:test-city&asOf=2026-01-01');
    expect(now).toContain('Retired Accelerator');
    expect(then).not.toContain('Retired Accelerator');
    expect(then).toContain('Relations valid on 2026-01-01');
  });
  it('serves the current version when v names it, immutable, and 409 for a version it no longer has', async () => {
    const version = String((await store.readAll()).version);
    const pinned = await get(`/embed/map.svg?focus=chip:test-h20&v=${version}`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toContain('immutable');
    const old = await get('/embed/map.svg?focus=chip:test-h20&v=999999');
    expect(old.status).toBe(409);
    expect(((await old.json()) as { error: string }).error).toMatch(/^v: graph version 999999/);
  });
});

describe('data behind a map', () => {
  it('offers CSV and JSON of exactly what is drawn, with sources, linked from the page', async () => {
    const html = await text('/embed/map?focus=chip:test-h20');
    expect(html).toContain('href="/embed/map.csv?focus=chip%3Atest-h20"');
    expect(html).toContain('href="/embed/map.json?focus=chip%3Atest-h20"');
    const json = JSON.parse(await text('/embed/map.json?focus=chip:test-h20')) as {
      nodes: { id: string }[];
      edges: { from: string; relation: string; to: string; sources: { quote: string; url: string }[] }[];
    };
    const svg = await text('/embed/map.svg?focus=chip:test-h20');
    // as many boxes and lines as the drawing has
    expect(json.nodes.length).toBe((svg.match(/<rect width="[\d.]+" height="[\d.]+" rx="5"/g) ?? []).length);
    expect(json.edges.length).toBe((svg.match(/marker-end=/g) ?? []).length);
    const bank = json.edges.find((e) => e.from === 'deployment:test-bank' && e.to === 'chip:test-h20')!;
    expect(bank.relation).toBe('runs on');
    expect(bank.sources).toEqual([expect.objectContaining({ quote: 'deployment:test-bank RUNS_ON chip:test-h20', url: 'https://example.org/h20-report' })]);
    const csv = await text('/embed/map.csv?focus=chip:test-h20');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('from_id,from_name,relation,to_id,to_name,proposed,source_document,source_url,quote,observed_at');
    expect(lines).toContain(
      'deployment:test-bank,Bank assistant with a rather long name that will not fit,runs on,chip:test-h20,NVIDIA H20,no,Report on the H20 <img src=x onerror=alert(1)>,https://example.org/h20-report,deployment:test-bank RUNS_ON chip:test-h20,2026-04-20',
    );
  });
  it('opens a panel source per node and edge, and a data table, all escaped', async () => {
    const html = await text('/embed/map?focus=chip:test-h20');
    const data = JSON.parse(/<script type="application\/json" id="map-data">([^<]*)<\/script>/.exec(html)![1]!) as {
      n: { h: string; r: number[] }[];
      e: { h: string; s: [string, string | null, string, string | null][] }[];
    };
    const bank = data.e.find((e) => e.h.startsWith('Bank assistant'))!;
    expect(bank.s).toEqual([[`Report on the H20 ${HOSTILE}`, 'https://example.org/h20-report', '2026-04-20', 'deployment:test-bank RUNS_ON chip:test-h20']]);
    expect(data.n[0]!.r.length).toBeGreaterThan(0);
    // the hostile name reaches the data block as text, never able to close the element
    expect(html).toContain('\\u003cimg src=x onerror=alert(1)>');
    expect(html).toContain('<summary>Data table</summary>');
    expect(html).toContain('<th scope="col">Sources</th>');
    expect(html).toContain('Map: chokepoint');
    expect(html).not.toContain(HOSTILE);
  });
});

describe('headers', () => {
  it('sends a strict CSP with the script hash and the configured frame-ancestors, nosniff, no cookies', async () => {
    const r = await get('/embed/map?focus=chip:test-h20');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${HEIGHT_SCRIPT_HASH}`);
    expect(csp).toContain('frame-ancestors https://news.example https://*.example.org');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBeTruthy();
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
  it('serves PNG bytes', async () => {
    const r = await get('/embed/map.png?focus=chip:test-h20&scale=1');
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await r.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});

describe('errors name what is wrong', () => {
  it.each([
    ['/embed/map?focus=chip:nope', 404, 'focus: no entity with id "chip:nope"'],
    ['/embed/map', 400, 'focus: required'],
    ['/embed/map?focus=chip:test-h20&depth=0', 400, 'depth:'],
    ['/embed/map?focus=chip:test-h20&theme=pink', 400, 'theme:'],
    ['/embed/map?focus=chip:test-h20&asOf=2026-13-45', 400, 'asOf:'],
    ['/embed/map?focus=not-an-id', 400, 'focus:'],
    ['/embed/map?focus=chip:test-h20&focus=chip:test-h20', 400, 'focus: given 2 times'],
    ['/embed/map?scenario=no-such-scenario', 404, 'unknown scenario "no-such-scenario"'],
    ['/embed/map.svg?scenario=test-h20-ban&focus=chip:nope', 404, 'focus: no entity'],
  ])('%s -> %i', async (path, status, message) => {
    const r = await get(path);
    expect(r.status).toBe(status);
    expect(await errorOf(r)).toContain(message);
  });
  it('shows an error inside the iframe as a small HTML notice under a CSP with no script', async () => {
    const r = await get('/embed/map?focus=chip:nope');
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('content-security-policy')).not.toContain('script-src');
    const html = await r.text();
    expect(html).toContain('This map cannot be shown.');
    expect(html).not.toContain('<script');
  });
  it('escapes a hostile id in the notice', async () => {
    const r = await get(`/embed/map?focus=${encodeURIComponent('chip:<b>x</b>')}`);
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain('chip:&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
  });
});

describe('scenario maps', () => {
  it('colours what breaks and explains it, in the alt text too', async () => {
    const html = await text('/embed/map?scenario=test-h20-ban&focus=chip:test-h20');
    expect(html).toContain('A test H20 export ban: what breaks through NVIDIA H20');
    expect(html).toContain('3 deployments in China depend on NVIDIA H20. Under A test H20 export ban, 2 deployments would break and 1 deployment would be degraded.');
    // status in shape and word: an icon per status, its word in the box and the legend
    expect(html).toContain('class="s-BROKEN-fill"');
    expect(html).toContain('>breaks</text>');
    expect(html).toContain('>degraded</text>');
    expect(html).toContain('hit by the scenario');
    // the shock heads the map and each broken deployment shows its first mitigation
    expect(html).toContain('2 deployments break and 1 is degraded once NVIDIA H20 is hit');
    expect(html).toContain('could move to (first mitigation)');
  });
  it('draws the shock in the top row of a scenario map', async () => {
    const svg = await text('/embed/map.svg?scenario=test-h20-ban');
    const ys = [...svg.matchAll(/<g transform="translate\(([\d.]+),([\d.]+)\)"><title>([^<]*)<\/title>/g)].map((m) => ({ y: Number(m[2]), title: m[3]! }));
    const shock = ys.find((n) => n.title.startsWith('NVIDIA H20'))!;
    expect(shock.y).toBe(Math.min(...ys.map((n) => n.y)));
  });
});

describe('oEmbed', () => {
  it('answers rich JSON with an iframe for this server’s map URL', async () => {
    const url = `${ORIGIN}/embed/map?focus=chip:test-h20&theme=dark`;
    const r = await get(`/oembed?url=${encodeURIComponent(url)}&maxwidth=500`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'chokepoint', width: 500 });
    expect(body.height).toBeGreaterThan(200);
    // pinned to the current graph version by default; one map without JavaScript (no noscript copy)
    const version = String((await store.readAll()).version);
    expect(body.html).toContain(`<iframe src="${ORIGIN}/embed/map?focus=chip%3Atest-h20&amp;theme=dark&amp;v=${version}"`);
    expect(body.html).not.toContain('<noscript>');
    expect(body.thumbnail_url).toBe(`${ORIGIN}/embed/map.png?focus=chip%3Atest-h20&theme=dark&width=500&v=${version}&scale=1`);
    expect(body.thumbnail_width).toBe(500);
    expect(body.thumbnail_height).toBeGreaterThan(100);
    const thumb = await get(new URL(body.thumbnail_url as string).pathname + new URL(body.thumbnail_url as string).search);
    expect(thumb.status).toBe(200);
  });
  it('honours maxwidth and maxheight', async () => {
    const url = encodeURIComponent(`${ORIGIN}/embed/map?focus=chip:test-h20`);
    for (const [mw, mh] of [
      [320, undefined],
      [680, 300],
      [1200, undefined],
      [150, 150],
    ] as const) {
      const body = (await (await get(`/oembed?url=${url}&maxwidth=${mw}${mh ? `&maxheight=${mh}` : ''}`)).json()) as { width: number; height: number; html: string };
      expect(body.width).toBeLessThanOrEqual(mw);
      if (mh) expect(body.height).toBeLessThanOrEqual(mh);
      expect(body.html).toContain(`width="${body.width}" height="${body.height}"`);
      // a clipped frame scrolls rather than hiding the rest of the map
      if (mh === 300) expect(body.html).toContain('scrolling="yes"');
    }
    const wide = (await (await get(`/oembed?url=${url}`)).json()) as { width: number };
    expect(wide.width).toBe(680);
  });
  it('is discoverable from the map page', async () => {
    const html = await text('/embed/map?focus=chip:test-h20');
    expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/map?focus=chip%3Atest-h20`)}"`);
  });
  it('answers a repeated request with the same JSON, and a new maxwidth with a new width', async () => {
    const url = encodeURIComponent(`${ORIGIN}/embed/map?focus=chip:test-h20`);
    const first = await get(`/oembed?url=${url}&maxwidth=600`);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const again = await get(`/oembed?url=${url}&maxwidth=600`);
    expect(await again.text()).toBe(await first.text());
    const narrower = (await (await get(`/oembed?url=${url}&maxwidth=400`)).json()) as { width: number };
    expect(narrower.width).toBe(400);
  });
  it('refuses foreign URLs, bad map parameters and non-JSON formats', async () => {
    const foreign = await get(`/oembed?url=${encodeURIComponent('https://evil.example/embed/map?focus=chip:test-h20')}`);
    expect(foreign.status).toBe(404);
    const bad = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/map?focus=chip:test-h20&depth=99`)}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^url: depth:/);
    expect((await get('/oembed')).status).toBe(400);
    expect((await get(`/oembed?format=xml&url=${encodeURIComponent(`${ORIGIN}/embed/map?focus=chip:test-h20`)}`)).status).toBe(501);
  });
});

describe('gallery', () => {
  it('lists example maps from the graph with embed codes, under a CSP', async () => {
    const r = await get('/embed');
    const html = await r.text();
    const version = String((await store.readAll()).version);
    // the codes handed out are pinned
    expect(html).toContain(`/embed/map?focus=chip%3Atest-h20&amp;v=${version}`);
    expect(html).not.toContain('height="520"');
    expect(html).toContain('/oembed?url=');
    expect(html).toContain('datawrapper-height');
    expect(r.headers.get('content-security-policy')).toContain("frame-src 'self'");
  });
  it('gives the same page again for the same graph version', async () => {
    expect(await text('/embed')).toBe(await text('/embed'));
  });
});
