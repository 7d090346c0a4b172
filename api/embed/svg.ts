// Draws a laid-out map as SVG. Colours go in as attributes for the chosen theme (so the file
// renders alone, in a browser or the PNG renderer) and as classes (so the HTML page can switch
// themes with CSS). A status is drawn three ways: an icon of its own shape, its word, and a
// border pattern (solid, dashed, dotted) in a colour-vision-safe hue. With `chrome` the title,
// legend, caption and credit line are drawn too, for the image endpoints; the HTML page draws
// those as HTML instead, and makes nodes and edges focusable (`interactive`).
import type { MapNode, MapSpec, MapStatus } from './map-model.js';
import { STATUS_ORDER } from './map-model.js';
import type { Layout, PlacedEdge, PlacedLabel, PlacedNode } from './layout.js';
import { FONT, statusWidth } from './layout.js';
import { esc } from './markup.js';
import { baseColour, labelClass, labelColours, STATUS_WORDS, statusColour, type Theme } from './palette.js';
import { labelWords } from './relation-roles.js';
import { textWidth, wrapChars, wrapText } from './text-width.js';

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export interface Caption {
  /** "Data as of 2026-04-20 · graph version 12" */
  line: string;
  /** short names of the sources behind the shown edges */
  sources: string[];
  moreSources: number;
  /** where the interactive map and the data are (absolute URLs) */
  links?: { map: string; data: string };
}

export interface SvgOptions {
  theme: Theme;
  /** prefix for ids inside the SVG, unique per SVG on one page */
  idPrefix: string;
  /** draw title, legend and caption inside the image */
  chrome?: { caption: Caption };
  /** nodes and edges focusable, with data-ref naming their detail (the HTML page) */
  interactive?: boolean;
}

export const STATUS_LEGEND: Record<MapStatus, string> = {
  SHOCKED: 'hit by the scenario',
  BROKEN: 'breaks',
  DEGRADED: 'degraded',
  AT_RISK: 'at risk',
  UNAFFECTED: 'unaffected',
};

/** Border pattern per status (stroke-dasharray), so status reads without colour too. */
const STATUS_DASH: Record<MapStatus, string> = { SHOCKED: '', BROKEN: '', DEGRADED: '6 3', AT_RISK: '2 2.5', UNAFFECTED: '' };

/** The credit line under every map. */
export const CREDIT = 'Map: chokepoint';

/** Labels and statuses present on a map, in schema and severity order, for its legend. */
export function legendEntries(spec: MapSpec): { labels: string[]; statuses: MapStatus[] } {
  const labels = [...new Set(spec.nodes.filter((n) => n.role !== 'group').map((n) => n.label))].sort((a, b) => labelClass(a).localeCompare(labelClass(b), 'en', { numeric: true }));
  const present = new Set(spec.nodes.map((n) => n.status).filter((s): s is MapStatus => !!s));
  return { labels, statuses: STATUS_ORDER.filter((s) => present.has(s)) };
}

/** A 12 px icon for a status at the origin: a bolt, a crossed disc, a falling triangle, a warning sign, a ticked disc. */
export function statusIcon(status: MapStatus, theme: Theme): string {
  const c = statusColour(status, theme);
  const fill = `fill="${c}" class="s-${status}-fill"`;
  const knock = `stroke="${baseColour('bg', theme)}" class="c-bg-stroke" stroke-width="1.6" stroke-linecap="round" fill="none"`;
  switch (status) {
    case 'SHOCKED':
      return `<path d="M7,0 L1.5,7 L5.5,7 L4.5,12 L10.5,4.6 L6.5,4.6 Z" ${fill}/>`;
    case 'BROKEN':
      return `<circle cx="6" cy="6" r="6" ${fill}/><path d="M3.6,3.6 L8.4,8.4 M8.4,3.6 L3.6,8.4" ${knock}/>`;
    case 'DEGRADED':
      return `<path d="M0,1.5 L12,1.5 L6,11.5 Z" ${fill}/><path d="M6,4 L6,7" ${knock}/>`;
    case 'AT_RISK':
      return `<path d="M6,0.5 L12,11.5 L0,11.5 Z" ${fill}/><path d="M6,4.5 L6,7.5 M6,9.6 L6,9.7" ${knock}/>`;
    case 'UNAFFECTED':
      return `<circle cx="6" cy="6" r="6" ${fill}/><path d="M3.3,6.2 L5.3,8.2 L8.8,4" ${knock}/>`;
  }
}

function nodeStroke(n: MapNode, theme: Theme): { colour: string; cls: string; width: number; dash: string } {
  if (n.status) return { colour: statusColour(n.status, theme), cls: `s-${n.status}`, width: 2.5, dash: STATUS_DASH[n.status] };
  if (n.role === 'focus') return { colour: baseColour('fg', theme), cls: 'c-focus', width: 3, dash: '' };
  if (n.role === 'group' || n.role === 'mitigation') return { colour: baseColour('edge', theme), cls: 'c-edge', width: 1.2, dash: '4 3' };
  return { colour: baseColour('stroke', theme), cls: 'c-stroke', width: 1, dash: '' };
}

/** The words a screen reader or tooltip gets for a node. */
export function nodeWords(n: MapNode): string {
  if (n.role === 'group') return n.name;
  const status = n.status ? `, ${STATUS_LEGEND[n.status]}` : '';
  return `${n.name} (${labelWords(n.label)}${n.seat ? `, ${n.seat}` : ''}${status})`;
}

function nodeSvg(p: PlacedNode, k: number, theme: Theme, interactive: boolean, nameSize: number): string {
  const n = p.node;
  const lc = labelColours(n.label, theme);
  const cls = labelClass(n.label);
  const st = nodeStroke(n, theme);
  const dash = st.dash ? ` stroke-dasharray="${st.dash}"` : '';
  const group = n.role === 'group';
  const fill = group ? baseColour('bg', theme) : lc.tint;
  const fillCls = group ? 'c-bg' : `${cls}-tint`;
  const attrs = interactive ? ` class="node" data-ref="n${k}" tabindex="0" role="button" aria-label="${esc(nodeWords(n))}"` : '';
  let out =
    // the page's boxes carry an aria-label (and open a panel); a standalone image gets a tooltip
    `<g transform="translate(${p.x},${p.y})"${attrs}>${interactive ? '' : `<title>${esc(nodeWords(n))}</title>`}` +
    `<rect width="${p.w}" height="${p.h}" rx="5" fill="${fill}" class="${fillCls} ${st.cls}" stroke="${st.colour}" stroke-width="${st.width}"${dash}/>`;
  if (!group) out += `<rect x="${st.width / 2}" y="${st.width / 2}" width="5" height="${p.h - st.width}" rx="2" fill="${lc.strong}" class="${cls}-strong"/>`;
  out += `<text font-size="${nameSize}" font-weight="700" fill="${baseColour('fg', theme)}" class="c-fg name">`;
  p.lines.forEach((line, i) => (out += `<tspan x="12" y="${18 + i * 15}">${esc(line)}</tspan>`));
  out += '</text>';
  const subY = 6 + p.lines.length * 15 + 11;
  if (n.status) {
    out += `<g transform="translate(12,${subY - 10})">${statusIcon(n.status, theme)}</g>`;
    out += `<text x="28" y="${subY}" font-size="${FONT.sub}" font-weight="700" fill="${baseColour('fg', theme)}" class="c-fg">${esc(STATUS_WORDS[n.status])}</text>`;
  }
  p.sub.forEach((line, k) => {
    if (line) out += `<text x="${k === 0 ? 12 + statusWidth(n) : 12}" y="${subY + k * 15}" font-size="${FONT.sub}" fill="${baseColour('muted', theme)}" class="c-muted">${esc(line)}</text>`;
  });
  return out + '</g>';
}

/** An orthogonal polyline with small rounded corners. */
export function edgePath(points: { x: number; y: number }[]): string {
  return `M${points.map((q) => `${q.x},${q.y}`).join(' L')}`;
}

function edgeSvg(e: PlacedEdge, k: number, theme: Theme, idPrefix: string, interactive: boolean): string {
  const d = edgePath(e.points);
  const dash = e.edge.proposed ? ' stroke-dasharray="5 3"' : '';
  const line = `<path d="${d}" fill="none" stroke="${baseColour('edge', theme)}" class="c-edge" stroke-width="1.3"${dash} marker-end="url(#${idPrefix}-arrow)"/>`;
  if (!interactive) return line;
  // a wide transparent twin takes clicks and taps
  return `<g class="edge" data-ref="e${k}">${line}<path d="${d}" fill="none" stroke="transparent" stroke-width="9" class="hit"/></g>`;
}

function labelSvg(l: PlacedLabel, theme: Theme): string {
  return (
    `<rect x="${l.x}" y="${l.y}" width="${l.w}" height="${l.h}" fill="${baseColour('bg', theme)}" class="c-bg" opacity="0.9"/>` +
    `<text x="${Math.round((l.x + 2) * 10) / 10}" y="${Math.round((l.y + 9) * 10) / 10}" font-size="${FONT.edge}" fill="${baseColour('muted', theme)}" class="c-muted elabel">${esc(l.text)}</text>`
  );
}

/** The graph body: edges under labels under nodes, at the origin, in the layout's own size. */
function body(layout: Layout, theme: Theme, idPrefix: string, interactive: boolean): string {
  const head = baseColour('edge', theme);
  const labelRefs = new Map<number, number>();
  layout.edges.forEach((e, k) => labelRefs.has(e.label) || labelRefs.set(e.label, k));
  const keys = interactive ? edgeKeys(layout) : undefined;
  return (
    `<defs><marker id="${idPrefix}-arrow" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto">` +
    `<path d="M0,0 L8,4 L0,8 z" fill="${head}" class="c-edge-head"/></marker></defs>` +
    `<g>${layout.edges.map((e, k) => edgeSvg(e, k, theme, idPrefix, interactive)).join('')}</g>` +
    `<g>${layout.labels.map((l, k) => (interactive && labelRefs.has(k) ? `<g class="edge" data-ref="e${labelRefs.get(k)}">${labelSvg(l, theme)}</g>` : labelSvg(l, theme))).join('')}</g>` +
    `<g>${layout.nodes.map((n, k) => nodeSvg(n, k, theme, interactive, layout.nameSize) + (keys?.get(n.node.id) ?? '')).join('')}</g>`
  );
}

/**
 * Keyboard stops for the relations out of each node (by source id), placed right after it so Tab
 * reaches each line after its source box: an invisible twin of the line (it takes no clicks; the
 * line below does) that shows when focused or selected, and opens the line's sources with Enter or Space.
 */
function edgeKeys(layout: Layout): Map<string, string> {
  const names = new Map(layout.nodes.map((p) => [p.node.id, p.node.name]));
  const out = new Map<string, string>();
  layout.edges.forEach((e, k) => {
    const words = `${names.get(e.edge.from) ?? e.edge.from} ${layout.labels[e.label]?.text ?? ''} ${names.get(e.edge.to) ?? e.edge.to}`;
    const key =
      `<g class="edge-key" data-ref="e${k}" tabindex="0" role="button" aria-label="${esc(words)}">` +
      // drawn by the page's CSS (the twin exists only there): transparent until focused
      `<path d="${edgePath(e.points)}"/></g>`;
    out.set(e.edge.from, (out.get(e.edge.from) ?? '') + key);
  });
  return out;
}

/** Legend rows (swatch + words), wrapped to `width`; returns the markup and its height. */
function legendSvg(spec: MapSpec, theme: Theme, width: number, y0: number): { svg: string; height: number } {
  const { labels, statuses } = legendEntries(spec);
  const items: { swatch: string; text: string }[] = [
    ...labels.map((l) => ({ swatch: `<rect width="12" height="12" rx="2" fill="${labelColours(l, theme).strong}" class="${labelClass(l)}-strong"/>`, text: labelWords(l) })),
    ...statuses.map((s) => ({ swatch: statusIcon(s, theme), text: STATUS_LEGEND[s] })),
  ];
  if (spec.nodes.some((n) => n.role === 'focus'))
    items.push({ swatch: `<rect x="1" y="1" width="10" height="10" rx="2" fill="none" stroke="${baseColour('fg', theme)}" class="c-focus" stroke-width="2.5"/>`, text: 'focus' });
  if (spec.edges.some((e) => e.proposed))
    items.push({ swatch: `<path d="M0,6 L12,6" stroke="${baseColour('edge', theme)}" class="c-edge" stroke-width="1.5" stroke-dasharray="3 2"/>`, text: 'could move to (first mitigation)' });
  let x = 10;
  let y = y0;
  let out = '';
  for (const it of items) {
    const w = 18 + Math.ceil(textWidth(it.text, 11)) + 14;
    if (x + w > width - 10 && x > 10) {
      x = 10;
      y += 18;
    }
    out += `<g transform="translate(${x},${y})">${it.swatch}<text x="18" y="10.5" font-size="11" fill="${baseColour('fg', theme)}" class="c-fg">${esc(it.text)}</text></g>`;
    x += w;
  }
  return { svg: out, height: y - y0 + 18 };
}

/** Renders a map as a standalone SVG document (or an inline SVG element without chrome). */
export function renderSvg(spec: MapSpec, layout: Layout, opts: SvgOptions): string {
  const { theme, idPrefix } = opts;
  const interactive = opts.interactive ?? false;
  const role = `role="${interactive ? 'group' : 'img'}" aria-labelledby="${idPrefix}-title ${idPrefix}-desc"`;
  const intro = `<title id="${idPrefix}-title">${esc(spec.title)}</title><desc id="${idPrefix}-desc">${esc(spec.alt)}</desc>`;
  const font = `font-family="${esc(FONT_STACK)}"`;
  if (!opts.chrome) {
    let inner = body(layout, theme, idPrefix, interactive);
    // In the page every colour also comes from a class the page's CSS sets (themeRules), so the
    // colour attributes (hex only; text from data is escaped and cannot hold a quote) go.
    if (interactive) inner = inner.replace(/ (?:fill|stroke)="#[0-9a-f]{6}"/g, '');
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" ${role} ${font} class="map-svg">${intro}${inner}</svg>`;
  }
  const width = layout.width;
  const fg = baseColour('fg', theme);
  const muted = baseColour('muted', theme);
  let y = 10;
  let top = '';
  for (const line of wrapText(spec.title, width - 20, 17, true)) {
    y += 21;
    top += `<text x="10" y="${y}" font-size="17" font-weight="700" fill="${fg}" class="c-fg">${esc(line)}</text>`;
  }
  for (const line of wrapText(spec.subtitle, width - 20, 12.5)) {
    y += 17;
    top += `<text x="10" y="${y}" font-size="12.5" fill="${muted}" class="c-muted">${esc(line)}</text>`;
  }
  y += 8;
  const graphTop = y;
  y += layout.height + 6;
  const legend = legendSvg(spec, theme, width, y);
  y += legend.height + 4;
  const { caption } = opts.chrome;
  const captionText = [
    caption.line,
    caption.sources.length ? `Sources: ${caption.sources.join(', ')}${caption.moreSources ? ` and ${caption.moreSources} more` : ''}.` : 'No sources recorded for the shown relations.',
  ];
  if (caption.links) captionText.push(`Interactive map: ${caption.links.map}`, `Data (CSV, with sources): ${caption.links.data}`);
  captionText.push(CREDIT);
  let bottom = '';
  // URLs break at any character, never cut
  const wrapLine = (t: string) => (/https?:\/\/\S{40,}/.test(t) ? wrapChars(t, width - 20, 10.5) : wrapText(t, width - 20, 10.5));
  for (const line of captionText.flatMap(wrapLine)) {
    y += 14;
    bottom += `<text x="10" y="${y}" font-size="10.5" fill="${muted}" class="c-muted">${esc(line)}</text>`;
  }
  const height = Math.ceil(y + 10);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${role} ${font}>${intro}` +
    `<rect width="${width}" height="${height}" fill="${baseColour('bg', theme)}" class="c-bg"/>${top}` +
    `<g transform="translate(0,${graphTop})">${body(layout, theme, idPrefix, false)}</g>${legend.svg}${bottom}</svg>`
  );
}
