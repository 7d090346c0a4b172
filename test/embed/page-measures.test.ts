// What oEmbed answers from for an old pinned version: the measures kept beside a published page,
// or, for a page kept before they were, the same measures read back from the page itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import { buildSpec, pageLayouts, renderMap } from '../../api/embed/render-map.js';
import { parseMapParams } from '../../api/embed/params.js';
import { asPageMeasures, estimateHeight, measuresOfPage, pageMeasures } from '../../api/embed/oembed.js';
import { fixtureStore, HOSTILE, SCENARIO_DIR } from './fixture-world.js';

let store: GraphStore;
let snapshot: Snapshot;
beforeAll(async () => {
  store = await fixtureStore();
  snapshot = await new SnapshotCache(store, 0).get();
});
afterAll(async () => store.close());

describe('page measures', () => {
  it.each(['focus=chip:test-h20', 'focus=deployment:test-hostile', 'scenario=test-h20-ban&theme=dark'])('%s: read back from the page as they were measured', async (q) => {
    const params = parseMapParams(new URLSearchParams(q));
    const spec = buildSpec(snapshot, params, SCENARIO_DIR);
    const measured = pageMeasures(spec, pageLayouts(spec));
    const html = Buffer.from(await renderMap({ snapshot, store, params, format: 'html', scenarioDir: SCENARIO_DIR, origin: 'https://maps.example.org' })).toString('utf8');
    expect(measuresOfPage(html)).toEqual(measured);
    // kept as JSON and read back: the same, and so the same heights
    const again = asPageMeasures(JSON.parse(JSON.stringify(measured)))!;
    for (const width of [375, 680, 1200]) expect(estimateHeight(again, width)).toBe(estimateHeight(measured, width));
  });
  it('keeps a hostile title as text', async () => {
    const params = parseMapParams(new URLSearchParams('focus=deployment:test-hostile'));
    const html = Buffer.from(await renderMap({ snapshot, store, params, format: 'html', scenarioDir: SCENARIO_DIR, origin: 'https://maps.example.org' })).toString('utf8');
    expect(measuresOfPage(html)!.title).toContain(HOSTILE);
  });
  it('refuses kept measures of the wrong shape', () => {
    expect(asPageMeasures({ title: 'x' })).toBeUndefined();
    expect(asPageMeasures(null)).toBeUndefined();
  });
});
