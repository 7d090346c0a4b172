// A server-side layout as a DrawnMap for the layout checks (text boxes from the text measure).
import { FONT, statusWidth, type Layout } from '../../api/embed/layout.js';
import { textWidth } from '../../api/embed/text-width.js';
import type { DrawnMap } from './layout-checks.js';

/** The boxes, segments and labels of a layout, with each name's lines as text boxes. */
export function drawnMap(l: Layout): DrawnMap {
  return {
    width: l.width,
    boxes: l.nodes.map((n) => ({
      x: n.x,
      y: n.y,
      w: n.w,
      h: n.h,
      name: n.lines.join(' '),
      lines: n.lines.length,
      text: [
        ...n.lines.map((line, i) => ({ x: n.x + 12, y: n.y + 6 + i * 15, w: textWidth(line, l.nameSize, true), h: 15 })),
        ...n.sub.map((line, k) => ({ x: n.x + 12 + (k === 0 ? statusWidth(n.node) : 0), y: n.y + 6 + (n.lines.length + k) * 15, w: textWidth(line, FONT.sub), h: 15 })),
      ],
    })),
    segments: l.edges.flatMap((e) => e.points.slice(1).map((p, i) => ({ x1: e.points[i]!.x, y1: e.points[i]!.y, x2: p.x, y2: p.y }))),
    labels: l.labels,
  };
}
