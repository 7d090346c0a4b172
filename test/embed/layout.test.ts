// The layouts a graphics editor would check by eye, computed: over a fixed set of maps of the
// seeded graph at phone, article and wide widths, no text overflows its box (by the conservative
// text measure; browser.test.ts measures real fonts), no two boxes overlap, no edge segment
// crosses a box, no edge label covers a box or another label, every name reads differently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { seededWorld } from './seeded-world.js';
import { drawnMap } from './drawn-map.js';
import { layoutProblems } from './layout-checks.js';
import { buildSpec } from '../../api/embed/render-map.js';
import { layoutMap, WIDTH } from '../../api/embed/layout.js';
import { parseMapParams } from '../../api/embed/params.js';
import { wrapName } from '../../api/embed/text-width.js';

/** The fixed set: eight focus maps (hubs, a chip, a lab, a deployment) and three scenario maps. */
export const MAP_SET = [
  'focus=chip:nvidia-h20',
  'focus=org:tsmc',
  'focus=lab:openai',
  'focus=org:nvidia',
  'focus=cloud:microsoft-azure',
  'focus=lab:deepseek',
  'focus=chip:huawei-ascend-910b',
  'focus=chip:nvidia-h20&depth=3&max=60',
  'scenario=h20-ban',
  'scenario=cloud-act-ruling',
  'scenario=ascend-sanctions',
];
export const WIDTHS = [375, 680, 1200];

let store: GraphStore;
let snapshot: Snapshot;
beforeAll(async () => {
  ({ store, snapshot } = await seededWorld());
}, 60_000);
afterAll(async () => store.close());

describe('layouts of the fixed map set', () => {
  for (const q of MAP_SET)
    it(`${q}: legible at ${WIDTHS.join(', ')} px`, () => {
      const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams(q)));
      for (const width of WIDTHS) {
        const layout = layoutMap(spec, width);
        expect(layout.width, q).toBe(width);
        expect(layoutProblems(drawnMap(layout)), `${q} at ${width}`).toEqual([]);
        // every edge is drawn and labelled
        expect(layout.edges.length).toBe(spec.edges.length);
        for (const e of layout.edges) expect(layout.labels[e.label], q).toBeDefined();
        // from an article column up, fewer and wider cells keep nearly every name whole
        if (width >= 680) expect(layout.nodes.filter((n) => n.cut).length, `${q} at ${width}`).toBeLessThanOrEqual(2);
      }
    });

  it('lays out for 680 px by default', () => {
    const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams('focus=chip:nvidia-h20')));
    expect(layoutMap(spec).width).toBe(WIDTH.default);
    expect(WIDTH.default).toBe(680);
  });

  it('draws names at a legible size, on at most two lines, shortened only with their last word', () => {
    const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams('focus=cloud:microsoft-azure')));
    for (const width of [320, 375, 680]) {
      const layout = layoutMap(spec, width);
      expect(layout.nameSize).toBeGreaterThanOrEqual(11);
      for (const n of layout.nodes) {
        expect(n.lines.length, n.node.name).toBeLessThanOrEqual(2);
        if (n.cut) expect(n.lines.at(-1), n.node.name).toMatch(new RegExp(`…\\S`));
      }
    }
  });

  it('gives the same layout for the same map', () => {
    const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams('focus=org:tsmc')));
    expect(JSON.stringify(layoutMap(spec, 680))).toBe(JSON.stringify(layoutMap(spec, 680)));
  });

  it('groups what is over the node budget: "+ N more …" boxes with their edges', () => {
    const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams('focus=org:tsmc&max=12')));
    expect(spec.nodes.length).toBeLessThanOrEqual(12);
    const groups = spec.nodes.filter((n) => n.role === 'group');
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.name).toMatch(/^\+ \d+ more /);
      expect(g.name).toContain(`+ ${g.members!.length} more`);
      expect(
        spec.edges.some((e) => e.from === g.id || e.to === g.id),
        g.name,
      ).toBe(true);
    }
    const drawn = spec.nodes.filter((n) => n.role !== 'group' && n.role !== 'focus').length + groups.reduce((s, g) => s + g.members!.length, 0);
    expect(drawn).toBe(spec.nodes.length - groups.length - 1 + spec.omitted);
  });
});

describe('editorial titles', () => {
  it.each([
    ['focus=chip:nvidia-h20', /^\d+ deployments, \d+ models and \d+ cloud depend on NVIDIA H20$/, /^NVIDIA H20 in turn depends on /],
    ['focus=nation:tw', /depend on Taiwan$/, /the graph records nothing Taiwan itself depends on/],
    ['scenario=h20-ban', /^US bans NVIDIA H20 exports to China: what breaks$/, /^2 deployments break once NVIDIA H20 is hit \(as of 2026-05-01\)/],
  ])('%s', (q, title, subtitle) => {
    const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams(q)));
    expect(spec.title).toMatch(title);
    expect(spec.subtitle).toMatch(subtitle);
  });
  it('says "what X depends on" when nothing depends on the focus', () => {
    const deployment = snapshot.ids.toArray().find((id) => id.startsWith('deployment:'))!;
    const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams({ focus: deployment })));
    expect(spec.title).toMatch(/^What .+ depends on$/);
    expect(spec.subtitle).toMatch(/nothing in the graph depends on/);
  });
  it('shows each broken deployment with its first mitigation in a scenario map', () => {
    const spec = buildSpec(snapshot, parseMapParams(new URLSearchParams('scenario=h20-ban')));
    const broken = spec.nodes.filter((n) => n.status === 'BROKEN');
    expect(broken.length).toBe(2);
    for (const b of broken)
      expect(
        spec.edges.some((e) => e.from === b.id && e.proposed),
        b.id,
      ).toBe(true);
    expect(spec.nodes.find((n) => n.id === 'chip:nvidia-h20')!.status).toBe('SHOCKED');
  });
});

describe('names as drawn', () => {
  it.each([
    ['Huawei Ascend 910B', 110, ['Huawei Ascend', '910B']],
    ['DeepSeek-R1-Distill-Qwen-32B', 110, ['DeepSeek-R1-', 'Distill-…32B']],
    ['DeepSeek-R1-Distill-Llama-70B', 110, ['DeepSeek-R1-', 'Distill-…70B']],
    ['Bank assistant with a rather long name that will not fit', 110, ['Bank assistant', 'with a rather…fit']],
    ['Short', 110, ['Short']],
  ])('%s in %i px -> %j', (name, width, lines) => {
    expect(wrapName(name, width, 12, true).lines).toEqual(lines);
  });
});
