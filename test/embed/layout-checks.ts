// Checks computed from a layout: what a graphics editor would look for by eye (text inside its
// box, names on at most two lines, no overlaps, no edge through a box, names unique as drawn). Used on the
// server's layouts (layout.test.ts) and, with boxes measured in Chromium, in browser.test.ts.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Rect, b: Rect, slack = 0) => a.x < b.x + b.w - slack && b.x < a.x + a.w - slack && a.y < b.y + b.h - slack && b.y < a.y + a.h - slack;

/** Whether a segment passes through the inside of a box (touching its border does not count). */
export function crosses(s: Segment, r: Rect, slack = 0.6): boolean {
  const inner = { x: r.x + slack, y: r.y + slack, w: r.w - 2 * slack, h: r.h - 2 * slack };
  if (inner.w <= 0 || inner.h <= 0) return false;
  // Liang-Barsky clipping of the segment against the inner box
  let t0 = 0;
  let t1 = 1;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const edges: [number, number][] = [
    [-dx, s.x1 - inner.x],
    [dx, inner.x + inner.w - s.x1],
    [-dy, s.y1 - inner.y],
    [dy, inner.y + inner.h - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return t1 - t0 > 1e-9;
}

export interface DrawnMap {
  /** `lines`: how many lines the name is drawn on */
  boxes: (Rect & { name: string; lines: number; text: Rect[] })[];
  segments: Segment[];
  labels: Rect[];
  width: number;
}

/** Every problem found, in words (empty when the map passes). */
export function layoutProblems(m: DrawnMap): string[] {
  const out: string[] = [];
  m.boxes.forEach((b, i) => {
    for (const t of b.text) if (t.x < b.x - 0.5 || t.y < b.y - 0.5 || t.x + t.w > b.x + b.w + 0.5 || t.y + t.h > b.y + b.h + 0.5) out.push(`text overflows the box of "${b.name}"`);
    if (b.lines > 2) out.push(`the name "${b.name}" is drawn on ${b.lines} lines`);
    if (b.x < -0.5 || b.x + b.w > m.width + 0.5) out.push(`box of "${b.name}" leaves the drawing`);
    for (let j = i + 1; j < m.boxes.length; j++) if (overlaps(b, m.boxes[j]!)) out.push(`boxes of "${b.name}" and "${m.boxes[j]!.name}" overlap`);
    for (const s of m.segments) if (crosses(s, b)) out.push(`an edge segment (${s.x1},${s.y1})-(${s.x2},${s.y2}) crosses the box of "${b.name}"`);
    for (const l of m.labels) if (overlaps(l, b, 0.5)) out.push(`an edge label overlaps the box of "${b.name}"`);
  });
  m.labels.forEach((l, i) => {
    for (let j = i + 1; j < m.labels.length; j++) if (overlaps(l, m.labels[j]!, 0.5)) out.push(`two edge labels overlap at (${l.x},${l.y})`);
  });
  const names = new Map<string, number>();
  for (const b of m.boxes) names.set(b.name, (names.get(b.name) ?? 0) + 1);
  for (const [name, n] of names) if (n > 1) out.push(`${n} boxes read "${name}"`);
  return out;
}
