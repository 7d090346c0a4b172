// Server-side layout for a drawing `width` px wide. Entities sit in a grid of equal cells, layer
// by layer from top to bottom (dependents above what they need; in scenario maps the shock on
// top); a box is as wide as its text (names wrap to two lines, never cut to an ambiguous stub).
// Edges are routed orthogonally through the gaps only: down into the gutter under the source's
// row, along a track of that gutter, through a vertical channel between cells when rows lie in
// between, and down into the target. Boxes never sit in gutters or channels, so no edge passes
// behind a box. Edges into one target with one relation type share a track and one label.
// Every input is sorted first, so the same map always gives the same layout.
import type { MapEdge, MapNode, MapSpec } from './map-model.js';
import { fitText, textWidth, wrapName, wrapText } from './text-width.js';
import { labelWords, relationWords } from './relation-roles.js';
import { STATUS_WORDS } from './palette.js';

export const FONT = { name: 12, sub: 10.5, edge: 10 } as const;
/** Name sizes tried in turn: the smaller (still legible) one only where names would otherwise be shortened. */
export const NAME_SIZES = [FONT.name, 11] as const;
/** Drawing widths: the default (an article column) and the bounds `width` accepts. */
export const WIDTH = { default: 680, min: 320, max: 1600 } as const;

const PAD = 10;
const BOX = { padLeft: 12, padRight: 8, top: 6, line: 15, sub: 15, bottom: 6, minW: 84 } as const;
const CELL = { min: 126, max: 260, least: 108 } as const;
const TRACK = 15; // a track holds a label (11 px) above its line
const STUB = 8; // first/last vertical run out of and into a box
const LANES = [4, 3] as const; // spacing of vertical lanes in a channel: 3 px only where 4 would cost a column
const TALLER = 1.3; // how much taller than the densest grid a layout may grow to shorten fewer names

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedNode extends Box {
  node: MapNode;
  /** the name as drawn, one entry a line */
  lines: string[];
  cut: boolean;
  /** kind and seat under the name, one entry a line (the first after the status icon and word) */
  sub: string[];
}

export interface PlacedEdge {
  edge: MapEdge;
  /** an orthogonal polyline from the relation's `from` end to its `to` end (the arrow points at `to`) */
  points: Point[];
  /** index into Layout.labels */
  label: number;
}

export interface PlacedLabel extends Box {
  text: string;
}

export interface Layout {
  width: number;
  height: number;
  /** font size of the names in px (FONT.name, or smaller where that shortens fewer names) */
  nameSize: number;
  /** columns of the grid and the width of a cell */
  cols: number;
  cellW: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  labels: PlacedLabel[];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Width of the status icon and word that open the first line under a name. */
export function statusWidth(n: MapNode): number {
  return n.status ? 16 + Math.ceil(textWidth(STATUS_WORDS[n.status], FONT.sub, true)) + 4 : 0;
}

/** The words under a name, kind and seat, in as many lines as `inner` px needs (up to three with a status). */
export function subLines(n: MapNode, inner: number): string[] {
  const kind = n.role === 'group' ? 'not drawn one by one' : labelWords(n.label);
  const lead = statusWidth(n);
  const fits = (t: string, room: number) => textWidth(t, FONT.sub) <= room;
  const one = n.seat && n.role !== 'group' ? `${kind} · ${n.seat}` : kind;
  if (fits(one, inner - lead)) return [one];
  const rest = n.seat && n.role !== 'group' ? [fitText(n.seat, inner, FONT.sub).text] : [];
  if (fits(kind, inner - lead)) return [kind, ...rest];
  // a group's words wrap rather than end in an ellipsis
  if (n.role === 'group' && !lead) return wrapText(kind, inner, FONT.sub);
  return ['', fitText(kind, inner, FONT.sub).text, ...rest];
}

/** Inner text width of a box in a cell of `cellW` px. */
const innerOf = (cellW: number) => cellW - BOX.padLeft - BOX.padRight;

/** Layers by longest path from the upper ends (after dropping back edges found by a DFS in id order). */
function layers(spec: MapSpec): Map<string, number> {
  const down = new Map<string, string[]>(spec.nodes.map((n) => [n.id, []]));
  for (const e of spec.edges) {
    const [a, b] = upperFirst(e, spec.flow);
    if (a !== b && down.has(a) && down.has(b)) down.get(a)!.push(b);
  }
  for (const list of down.values()) list.sort();
  const state = new Map<string, 1 | 2>();
  const keep = new Map<string, string[]>([...down.keys()].map((k) => [k, []]));
  const visit = (id: string) => {
    state.set(id, 1);
    for (const next of down.get(id)!) {
      if (state.get(next) === 1) continue; // a back edge: a cycle, left out of the layering
      keep.get(id)!.push(next);
      if (!state.has(next)) visit(next);
    }
    state.set(id, 2);
  };
  for (const id of [...down.keys()].sort()) if (!state.has(id)) visit(id);
  const rank = new Map<string, number>();
  const order: string[] = [];
  const seen = new Set<string>();
  const topo = (id: string) => {
    seen.add(id);
    for (const next of keep.get(id)!) if (!seen.has(next)) topo(next);
    order.push(id);
  };
  for (const id of [...keep.keys()].sort()) if (!seen.has(id)) topo(id);
  for (const id of order.reverse()) {
    const r = rank.get(id) ?? 0;
    rank.set(id, r);
    for (const next of keep.get(id)!) rank.set(next, Math.max(rank.get(next) ?? 0, r + 1));
  }
  return rank;
}

/** The ends of an edge as drawn, upper end first: the dependent end on top, or (flow up) what is needed, so a scenario's shock heads the map. */
function upperFirst(e: MapEdge, flow: MapSpec['flow']): [string, string] {
  const [dependent, needed] = e.reversed ? [e.to, e.from] : [e.from, e.to];
  return flow === 'up' ? [needed, dependent] : [dependent, needed];
}

interface Grid {
  cols: number;
  /** spacing of the vertical lanes in a channel */
  lane: number;
  cellW: number;
  gap: number;
  left: number;
}

/** Cells and channels: a channel `gap` wide left of every column and right of the last. */
function gridFor(width: number, cols: number, gap: number, lane: number = LANES[0]): Grid {
  const avail = width - 2 * PAD;
  const cellW = Math.min(CELL.max, (avail - (cols + 1) * gap) / cols);
  const used = cols * cellW + (cols + 1) * gap;
  return { cols, cellW, gap, lane, left: PAD + (avail - used) / 2 };
}

const cellLeft = (g: Grid, c: number) => g.left + g.gap + c * (g.cellW + g.gap);
const channelX = (g: Grid, c: number) => g.left + g.gap / 2 + c * (g.cellW + g.gap);

/** Names as drawn: two lines at most; a longer kept ending only where two shortened names would otherwise read the same. */
function drawnNames(nodes: MapNode[], inner: number, nameSize: number): Map<string, { lines: string[]; cut: boolean }> {
  const out = new Map<string, { lines: string[]; cut: boolean }>();
  // where two shortened names would read alike, the suffix kept grows
  let pending = nodes;
  for (const tail of [1, 2, 3, 5]) {
    for (const n of pending) out.set(n.id, wrapName(n.name, inner, nameSize, true, 2, tail));
    const seen = new Map<string, string[]>();
    for (const n of nodes) {
      const k = out.get(n.id)!.lines.join(' ');
      seen.set(k, [...(seen.get(k) ?? []), n.id]);
    }
    const dup = new Set([...seen.values()].filter((ids) => ids.length > 1).flat());
    pending = nodes.filter((n) => dup.has(n.id) && out.get(n.id)!.cut);
    if (!pending.length) break;
  }
  return out;
}

interface Seg {
  edge: number;
  /** who may share the track: edges out of one source (exit), or into one target with one type (entry) */
  owner: string;
  gutter: number;
  x1: number;
  x2: number;
  track?: number;
}

/** Lays a map out for a drawing `width` px wide; the same spec and width always give the same layout. */
export function layoutMap(spec: MapSpec, width: number = WIDTH.default): Layout {
  // The densest grid with 12 px names first. Where it shortens names, fewer and wider columns and
  // the smaller name size are tried, most promising first (names shortened in cells of that
  // width, then more columns, then the larger size): the layout that shortens fewest names wins,
  // as long as it grows no more than TALLER times as tall.
  const most = Math.max(1, Math.floor((width - 2 * PAD - 20) / (CELL.min + 20)));
  const least = Math.min(most, Math.max(2, Math.ceil(most / 2)));
  const cutOf = (l: Layout) => l.nodes.filter((n) => n.cut).length;
  // attempts are shared between candidates (one that gives up a column meets the next one's grid)
  const tried = new Map<string, ReturnType<typeof tryLayout>>();
  // the layering does not depend on the grid: computed once for every attempt
  const rank = layers(spec);
  const densest = layoutWith(spec, rank, width, NAME_SIZES[0], most, tried);
  let best = densest;
  let bestCut = cutOf(densest);
  if (!bestCut) return best;
  const candidates: { cols: number; size: number; cut: number }[] = [];
  for (let cols = most; cols >= least; cols--)
    for (const size of NAME_SIZES) {
      if (cols === most && size === NAME_SIZES[0]) continue;
      const inner = innerOf(gridFor(width, cols, 20).cellW);
      const cut = [...drawnNames(spec.nodes, inner, size).values()].filter((d) => d.cut).length;
      candidates.push({ cols, size, cut });
    }
  candidates.sort((a, b) => a.cut - b.cut || b.cols - a.cols || b.size - a.size);
  for (const c of candidates) {
    if (c.cut >= bestCut) break;
    const layout = layoutWith(spec, rank, width, c.size, c.cols, tried);
    if (layout.height > densest.height * TALLER + 60) continue;
    const cut = cutOf(layout);
    if (cut < bestCut) [best, bestCut] = [layout, cut];
    // no candidate left promises fewer
    if (cut <= c.cut) break;
  }
  return best;
}

function layoutWith(spec: MapSpec, rank: Map<string, number>, width: number, nameSize: number, startCols: number, tried: Map<string, ReturnType<typeof tryLayout>>): Layout {
  // Widen the channels when their lanes run out; closer lanes, then fewer and wider columns, when
  // cells would get too narrow.
  let gap = 20;
  let cols = startCols;
  let lane = 0;
  let last: Layout | undefined;
  for (let attempt = 0; attempt < 16; attempt++) {
    const key = `${cols}|${gap}|${lane}|${nameSize}`;
    const out = tried.get(key) ?? tryLayout(spec, rank, width, gridFor(width, cols, gap, LANES[lane]), nameSize);
    tried.set(key, out);
    if (out.ok) return out.layout;
    last = out.layout;
    gap += out.needGap;
    if (cols > 1 && gridFor(width, cols, gap).cellW < CELL.least) {
      if (lane < LANES.length - 1) lane++;
      else [cols, lane] = [cols - 1, 0];
      gap = 20;
    }
  }
  return last!;
}

function tryLayout(spec: MapSpec, rank: Map<string, number>, width: number, grid: Grid, nameSize: number): { ok: boolean; needGap: number; layout: Layout } {
  const inner = innerOf(grid.cellW);
  const names = drawnNames(spec.nodes, inner, nameSize);
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));

  // Rows: each layer fills rows of `cols` cells, ordered by the mean column of what it links to above.
  const layerIds = new Map<number, string[]>();
  for (const n of spec.nodes) {
    const r = rank.get(n.id) ?? 0;
    layerIds.set(r, [...(layerIds.get(r) ?? []), n.id]);
  }
  const neighbours = new Map<string, string[]>(spec.nodes.map((n) => [n.id, []]));
  for (const e of spec.edges) {
    neighbours.get(e.from)?.push(e.to);
    neighbours.get(e.to)?.push(e.from);
  }
  const col = new Map<string, number>();
  const row = new Map<string, number>();
  const rows: string[][] = [];
  for (const r of [...layerIds.keys()].sort((a, b) => a - b)) {
    const ids = layerIds.get(r)!.sort();
    const weight = (id: string) => {
      const placed = neighbours.get(id)!.filter((o) => col.has(o));
      return placed.length ? placed.reduce((s, o) => s + col.get(o)!, 0) / placed.length : Number.POSITIVE_INFINITY;
    };
    // the focus (or a shock) first, then by where its neighbours sit, then by id
    const first = (id: string) => (byId.get(id)!.role === 'focus' ? 0 : byId.get(id)!.role === 'group' ? 2 : 1);
    ids.sort((a, b) => first(a) - first(b) || weight(a) - weight(b) || (a < b ? -1 : 1));
    for (let k = 0; k < ids.length; k += grid.cols) {
      const chunk = ids.slice(k, k + grid.cols);
      const offset = Math.floor((grid.cols - chunk.length) / 2);
      chunk.forEach((id, j) => {
        col.set(id, offset + j);
        row.set(id, rows.length);
      });
      rows.push(chunk);
    }
  }

  // Box sizes from their text.
  const size = new Map<string, { w: number; h: number }>();
  const subs = new Map<string, string[]>();
  for (const n of spec.nodes) {
    const drawn = names.get(n.id)!;
    const sub = subLines(n, inner);
    subs.set(n.id, sub);
    const text = Math.max(...sub.map((l, k) => textWidth(l, FONT.sub) + (k === 0 ? statusWidth(n) : 0)), ...drawn.lines.map((l) => textWidth(l, nameSize, true)));
    const w = Math.ceil(Math.min(grid.cellW, Math.max(BOX.minW, text + BOX.padLeft + BOX.padRight)));
    size.set(n.id, { w, h: BOX.top + drawn.lines.length * BOX.line + sub.length * BOX.sub + BOX.bottom });
  }
  const cellX = (c: number) => cellLeft(grid, c);

  // Edges: ports on box bottoms (out) and tops (in), segments per gutter.
  const edges = spec.edges
    .map((e, i) => {
      const [upper, lower] = upperFirst(e, spec.flow);
      return { e, i, upper, lower };
    })
    .filter((x) => byId.has(x.upper) && byId.has(x.lower));
  const outOf = new Map<string, number[]>();
  const groupsInto = new Map<string, string[]>(); // target -> entry group keys (by relation type)
  const groupOf = new Map<number, string>();
  for (const x of edges) {
    outOf.set(x.upper, [...(outOf.get(x.upper) ?? []), x.i]);
    const key = `${x.lower}|${x.e.type}|${x.e.reversed ? 'r' : 'f'}`;
    groupOf.set(x.i, key);
    const list = groupsInto.get(x.lower) ?? [];
    if (!list.includes(key)) list.push(key);
    groupsInto.set(x.lower, list);
  }

  // Horizontal positions (independent of y).
  const boxX = (id: string) => cellX(col.get(id)!) + (grid.cellW - size.get(id)!.w) / 2;
  const exitX = new Map<number, number>();
  for (const [id, list] of outOf) {
    const { w } = size.get(id)!;
    list.sort((a, b) => {
      const xa = col.get(upperFirst(spec.edges[a]!, spec.flow)[1])!;
      const xb = col.get(upperFirst(spec.edges[b]!, spec.flow)[1])!;
      return xa - xb || a - b;
    });
    // exits spread over the left part of the bottom; entries sit on the right part of tops, so
    // a box's way out never lines up with the way into the box below it
    list.forEach((ei, k) => exitX.set(ei, r1(boxX(id) + 10 + ((w / 2 - 14) * (k + 0.5)) / list.length)));
  }
  const portX = new Map<string, number>();
  for (const [id, keys] of groupsInto) {
    const { w } = size.get(id)!;
    keys.sort();
    keys.forEach((key, k) => portX.set(key, r1(boxX(id) + w / 2 + 4 + ((w / 2 - 12) * (k + 0.5)) / keys.length)));
  }

  // One channel per source for its edges that skip rows (so they share a trunk): near their ends,
  // and away from channels already busy over the same rows.
  const channelOf = new Map<string, number>();
  const busy: [number, number][][] = Array.from({ length: grid.cols + 1 }, () => []);
  const skipping = new Map<string, typeof edges>();
  for (const x of edges) if (row.get(x.lower)! !== row.get(x.upper)! + 1) skipping.set(x.upper, [...(skipping.get(x.upper) ?? []), x]);
  for (const [upper, list] of [...skipping.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = list.flatMap((x) => [row.get(x.upper)!, row.get(x.lower)! - 1]);
    const span: [number, number] = [Math.min(...rows), Math.max(...rows)];
    const cost = (c: number) =>
      list.reduce((sum, x) => sum + Math.abs(channelX(grid, c) - (exitX.get(x.i)! + portX.get(groupOf.get(x.i)!)!) / 2), 0) / list.length +
      40 * busy[c]!.filter(([a, b]) => a <= span[1] && span[0] <= b).length;
    let best = 0;
    for (let c = 1; c <= grid.cols; c++) if (cost(c) < cost(best)) best = c;
    busy[best]!.push(span);
    channelOf.set(upper, best);
  }

  // An edge's entry group, exit and port, and the channel it runs in when it skips rows.
  const route = (x: (typeof edges)[number]) => {
    const key = groupOf.get(x.i)!;
    const channel = row.get(x.lower)! === row.get(x.upper)! + 1 ? undefined : channelOf.get(x.upper)!;
    return { key, ex: exitX.get(x.i)!, px: portX.get(key)!, channel };
  };

  // Which gutter each edge crosses: gutter g lies under row g (gutter -1 above row 0).
  const segs: Seg[] = [];
  for (const x of edges) {
    const ru = row.get(x.upper)!;
    const { key, ex, px, channel } = route(x);
    if (channel === undefined) {
      segs.push({ edge: x.i, owner: key, gutter: ru, x1: Math.min(ex, px), x2: Math.max(ex, px) });
      continue;
    }
    const cx = channelX(grid, channel);
    segs.push({ edge: x.i, owner: `out|${x.upper}`, gutter: ru, x1: Math.min(ex, cx), x2: Math.max(ex, cx) });
    segs.push({ edge: x.i, owner: key, gutter: row.get(x.lower)! - 1, x1: Math.min(cx, px), x2: Math.max(cx, px) });
  }

  // Tracks: one per owner in each gutter (shared by its edges); entry groups nearest the row below.
  const gutterTracks = new Map<number, string[]>();
  for (const s of segs) {
    const list = gutterTracks.get(s.gutter) ?? [];
    if (!list.includes(s.owner)) list.push(s.owner);
    gutterTracks.set(s.gutter, list);
  }
  for (const list of gutterTracks.values()) list.sort((a, b) => (a.startsWith('out|') ? 0 : 1) - (b.startsWith('out|') ? 0 : 1) || (a < b ? -1 : 1));

  // Vertical positions.
  const rowTop: number[] = [];
  const rowBottom: number[] = [];
  const gutterTop = new Map<number, number>();
  const trackCount = (g: number) => gutterTracks.get(g)?.length ?? 0;
  let y = PAD;
  if (trackCount(-1)) {
    gutterTop.set(-1, y);
    y += trackCount(-1) * TRACK + STUB;
  }
  rows.forEach((ids, r) => {
    rowTop[r] = y;
    const h = Math.max(...ids.map((id) => size.get(id)!.h));
    rowBottom[r] = y + h;
    y += h;
    gutterTop.set(r, y);
    y += r === rows.length - 1 && !trackCount(r) ? 0 : Math.max(22, trackCount(r) * TRACK + 2 * STUB);
  });
  const height = Math.ceil(y + PAD);
  const trackY = (g: number, owner: string) => r1(gutterTop.get(g)! + STUB + (gutterTracks.get(g)!.indexOf(owner) + 1) * TRACK - 2);

  const placed = new Map<string, PlacedNode>();
  for (const n of spec.nodes) {
    const { w, h } = size.get(n.id)!;
    const drawn = names.get(n.id)!;
    placed.set(n.id, { node: n, x: r1(boxX(n.id)), y: r1(rowTop[row.get(n.id)!]!), w, h, lines: drawn.lines, cut: drawn.cut, sub: subs.get(n.id)! });
  }

  // Channel lanes: the vertical runs of one source in one channel share a lane (a trunk its
  // edges branch off); trunks whose spans overlap take different lanes.
  const trunks = new Map<string, { channel: number; lo: number; hi: number; edges: number[] }>();
  for (const x of edges) {
    const { key: group, channel } = route(x);
    if (channel === undefined) continue;
    const y1 = trackY(row.get(x.upper)!, `out|${x.upper}`);
    const y2 = trackY(row.get(x.lower)! - 1, group);
    const key = `${channel}|${x.upper}`;
    const t = trunks.get(key) ?? { channel, lo: Number.POSITIVE_INFINITY, hi: Number.NEGATIVE_INFINITY, edges: [] };
    t.lo = Math.min(t.lo, y1, y2);
    t.hi = Math.max(t.hi, y1, y2);
    t.edges.push(x.i);
    trunks.set(key, t);
  }
  const lanes = new Map<number, [number, number][][]>();
  let needGap = 0;
  const laneX = new Map<number, number>();
  const capacity = Math.floor((grid.gap - 6) / grid.lane) + 1;
  for (const [, t] of [...trunks.entries()].sort(([a, ta], [b, tb]) => ta.lo - tb.lo || (a < b ? -1 : 1))) {
    const used = lanes.get(t.channel) ?? [];
    let lane = used.findIndex((spans) => spans.every(([a, b]) => t.hi < a - 4 || t.lo > b + 4));
    if (lane < 0) lane = used.push([]) - 1;
    used[lane]!.push([t.lo, t.hi]);
    lanes.set(t.channel, used);
    if (lane >= capacity) needGap = Math.max(needGap, (lane + 1 - capacity) * grid.lane);
    const x = r1(channelX(grid, t.channel) + (lane % 2 ? 1 : -1) * Math.ceil(lane / 2) * grid.lane);
    for (const e of t.edges) laneX.set(e, x);
  }

  const placedEdges: PlacedEdge[] = [];
  const labelOf = new Map<string, number>();
  const labels: PlacedLabel[] = [];
  const verticals: { x: number; y1: number; y2: number; owner: string }[] = [];
  const horizontals = new Map<string, { y: number; x1: number; x2: number; gutter: number }>();
  for (const x of edges) {
    const u = placed.get(x.upper)!;
    const v = placed.get(x.lower)!;
    const { key, ex, px } = route(x);
    const yIn = trackY(row.get(x.lower)! - 1, key);
    let pts: Point[];
    const lane = laneX.get(x.i);
    if (lane === undefined)
      pts = [
        { x: ex, y: r1(u.y + u.h) },
        { x: ex, y: yIn },
        { x: px, y: yIn },
        { x: px, y: v.y },
      ];
    else {
      const yOut = trackY(row.get(x.upper)!, `out|${x.upper}`);
      pts = [
        { x: ex, y: r1(u.y + u.h) },
        { x: ex, y: yOut },
        { x: lane, y: yOut },
        { x: lane, y: yIn },
        { x: px, y: yIn },
        { x: px, y: v.y },
      ];
      verticals.push({ x: lane, y1: Math.min(yOut, yIn), y2: Math.max(yOut, yIn), owner: key });
    }
    verticals.push({ x: ex, y1: u.y + u.h, y2: pts[1]!.y, owner: key }, { x: px, y1: yIn, y2: v.y, owner: key });
    const h = horizontals.get(key) ?? { y: yIn, x1: px, x2: px, gutter: row.get(x.lower)! - 1 };
    const from = pts.at(-3)!.x;
    horizontals.set(key, { ...h, x1: Math.min(h.x1, from), x2: Math.max(h.x2, from) });
    const points = dedupe(x.e.from === x.upper ? pts : pts.reverse());
    placedEdges.push({ edge: x.e, points, label: -1 });
  }

  // Labels: one per entry group, just above its track, where no vertical run and no other label is.
  for (const [key, h] of [...horizontals.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = relationWords(key.split('|')[1]!);
    const w = Math.ceil(textWidth(text, FONT.edge)) + 4;
    const top = h.y - 12;
    const free = (lx: number) =>
      lx >= 2 &&
      lx + w <= width - 2 &&
      verticals.every((v) => v.x < lx - 1 || v.x > lx + w + 1 || v.y2 <= top || v.y1 >= h.y) &&
      labels.every((l) => lx + w < l.x - 2 || lx > l.x + l.w + 2 || top + 11 < l.y || top > l.y + l.h);
    // nearest the arrow first: either side of the port, then along the track, then beyond it
    const port = portX.get(key)!;
    const candidates: number[] = [port + 3, port - w - 3];
    for (let d = 4; d < 400; d += 4) candidates.push(port + 3 + d, port - w - 3 - d);
    const lx = candidates.find(free) ?? port + 3;
    labels.push({ x: r1(lx), y: r1(top), w, h: 11, text });
    labelOf.set(key, labels.length - 1);
  }
  edges.forEach((x, k) => (placedEdges[k]!.label = labelOf.get(groupOf.get(x.i)!)!));

  const layout: Layout = { width, height, nameSize, cols: grid.cols, cellW: r1(grid.cellW), nodes: spec.nodes.map((n) => placed.get(n.id)!), edges: placedEdges, labels };
  return { ok: needGap === 0, needGap, layout };
}

function dedupe(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
}
