// Uncached renders may take only part of the event loop: past the budget, a new map is refused
// with 503 and Retry-After, while maps already drawn are still served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderBudget } from '../../api/embed/render-budget.js';
import { RenderBusy } from '../../api/embed/png.js';
import type { GraphStore } from '../../graph/store.js';
import { fixtureStore } from './fixture-world.js';
import { embedApp } from './embed-app.js';

describe('render budget', () => {
  it('refuses renders once the window holds the budget, and frees it as the window slides', async () => {
    let now = 0;
    const budget = new RenderBudget(100, 1000, () => now);
    const render = (ms: number) => budget.run(async () => void (now += ms));
    await render(60);
    await render(60); // 120 ms spent: the next one is refused
    const err = await render(10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderBusy);
    expect(err).toMatchObject({ retryAfter: 1, message: 'new maps are asked for faster than they can be drawn (120 ms of drawing in the last 1000 ms); try again shortly' });
    now = 1061; // the first render has left the window
    await expect(render(10)).resolves.toBeUndefined();
  });

  it('names when budget comes free in whole seconds', async () => {
    let now = 0;
    const budget = new RenderBudget(10, 5000, () => now);
    await budget.run(async () => void (now += 20));
    await expect(budget.run(async () => undefined)).rejects.toMatchObject({ retryAfter: 5 });
  });
});

describe('the embed routes under a spent budget', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await fixtureStore();
  });
  afterAll(async () => store.close());

  it('answer a new map 503 with Retry-After and keep serving the maps already drawn', async () => {
    const { app, close } = await embedApp(store, {}, { renderBudget: { budgetMs: 1, windowMs: 60_000 } });
    try {
      const get = (path: string) => app.request(`http://localhost${path}`);
      expect((await get('/embed/map?focus=chip:test-h20')).status).toBe(200);
      for (const path of ['/embed/map?focus=chip:test-h20&depth=1', '/embed/map.svg?focus=chip:test-h20', '/embed/map.png?focus=chip:test-h20']) {
        const r = await get(path);
        expect(r.status, path).toBe(503);
        expect(Number(r.headers.get('retry-after')), path).toBeGreaterThanOrEqual(1);
        // the HTML page (read inside a reader's iframe) gets a small notice page, the images JSON
        const message = path.startsWith('/embed/map?') ? /<p>([^<]*)<\/p>/.exec(await r.text())![1] : ((await r.json()) as { error: string }).error;
        expect(message, path).toMatch(/^busy: new maps are asked for faster than they can be drawn/);
      }
      expect((await get('/embed/map?focus=chip:test-h20')).status).toBe(200);
      expect((await get('/embed/map?focus=chip:test-h20&utm_source=x')).status).toBe(200);
    } finally {
      await close();
    }
  });
});
