// Draws a laid-out map as SVG. Colours go in as attributes for the chosen theme (so the file
// renders alone, in a browser or the PNG renderer) and as classes (so the HTML page can switch
// themes with CSS). With `chrome` the title, legend and caption are drawn too, for the image
// endpoints; the HTML page draws those as HTML instead.
import type { MapSpec, MapStatus } from './map-model.js';
import { STATUS_ORDER } from './map-model.js';
import type { Layout, PlacedEdge, PlacedNode } from './layout.js';
import { FONT } from './layout.js';
import { esc } from './markup.js';
import { baseColour, labelClass, labelColours, statusColour, type Theme } from './palette.js';
import { labelWords } from './relation-roles.js';
import { textWidth, wrapText } from './text-width.js';

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export interface Caption {
  /** "Data as of 2026-04-20 · graph version 12" */
  line: string;
  /** short names of the sources behind the shown edges */
  sources: string[];
  moreSources: number;
}

export interface SvgOptions {
  theme: Theme;
  /** prefix for ids inside the SVG, unique per SVG on one page */
  idPrefix: string;
  /** draw title, legend and caption inside the image */
  chrome?: { caption: Caption };
}

export const STATUS_LEGEND: Record<MapStatus, string> = {
  SHOCKED: 'hit by the scenario',
  BROKEN: 'breaks',
  DEGRADED: 'degraded',
  AT_RISK: 'at risk',
  UNAFFECTED: 'unaffected',
};

/** Labels and statuses present on a map, in schema and severity order, for its legend. */
export function legendEntries(spec: MapSpec): { labels: string[]; statuses: MapStatus[] } {
  const labels = [...new Set(spec.nodes.map((n) => n.label))].sort((a, b) => labelClass(a).localeCompare(labelClass(b), 'en', { numeric: true }));
  const present = new Set(spec.nodes.map((n) => n.status).filter((s): s is MapStatus => !!s));
  return { labels, statuses: STATUS_ORDER.filter((s) => present.has(s)) };
}

function nodeSvg(p: PlacedNode, theme: Theme): string {
  const lc = labelColours(p.node.label, theme);
  const cls = labelClass(p.node.label);
  const focus = p.node.role === 'focus';
  const stroke = p.node.status ? statusColour(p.node.status, theme) : focus ? baseColour('fg', theme) : baseColour('stroke', theme);
  const strokeCls = p.node.status ? `s-${p.node.status}` : focus ? 'c-focus' : 'c-stroke';
  const sw = p.node.status || focus ? 2.5 : 1;
  const tip = `${p.node.name} (${labelWords(p.node.label)}${p.node.seat ? `, ${p.node.seat}` : ''})`;
  return (
    `<g transform="translate(${p.x},${p.y})"><title>${esc(tip)}</title>` +
    `<rect width="${p.w}" height="${p.h}" rx="5" fill="${lc.tint}" class="${cls}-tint ${strokeCls}" stroke="${stroke}" stroke-width="${sw}"/>` +
    `<rect x="${sw / 2}" y="${sw / 2}" width="5" height="${p.h - sw}" rx="2" fill="${lc.strong}" class="${cls}-strong"/>` +
    `<text x="12" y="17" font-size="${FONT.name}" font-weight="700" fill="${baseColour('fg', theme)}" class="c-fg">${esc(p.name.text)}</text>` +
    `<text x="12" y="32" font-size="${FONT.sub}" fill="${baseColour('muted', theme)}" class="c-muted">${esc(p.sub)}</text></g>`
  );
}

function edgeSvg(e: PlacedEdge, theme: Theme, idPrefix: string): string {
  let out = `<path d="${e.path}" fill="none" stroke="${baseColour('edge', theme)}" class="c-edge" stroke-width="1.2" marker-end="url(#${idPrefix}-arrow)"/>`;
  if (e.label) {
    const w = Math.ceil(e.label.w);
    out +=
      `<rect x="${Math.round(e.label.x - w / 2)}" y="${Math.round(e.label.y - 7)}" width="${w}" height="14" fill="${baseColour('bg', theme)}" class="c-bg"/>` +
      `<text x="${e.label.x}" y="${e.label.y + 3.5}" text-anchor="middle" font-size="${FONT.edge}" fill="${baseColour('muted', theme)}" class="c-muted">${esc(e.label.text)}</text>`;
  }
  return out;
}

/** The graph body: edges under nodes, at the origin, in the layout's own size. */
function body(layout: Layout, theme: Theme, idPrefix: string): string {
  const head = baseColour('edge', theme);
  return (
    `<defs><marker id="${idPrefix}-arrow" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto">` +
    `<path d="M0,0 L8,4 L0,8 z" fill="${head}" class="c-edge-head"/></marker></defs>` +
    `<g>${layout.edges.map((e) => edgeSvg(e, theme, idPrefix)).join('')}</g>` +
    `<g>${layout.nodes.map((n) => nodeSvg(n, theme)).join('')}</g>`
  );
}

/** Legend rows (swatch + words), wrapped to `width`; returns the markup and its height. */
function legendSvg(spec: MapSpec, theme: Theme, width: number, y0: number): { svg: string; height: number } {
  const { labels, statuses } = legendEntries(spec);
  const items: { swatch: string; text: string }[] = [
    ...labels.map((l) => ({ swatch: `<rect width="12" height="12" rx="2" fill="${labelColours(l, theme).strong}" class="${labelClass(l)}-strong"/>`, text: labelWords(l) })),
    ...statuses.map((s) => ({
      swatch: `<rect x="1" y="1" width="10" height="10" rx="2" fill="none" stroke="${statusColour(s, theme)}" class="s-${s}" stroke-width="2.5"/>`,
      text: STATUS_LEGEND[s],
    })),
  ];
  if (spec.kind === 'focus')
    items.push({ swatch: `<rect x="1" y="1" width="10" height="10" rx="2" fill="none" stroke="${baseColour('fg', theme)}" class="c-focus" stroke-width="2.5"/>`, text: 'focus' });
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
  const aria = `role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc"`;
  const intro = `<title id="${idPrefix}-title">${esc(spec.title)}</title><desc id="${idPrefix}-desc">${esc(spec.alt)}</desc>`;
  const font = `font-family="${esc(FONT_STACK)}"`;
  if (!opts.chrome) {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" ${aria} ${font} class="map-svg">${intro}${body(layout, theme, idPrefix)}</svg>`;
  }
  const width = Math.max(layout.width, 320);
  const fg = baseColour('fg', theme);
  const muted = baseColour('muted', theme);
  let y = 10;
  let top = '';
  for (const line of wrapText(spec.title, width - 20, 16, true)) {
    y += 20;
    top += `<text x="10" y="${y}" font-size="16" font-weight="700" fill="${fg}" class="c-fg">${esc(line)}</text>`;
  }
  for (const line of wrapText(spec.subtitle, width - 20, 12)) {
    y += 17;
    top += `<text x="10" y="${y}" font-size="12" fill="${muted}" class="c-muted">${esc(line)}</text>`;
  }
  y += 8;
  const graphTop = y;
  const gx = Math.round((width - layout.width) / 2);
  y += layout.height + 6;
  const legend = legendSvg(spec, theme, width, y);
  y += legend.height + 4;
  const { caption } = opts.chrome;
  const captionText = [
    caption.line,
    caption.sources.length ? `Sources: ${caption.sources.join(', ')}${caption.moreSources ? ` and ${caption.moreSources} more` : ''}` : 'No sources recorded for the shown relations',
  ];
  let bottom = '';
  for (const line of captionText.flatMap((t) => wrapText(t, width - 20, 10.5))) {
    y += 14;
    bottom += `<text x="10" y="${y}" font-size="10.5" fill="${muted}" class="c-muted">${esc(line)}</text>`;
  }
  const height = Math.ceil(y + 10);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${aria} ${font}>${intro}` +
    `<rect width="${width}" height="${height}" fill="${baseColour('bg', theme)}" class="c-bg"/>${top}` +
    `<g transform="translate(${gx},${graphTop})">${body(layout, theme, idPrefix)}</g>${legend.svg}${bottom}</svg>`
  );
}
