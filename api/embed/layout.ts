// Server-side layered layout. `wide` runs dagre left to right (dependents on the left, what they
// need on the right, relation names on the edges); `narrow` keeps dagre's layers but stacks them
// top to bottom in rows (two columns for a 320 px phone column, four for a desktop column)
// so text stays readable at scale 1 when the wide drawing would have to shrink.
// dagre is deterministic for a given insertion order, and every input here is sorted first.
import dagre from 'dagre';
import type { MapEdge, MapNode, MapSpec } from './map-model.js';
import { fitText, textWidth } from './text-width.js';
import { labelWords, relationWords } from './relation-roles.js';

export type Variant = 'wide' | 'medium' | 'narrow';

export const FONT = { name: 12, sub: 10.5, edge: 10 } as const;
const NODE = { wide: { w: 184, h: 40 }, band: { w: 146, h: 40 } } as const;
/** Band layouts: columns per row and drawing width (a phone column, a desktop column). */
const BANDS = { narrow: { cols: 2, width: 320 }, medium: { cols: 4, width: 640 } } as const;
const PAD = 10;

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  node: MapNode;
  /** top-left corner */
  x: number;
  y: number;
  w: number;
  h: number;
  name: { text: string; cut: boolean };
  sub: string;
}

export interface PlacedEdge {
  edge: MapEdge;
  /** from the relation's `from` end to its `to` end (the arrow points at `to`) */
  path: string;
  label?: Point & { text: string; w: number };
}

export interface Layout {
  variant: Variant;
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

const STATUS_WORDS: Record<string, string> = { SHOCKED: 'hit', BROKEN: 'breaks', DEGRADED: 'degraded', AT_RISK: 'at risk', UNAFFECTED: 'unaffected' };

function nodeText(n: MapNode, w: number): Pick<PlacedNode, 'name' | 'sub'> {
  const inner = w - 18;
  const status = n.status ? ` · ${STATUS_WORDS[n.status]}` : '';
  const sub = fitText(labelWords(n.label) + status, inner, FONT.sub).text;
  return { name: fitText(n.name, inner, FONT.name, true), sub };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** A smooth SVG path through points (quadratic curves through segment midpoints). */
function smoothPath(points: Point[]): string {
  const p = points.map((q) => ({ x: r1(q.x), y: r1(q.y) }));
  if (p.length < 3) return `M${p.map((q) => `${q.x},${q.y}`).join(' L')}`;
  let d = `M${p[0]!.x},${p[0]!.y}`;
  for (let i = 1; i < p.length - 1; i++) {
    const mid = { x: r1((p[i]!.x + p[i + 1]!.x) / 2), y: r1((p[i]!.y + p[i + 1]!.y) / 2) };
    d += i === p.length - 2 ? ` Q${p[i]!.x},${p[i]!.y} ${p.at(-1)!.x},${p.at(-1)!.y}` : ` Q${p[i]!.x},${p[i]!.y} ${mid.x},${mid.y}`;
  }
  return d;
}

interface DagreNode {
  x: number;
  y: number;
  width: number;
  height: number;
}

function runDagre(spec: MapSpec, withLabels: boolean) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: withLabels ? 96 : 60, edgesep: 8, marginx: PAD, marginy: PAD });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of spec.nodes) g.setNode(n.id, { width: NODE.wide.w, height: NODE.wide.h });
  for (const e of spec.edges) {
    const [a, b] = e.reversed ? [e.to, e.from] : [e.from, e.to];
    const text = relationWords(e.type);
    const label = withLabels ? { width: Math.ceil(textWidth(text, FONT.edge) + 8), height: 14, labelpos: 'c' } : {};
    g.setEdge(a, b, label, e.relationId);
  }
  dagre.layout(g);
  return g;
}

/** The wide (left-to-right) layout with relation names on the edges. */
function wideLayout(spec: MapSpec): Layout {
  const g = runDagre(spec, true);
  const nodes: PlacedNode[] = spec.nodes.map((n) => {
    const d = g.node(n.id) as unknown as DagreNode;
    return { node: n, x: r1(d.x - d.width / 2), y: r1(d.y - d.height / 2), w: d.width, h: d.height, ...nodeText(n, d.width) };
  });
  const edges: PlacedEdge[] = spec.edges.map((e) => {
    const [a, b] = e.reversed ? [e.to, e.from] : [e.from, e.to];
    const d = g.edge(a, b, e.relationId) as unknown as { points: Point[]; x?: number; y?: number; width?: number };
    const points = e.reversed ? [...d.points].reverse() : d.points;
    const text = relationWords(e.type);
    return { edge: e, path: smoothPath(points), label: d.x === undefined ? undefined : { x: r1(d.x), y: r1(d.y!), text, w: d.width ?? textWidth(text, FONT.edge) } };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { variant: 'wide', width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges };
}

/** A band layout: dagre's layers as bands from top to bottom, `cols` nodes a row. */
function bandLayout(spec: MapSpec, variant: 'narrow' | 'medium'): Layout {
  const { cols, width: NARROW_WIDTH } = BANDS[variant];
  const g = runDagre(spec, false);
  const layers = new Map<number, { n: MapNode; y: number }[]>();
  for (const n of spec.nodes) {
    const d = g.node(n.id) as unknown as DagreNode;
    const key = Math.round(d.x);
    if (!layers.has(key)) layers.set(key, []);
    layers.get(key)!.push({ n, y: d.y });
  }
  const { w, h } = NODE.band;
  const gap = (NARROW_WIDTH - 2 * PAD - cols * w) / (cols - 1);
  const placed = new Map<string, PlacedNode>();
  let y = PAD;
  for (const key of [...layers.keys()].sort((a, b) => a - b)) {
    const members = layers.get(key)!.sort((a, b) => a.y - b.y);
    members.forEach(({ n }, k) => {
      const row = Math.floor(k / cols);
      const inRow = Math.min(cols, members.length - row * cols);
      const col = k % cols;
      const rowWidth = inRow * w + (inRow - 1) * gap;
      const x = (NARROW_WIDTH - rowWidth) / 2 + col * (w + gap);
      placed.set(n.id, { node: n, x: r1(x), y: r1(y + row * (h + 10)), w, h, ...nodeText(n, w) });
    });
    y += Math.ceil(members.length / cols) * (h + 10) - 10 + 34;
  }
  const edges: PlacedEdge[] = spec.edges.map((e) => {
    const [a, b] = e.reversed ? [placed.get(e.to)!, placed.get(e.from)!] : [placed.get(e.from)!, placed.get(e.to)!];
    const start = { x: a.x + a.w / 2, y: a.y + a.h };
    const end = { x: b.x + b.w / 2, y: b.y };
    const bend = Math.max(14, (end.y - start.y) / 2);
    const pts = e.reversed ? [end, start] : [start, end];
    const dir = e.reversed ? -1 : 1;
    const [p, q] = pts as [Point, Point];
    const path = `M${r1(p.x)},${r1(p.y)} C${r1(p.x)},${r1(p.y + dir * bend)} ${r1(q.x)},${r1(q.y - dir * bend)} ${r1(q.x)},${r1(q.y)}`;
    return { edge: e, path };
  });
  return { variant, width: NARROW_WIDTH, height: Math.ceil(y - 34 + PAD), nodes: spec.nodes.map((n) => placed.get(n.id)!), edges };
}

/** Lays a map out in one variant; the same spec always gives the same layout. */
export function layoutMap(spec: MapSpec, variant: Variant): Layout {
  return variant === 'wide' ? wideLayout(spec) : bandLayout(spec, variant);
}
