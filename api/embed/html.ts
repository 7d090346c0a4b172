// The embed page: one self-contained HTML document (inline SVG and CSS, system fonts, no outside
// requests) with three drawings of the same map, laid out for a phone, an article column and a
// wide frame; CSS picks one by the frame's width. Nodes and edges open a panel with their
// sources (click, tap, or Enter/Space on a focused node or line), read from a JSON data block;
// a data table carries the same for screen readers and anyone who prefers rows; links lead to the full map and the data.
import type { MapSpec } from './map-model.js';
import type { Layout } from './layout.js';
import { esc } from './markup.js';
import { labelClass, themeRules, type Theme } from './palette.js';
import { labelWords, relationWords } from './relation-roles.js';
import { CREDIT, FONT_STACK, legendEntries, nodeWords, renderSvg, STATUS_LEGEND, statusIcon } from './svg.js';
import type { MapSources } from './sources.js';
import { edgeSources } from './data-export.js';
import { HEIGHT_SCRIPT } from './height-script.js';
import { PANEL_SCRIPT } from './panel-script.js';

/** Drawing widths of the page's three layouts, and the frame widths from which the wider two show. */
export const PAGE_WIDTHS = { narrow: 340, medium: 660, wide: 1160 } as const;
export const PAGE_BREAKPOINTS = { mediumFrom: 560, wideFrom: 1100 } as const;

export interface PageInput {
  spec: MapSpec;
  narrow: Layout;
  medium: Layout;
  wide: Layout;
  sources: MapSources;
  caption: string;
  theme: 'light' | 'dark' | 'auto';
  chartId: string;
  /** path + query of the same map in other formats */
  links: { png: string; csv: string; json: string; page: string };
  /** absolute URL of the oEmbed answer for this page (discovery) */
  oembed: string;
}

const MAX_LINKS = 6;
const MAX_QUOTES = 5;

function styles(p: PageInput): string {
  const base = p.theme === 'auto' ? 'light' : p.theme;
  const dark = p.theme === 'auto' ? `@media (prefers-color-scheme: dark){${themeRules('dark', 'html')}}` : '';
  const { mediumFrom, wideFrom } = PAGE_BREAKPOINTS;
  return (
    `html{margin:0;padding:0}body{margin:0;padding:0;font-family:${FONT_STACK};font-size:14px;line-height:1.35}` +
    `figure{margin:0;padding:10px}h1{font-size:18px;line-height:1.25;margin:0 0 3px}p{margin:0}.sub{font-size:14px}` +
    `.map{margin:10px 0 6px;text-align:center}.map svg{width:100%;height:auto}` +
    `.map-narrow svg{max-width:${Math.round(PAGE_WIDTHS.narrow * 1.2)}px}.map-medium svg{max-width:${PAGE_WIDTHS.medium}px}.map-wide svg{max-width:${PAGE_WIDTHS.wide}px}` +
    `.map-medium,.map-wide{display:none}` +
    `@media (min-width:${mediumFrom}px){.map-narrow{display:none}.map-medium{display:block}}` +
    `@media (min-width:${wideFrom}px){.map-medium{display:none}.map-wide{display:block}}` +
    `.node,.edge{cursor:pointer}.node:focus{outline:none}.node:focus-visible rect:first-of-type,.node.on rect:first-of-type{stroke-width:3.5}` +
    `.edge:hover path:first-child,.edge.on path:first-child{stroke-width:2.6}.edge-key path{fill:none;stroke:transparent;stroke-width:5;stroke-linecap:round;pointer-events:none}.edge-key:focus{outline:none}.edge-key:focus-visible path,.edge-key.on path{stroke:currentColor;stroke-opacity:.45}` +
    `.panel{border:1px solid;border-radius:6px;padding:8px 10px;margin:6px 0;font-size:13px;position:relative}.panel[hidden]{display:none}` +
    `.panel h2{font-size:14px;margin:0 24px 4px 0}.panel ul{margin:4px 0;padding-left:18px}.panel q{font-style:italic}` +
    `.panel .close{position:absolute;top:4px;right:6px;font:inherit;font-size:16px;background:none;border:0;cursor:pointer;color:inherit;padding:2px 6px}` +
    `.legend{list-style:none;margin:4px 0;padding:0;font-size:12px;display:flex;flex-wrap:wrap;gap:4px 14px}` +
    `.legend li{display:flex;align-items:center;gap:5px}.sw{display:inline-block;width:12px;height:12px;border-radius:2px;box-sizing:border-box}` +
    `.ring{border:2.5px solid}.caption{font-size:12px;margin-top:6px}.caption a{text-decoration:underline}` +
    `details.table{font-size:12px;margin-top:6px}details.table table{border-collapse:collapse;width:100%;margin-top:4px}` +
    `details.table th,details.table td{text-align:left;vertical-align:top;padding:2px 6px 2px 0;border-bottom:1px solid rgba(127,127,127,.35)}` +
    themeRules(base, 'html') +
    dark
  );
}

function legendHtml(spec: MapSpec, theme: Theme): string {
  const { labels, statuses } = legendEntries(spec);
  const items = [
    ...labels.map((l) => `<li><span class="sw ${labelClass(l)}-sw"></span>${esc(labelWords(l))}</li>`),
    ...statuses.map((s) => `<li><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">${statusIcon(s, theme)}</svg>${esc(STATUS_LEGEND[s])}</li>`),
  ];
  if (spec.nodes.some((n) => n.role === 'focus')) items.push('<li><span class="sw ring" style="border-color:currentColor"></span>focus</li>');
  if (spec.edges.some((e) => e.proposed)) items.push('<li><span class="sw" style="border-top:2px dashed currentColor;height:0;width:14px"></span>could move to (first mitigation)</li>');
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

function sourcesHtml(sources: MapSources): string {
  if (!sources.links.length) return 'No sources are recorded for the relations shown.';
  const shown = sources.links.slice(0, MAX_LINKS).map((l) => (l.href ? `<a href="${esc(l.href)}" target="_blank" rel="noopener noreferrer">${esc(l.text)}</a>` : esc(l.text)));
  const more = sources.links.length - shown.length;
  return `Sources: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

/** One source for the panel: [document, href or null, date, quote or null]. */
type PanelSource = [string, string | null, string, string | null];

/**
 * What the panel shows, as a JSON data block the panel script reads (text only: the script puts
 * it in the page with textContent, never as markup). Each edge's sources are written once; a
 * node lists the edges that touch it.
 */
export function panelData(spec: MapSpec, sources: MapSources): string {
  const names = new Map(spec.nodes.map((n) => [n.id, n.name]));
  const sentence = (e: MapSpec['edges'][number]) => `${names.get(e.from) ?? e.from} ${relationWords(e.type)} ${names.get(e.to) ?? e.to}`;
  const data = {
    n: spec.nodes.map((n) => ({
      h: nodeWords(n),
      ...(n.members ? { m: `${n.members.length} entities, not drawn one by one; the data download lists them.` } : {}),
      r: spec.edges.flatMap((e, k) => (e.from === n.id || e.to === n.id ? [k] : [])),
    })),
    e: spec.edges.map((e) => {
      const list = edgeSources(e, sources);
      return {
        h: sentence(e),
        ...(e.proposed ? { p: 'A suggested way around the break, not a relation in the graph.' } : {}),
        s: list.slice(0, MAX_QUOTES).map((x): PanelSource => [x.document, x.href, x.observedAt, x.quote ?? null]),
        ...(list.length > MAX_QUOTES ? { more: list.length - MAX_QUOTES } : {}),
      };
    }),
  };
  // a data block: "<" escaped so no text can close the element; U+2028/9 escaped for old parsers
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The same map as rows, for screen readers and anyone who prefers a table. */
function tableHtml(spec: MapSpec, sources: MapSources): string {
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  const cell = (id: string) => {
    const n = byId.get(id);
    return n ? esc(nodeWords(n)) : esc(id);
  };
  const rows = spec.edges.map((e) => {
    const docs = [...new Set(edgeSources(e, sources).map((s) => s.document))];
    return `<tr><td>${cell(e.from)}</td><td>${esc(relationWords(e.type))}</td><td>${cell(e.to)}</td><td>${docs.length ? esc(docs.join('; ')) : e.proposed ? 'suggested' : '—'}</td></tr>`;
  });
  const linked = new Set(spec.edges.flatMap((e) => [e.from, e.to]));
  for (const n of spec.nodes) if (!linked.has(n.id)) rows.push(`<tr><td>${esc(nodeWords(n))}</td><td>—</td><td>—</td><td>—</td></tr>`);
  return (
    `<details class="table"><summary>Data table</summary><table><caption class="muted">${esc(spec.title)}</caption>` +
    `<thead><tr><th scope="col">From</th><th scope="col">Relation</th><th scope="col">To</th><th scope="col">Sources</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
  );
}

/** Renders the embed page. */
export function renderPage(p: PageInput): string {
  const theme: Theme = p.theme === 'dark' ? 'dark' : 'light';
  const draw = (l: Layout, prefix: string) => renderSvg(p.spec, l, { theme, idPrefix: prefix, interactive: true });
  const a = (href: string, text: string) => `<a href="${esc(href)}" target="_blank" rel="noopener">${text}</a>`;
  return (
    `<!doctype html><html lang="en" data-chart-id="${esc(p.chartId)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="data:,">` +
    `<meta name="color-scheme" content="${p.theme === 'auto' ? 'light dark' : p.theme}">` +
    `<link rel="alternate" type="application/json+oembed" href="${esc(p.oembed)}" title="${esc(p.spec.title)}">` +
    `<title>${esc(p.spec.title)}</title><style>${styles(p)}</style></head><body>` +
    `<figure><h1>${esc(p.spec.title)}</h1><p class="sub muted">${esc(p.spec.subtitle)}</p>` +
    `<div class="map map-narrow">${draw(p.narrow, 'n')}</div><div class="map map-medium">${draw(p.medium, 'm')}</div><div class="map map-wide">${draw(p.wide, 'w')}</div>` +
    `<div class="panel" id="panel" hidden role="region" aria-live="polite" aria-label="Details"><button type="button" class="close" aria-label="Close details">×</button><div class="panel-body"></div></div>` +
    `<figcaption>${legendHtml(p.spec, theme)}<p class="caption muted">Select a box or a line for its sources. ${esc(p.caption)} ${sourcesHtml(p.sources)}</p>` +
    `<p class="caption">${esc(CREDIT)} · ${a(p.links.page, 'Open the full map')} · Data: ${a(p.links.csv, 'CSV')}, ${a(p.links.json, 'JSON')} · ${a(p.links.png, 'PNG')}</p>` +
    `${tableHtml(p.spec, p.sources)}</figcaption></figure><script type="application/json" id="map-data">${panelData(p.spec, p.sources)}</script>` +
    `<script>${HEIGHT_SCRIPT}</script><script>${PANEL_SCRIPT}</script></body></html>`
  );
}

/** A small page for an error inside an iframe (the reader sees a notice, not JSON). */
export function errorPage(message: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>Map unavailable</title>` +
    `<style>body{margin:0;font-family:${FONT_STACK};font-size:14px;color:#1a1a1a;background:#fff}` +
    `.notice{margin:10px;padding:10px 12px;border:1px solid #c4c4c4;border-left:4px solid #b2182b;border-radius:4px}` +
    `@media (prefers-color-scheme:dark){body{color:#ececec;background:#121417}.notice{border-color:#4a4f57;border-left-color:#ff5c5c}}</style></head>` +
    `<body><div class="notice" role="alert"><strong>This map cannot be shown.</strong><p>${esc(message)}</p></div></body></html>`
  );
}
