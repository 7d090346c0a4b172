// Pins that last: a map published pinned (`v=…`) answers the same bytes after a later write to
// the graph and after the server restarts on the same data directory (start, publish, write,
// restart, compare bytes). The data behind a published page is kept with it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import { loadConfig } from '../../api/config.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { writeFixture, writeLaterFact } from './fixture-world.js';
import { PinStore } from '../../api/embed/pin-store.js';
import { embedApp } from './embed-app.js';

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-pins-'));
const config = () => loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_ON_START: 'false' });
let server: RunningServer | undefined;
let store: GraphStore | undefined;

async function start(): Promise<RunningServer> {
  store = await openEmbeddedStore({ dataDir: dir });
  server = await startServer(config(), { store });
  return server;
}
async function stop(): Promise<void> {
  await server?.stop();
  await store?.close();
  server = undefined;
  store = undefined;
}
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

const bytes = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: Buffer.from(await r.arrayBuffer()), version: r.headers.get('x-graph-version') };
};

describe('a pinned embed', () => {
  it('renders byte-identically after a later write and after a restart', async () => {
    let s = await start();
    await writeFixture(store!);
    const v = String((await store!.readAll()).version);
    // the server serves the version it has caught up with: publish once it has
    for (let i = 0; i < 50 && (await bytes(`${s.url}/embed/map.svg?focus=chip:test-h20&width=375`)).version !== v; i++) await new Promise((r) => setTimeout(r, 100));
    const paths = ['/embed/map?focus=chip:test-h20', '/embed/map.svg?focus=chip:test-h20&width=375', '/embed/map.png?focus=chip:test-h20&scale=1', '/embed/map?focus=deployment:test-bank&theme=dark'];
    const published = new Map<string, Buffer>();
    for (const p of paths) {
      const r = await bytes(`${s.url}${p}&v=${v}`);
      expect(r.status, p).toBe(200);
      published.set(p, r.body);
    }

    // a later write moves the graph on: the unpinned map changes, the pinned ones do not
    await writeLaterFact(store!);
    const later = String((await store!.readAll()).version);
    expect(later).not.toBe(v);
    let current = '';
    for (let i = 0; i < 50 && current !== later; i++) {
      current = (await bytes(`${s.url}/embed/map.svg?focus=chip:test-h20&width=375`)).version!;
      if (current !== later) await new Promise((r) => setTimeout(r, 100));
    }
    expect(current).toBe(later);
    expect((await bytes(`${s.url}/embed/map.svg?focus=chip:test-h20&width=375`)).body.toString()).toContain('Port logistics planner');
    for (const p of paths) expect((await bytes(`${s.url}${p}&v=${v}`)).body.equals(published.get(p)!), p).toBe(true);

    // restart on the same data directory (a new process would see the same files)
    await stop();
    s = await start();
    for (const p of paths) {
      const r = await bytes(`${s.url}${p}&v=${v}`);
      expect(r.status, p).toBe(200);
      expect(r.body.equals(published.get(p)!), p).toBe(true);
      expect(r.body.toString('latin1')).not.toContain('Port logistics planner');
    }
    // the data of a published page was kept with it, though no one asked for it before the restart
    const csv = await bytes(`${s.url}/embed/map.csv?focus=chip:test-h20&v=${v}`);
    expect(csv.status).toBe(200);
    expect(csv.body.toString()).toContain('deployment:test-bank');
    expect(csv.body.toString()).not.toContain('deployment:test-late');

    // a map never published at that version cannot be drawn as it was: a notice, not raw JSON
    const never = await fetch(`${s.url}/embed/map?focus=deployment:test-city&v=${v}`);
    expect(never.status).toBe(409);
    expect(never.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await never.text()).toContain(`v: graph version ${v} is no longer served`);
  }, 60_000);
});

describe('a published page, asked for in other forms only after the graph moved on and the server restarted', () => {
  const PUBLIC_URL = 'https://maps.example.org';
  const pageDir = mkdtempSync(join(tmpdir(), 'chokepoint-pins-page-'));
  const pageConfig = () => loadConfig({ DATA_DIR: pageDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_ON_START: 'false', PUBLIC_URL });
  let pageServer: RunningServer | undefined;
  let pageStore: GraphStore | undefined;
  const up = async () => {
    pageStore = await openEmbeddedStore({ dataDir: pageDir });
    pageServer = await startServer(pageConfig(), { store: pageStore });
    return pageServer;
  };
  const down = async () => {
    await pageServer?.stop();
    await pageStore?.close();
    pageServer = pageStore = undefined;
  };
  afterAll(async () => {
    await down();
    rmSync(pageDir, { recursive: true, force: true });
  });
  const caughtUp = async (s: RunningServer, version: string) => {
    for (let i = 0; i < 50 && (await bytes(`${s.url}/embed/map.csv?focus=chip:test-h20`)).version !== version; i++) await new Promise((r) => setTimeout(r, 100));
  };

  it('answers its SVG, its PNG (at any scale) and its oEmbed as they were at publication', async () => {
    let s = await up();
    await writeFixture(pageStore!);
    const v = String((await pageStore!.readAll()).version);
    await caughtUp(s, v);
    const map = `focus=chip:test-h20&v=${v}`;
    const embedUrl = (extra = '') => `/oembed?url=${encodeURIComponent(`${PUBLIC_URL}/embed/map?${map}`)}${extra}`;

    // what these would have been at publication, drawn by a server that keeps nothing
    const reference = await embedApp(pageStore!, { PUBLIC_URL });
    const at = async (path: string) => Buffer.from(await (await reference.app.request(path)).arrayBuffer());
    const images = ['/embed/map.svg?' + map, '/embed/map.png?' + map, `/embed/map.png?${map}&scale=1`];
    const expected = new Map<string, Buffer>();
    for (const p of images) expected.set(p, await at(p));
    const oembed = JSON.parse((await at(embedUrl())).toString()) as Record<string, unknown>;
    const narrowOembed = JSON.parse((await at(embedUrl('&maxwidth=375'))).toString()) as Record<string, unknown>;
    await reference.close();

    // publication: only the page is asked for
    expect((await bytes(`${s.url}/embed/map?${map}`)).status).toBe(200);

    // the graph moves on (the title of this map now counts one more deployment), then a restart
    await writeLaterFact(pageStore!);
    const later = String((await pageStore!.readAll()).version);
    await caughtUp(s, later);
    await down();
    s = await up();
    await caughtUp(s, later);
    for (const p of images) {
      const r = await bytes(`${s.url}${p}`);
      expect(r.status, p).toBe(200);
      expect(r.body.equals(expected.get(p)!), p).toBe(true);
    }
    const now = (await (await fetch(`${s.url}${embedUrl()}`)).json()) as Record<string, unknown>;
    expect(now).toEqual(oembed);
    const unpinned = (await (await fetch(`${s.url}/oembed?url=${encodeURIComponent(`${PUBLIC_URL}/embed/map?focus=chip:test-h20`)}`)).json()) as Record<string, unknown>;
    expect(unpinned.title).not.toBe(now.title);
    // at a width no image was kept for: the published title and height, no thumbnail (none can respect maxwidth)
    const narrow = (await (await fetch(`${s.url}${embedUrl('&maxwidth=375')}`)).json()) as Record<string, unknown>;
    expect({ title: narrow.title, width: narrow.width, height: narrow.height, html: narrow.html }).toEqual({
      title: narrowOembed.title,
      width: narrowOembed.width,
      height: narrowOembed.height,
      html: narrowOembed.html,
    });
    expect(narrow.thumbnail_url).toBeUndefined();
  }, 90_000);
});

describe('the pin store', () => {
  it('keeps at most its limits, dropping the oldest written, and finds them again when reopened', async () => {
    const d = mkdtempSync(join(tmpdir(), 'chokepoint-pinstore-'));
    try {
      const pins = await PinStore.open(d, { maxEntries: 3, maxBytes: 1000 });
      for (const k of ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd']) await pins.put(k, Buffer.from(k));
      expect(pins.size()).toEqual({ entries: 3, bytes: 48 });
      expect(await pins.get('aaaaaaaaaaaaaaaa')).toBeUndefined();
      expect(Buffer.from((await pins.get('dddddddddddddddd'))!).toString()).toBe('dddddddddddddddd');
      await pins.put('eeeeeeeeeeeeeeee', Buffer.alloc(990));
      expect(pins.size().bytes).toBeLessThanOrEqual(1000);
      // no temporary files are left behind; reopening finds what is kept
      expect(readdirSync(join(d, 'embed-pins')).every((f) => f.endsWith('.pin'))).toBe(true);
      const again = await PinStore.open(d, { maxEntries: 3, maxBytes: 1000 });
      expect(again.size()).toEqual(pins.size());
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it('keeps nothing on disk for an in-memory data directory', async () => {
    const pins = await PinStore.open(':memory:');
    await pins.put('aaaaaaaaaaaaaaaa', Buffer.from('x'));
    expect(pins.durable).toBe(false);
    expect(await pins.get('aaaaaaaaaaaaaaaa')).toBeUndefined();
  });
});
