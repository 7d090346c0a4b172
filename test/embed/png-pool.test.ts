// PNG images are rasterised in a worker pool: other requests are answered while an image
// renders, a full pool answers 503 with Retry-After at once, a render over its time limit is
// stopped, and the pool serves again afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store.js';
import { fixtureStore } from './fixture-world.js';
import { embedApp } from './embed-app.js';
import type { PngPoolLimits } from '../../api/embed/png.js';

let store: GraphStore;
beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(async () => store.close());

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function withApp(png: PngPoolLimits, test: (get: (path: string) => Promise<Response>) => Promise<void>): Promise<void> {
  const { app, close } = await embedApp(store, {}, { png });
  try {
    await test(async (path) => app.request(`http://localhost${path}`));
  } finally {
    await close();
  }
}

describe('PNG rendering in a worker pool', () => {
  it('renders a PNG in a worker', async () => {
    await withApp({ threads: 1, queue: 2, timeoutMs: 30_000 }, async (get) => {
      const r = await get('/embed/map.png?focus=chip:test-h20&scale=1');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await r.arrayBuffer()).slice(0, 8)]).toEqual(PNG_SIGNATURE);
    });
  });

  it('answers a cached HTML map while an uncached PNG renders', async () => {
    await withApp({ threads: 1, queue: 2, timeoutMs: 30_000 }, async (get) => {
      expect((await get('/embed/map?focus=chip:test-h20')).status).toBe(200);
      const order: string[] = [];
      const png = get('/embed/map.png?focus=chip:test-h20&scale=3&asOf=2026-01-02').then((r) => order.push(`png ${r.status}`));
      // let the PNG request reach the pool before the HTML one is sent
      await new Promise((r) => setTimeout(r, 50));
      const html = get('/embed/map?focus=chip:test-h20').then((r) => order.push(`html ${r.status}`));
      await Promise.all([png, html]);
      expect(order).toEqual(['html 200', 'png 200']);
    });
  });

  it('refuses renders beyond threads + queue with 503 and Retry-After, then serves again', async () => {
    await withApp({ threads: 1, queue: 1, timeoutMs: 30_000 }, async (get) => {
      const distinct = [1, 2, 3, 4, 5, 6].map((d) => `/embed/map.png?focus=chip:test-h20&scale=2&asOf=2026-01-0${d}`);
      const answers = await Promise.all(distinct.map(get));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 503, 503, 503, 503]);
      for (const r of answers.filter((a) => a.status === 503)) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(r.headers.get('cache-control')).toBe('no-store');
        expect(((await r.json()) as { error: string }).error).toMatch(/^busy: 2 images are being rendered; try again shortly$/);
      }
      // a refused request was not cached: asked again when the pool is free, it renders
      const refused = distinct[answers.findIndex((a) => a.status === 503)]!;
      expect((await get(refused)).status).toBe(200);
    });
  });

  it('stops a render over its time limit with 503', async () => {
    await withApp({ threads: 1, queue: 1, timeoutMs: 1 }, async (get) => {
      const r = await get('/embed/map.png?focus=chip:test-h20&scale=3');
      expect(r.status).toBe(503);
      expect(((await r.json()) as { error: string }).error).toBe('busy: rendering took longer than 1 ms and was stopped');
    });
  });
});
