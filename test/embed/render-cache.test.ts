// The render cache is bounded in entries and bytes, shares concurrent renders of one key, and
// keeps the maps people come back to through a flood of one-off variants.
import { describe, expect, it } from 'vitest';
import { RenderCache, type Rendered } from '../../api/embed/render-cache.js';

const bytes = (n: number): Rendered => ({ body: new Uint8Array(n), contentType: 'image/png', etag: '' });
const render = (n: number) => async () => bytes(n);

describe('render cache', () => {
  it('keeps a map asked for twice through a flood of 10,000 one-off variants', async () => {
    const cache = new RenderCache(100, 1_000_000);
    await cache.getOrRender('popular', render(1000));
    expect(cache.get('popular')).toBeDefined(); // the second request: promoted
    for (let i = 0; i < 10_000; i++) await cache.getOrRender(`variant-${i}`, render(5000));
    expect(cache.has('popular')).toBe(true);
    expect(cache.has('variant-0')).toBe(false);
    expect(cache.has('variant-9999')).toBe(true);
  });

  it('stays within its entry and byte bounds', async () => {
    const cache = new RenderCache(50, 100_000);
    for (let i = 0; i < 500; i++) {
      await cache.getOrRender(`k${i}`, render(3000));
      if (i % 3 === 0) cache.get(`k${i}`);
    }
    const size = cache.size();
    expect(size.entries).toBeLessThanOrEqual(50);
    expect(size.bytes).toBeLessThanOrEqual(100_000);
    expect(size.protectedEntries).toBeGreaterThan(0);
  });

  it('lets the least recently used protected map go first, back to probation', async () => {
    const cache = new RenderCache(5, 1_000_000); // 1 probation slot, 4 protected
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      await cache.getOrRender(k, render(10));
      cache.get(k);
    }
    // 'a' was least recently used among the protected; demoted, then pushed out of probation by 'f'
    await cache.getOrRender('f', render(10));
    expect(['a', 'b', 'c', 'd', 'e', 'f'].filter((k) => cache.has(k))).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('does not cache a body larger than its probation share', async () => {
    const cache = new RenderCache(10, 1000);
    await cache.getOrRender('big', render(500));
    expect(cache.has('big')).toBe(false);
  });

  it('shares one render among concurrent misses of one key', async () => {
    const cache = new RenderCache();
    let renders = 0;
    const slow = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return bytes(10);
    };
    await Promise.all([1, 2, 3, 4].map(() => cache.getOrRender('k', slow)));
    expect(renders).toBe(1);
    expect(cache.misses).toBe(1);
  });
});
