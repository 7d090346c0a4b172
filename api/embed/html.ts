// The embed page: one self-contained HTML document (inline SVG and CSS, system fonts, no outside
// requests) with a wide, a medium and a narrow drawing of the same map; CSS picks one by the
// frame's width.
import type { MapSpec } from './map-model.js';
import type { Layout } from './layout.js';
import { esc } from './markup.js';
import { labelClass, themeRules, type Theme } from './palette.js';
import { labelWords } from './relation-roles.js';
import { FONT_STACK, legendEntries, renderSvg, STATUS_LEGEND } from './svg.js';
import type { MapSources } from './sources.js';
import { HEIGHT_SCRIPT } from './height-script.js';

export interface PageInput {
  spec: MapSpec;
  wide: Layout;
  medium: Layout;
  narrow: Layout;
  sources: MapSources;
  caption: string;
  theme: 'light' | 'dark' | 'auto';
  chartId: string;
  /** path + query of the PNG of the same map */
  pngHref: string;
}

const MAX_LINKS = 6;

function styles(p: PageInput): string {
  const base = p.theme === 'auto' ? 'light' : p.theme;
  const { wideFrom, mediumFrom } = breakpoints(p.wide);
  const dark = p.theme === 'auto' ? `@media (prefers-color-scheme: dark){${themeRules('dark', 'html')}}` : '';
  return (
    `html{margin:0;padding:0}body{margin:0;padding:0;font-family:${FONT_STACK};font-size:14px;line-height:1.35}` +
    `figure{margin:0;padding:10px}h1{font-size:17px;margin:0 0 2px}p{margin:0}.sub{font-size:13px}` +
    `.map{margin:10px 0 6px;text-align:center}.map svg{max-width:100%;height:auto}.map-wide svg{width:${p.wide.width}px}` +
    `.map-medium svg{width:100%;max-width:800px}.map-narrow svg{width:100%;max-width:480px}.map-medium,.map-narrow{display:none}` +
    `@media (max-width:${wideFrom - 1}px){.map-wide{display:none}.map-medium{display:block}}` +
    `@media (max-width:${mediumFrom - 1}px){.map-medium{display:none}.map-narrow{display:block}}` +
    `.legend{list-style:none;margin:4px 0;padding:0;font-size:12px;display:flex;flex-wrap:wrap;gap:4px 14px}` +
    `.legend li{display:flex;align-items:center;gap:5px}.sw{display:inline-block;width:12px;height:12px;border-radius:2px;box-sizing:border-box}` +
    `.ring{border:2.5px solid}.caption{font-size:12px;margin-top:6px}.caption a{text-decoration:underline}` +
    themeRules(base, 'html') +
    dark
  );
}

function legendHtml(spec: MapSpec): string {
  const { labels, statuses } = legendEntries(spec);
  const items = [
    ...labels.map((l) => `<li><span class="sw ${labelClass(l)}-sw"></span>${esc(labelWords(l))}</li>`),
    ...statuses.map((s) => `<li><span class="sw ring s-${s}-sw"></span>${esc(STATUS_LEGEND[s])}</li>`),
  ];
  if (spec.kind === 'focus') items.push('<li><span class="sw ring" style="border-color:currentColor"></span>focus</li>');
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

function sourcesHtml(sources: MapSources): string {
  if (!sources.links.length) return 'No sources are recorded for the relations shown.';
  const shown = sources.links.slice(0, MAX_LINKS).map((l) => (l.href ? `<a href="${esc(l.href)}" target="_blank" rel="noopener noreferrer">${esc(l.text)}</a>` : esc(l.text)));
  const more = sources.links.length - shown.length;
  return `Sources: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

/** Frame widths from which the wide and the medium drawing show: the wide one only when it fits at 3/4 of its size. */
export function breakpoints(wide: Layout): { wideFrom: number; mediumFrom: number } {
  return { wideFrom: Math.max(680, Math.round(wide.width * 0.75)), mediumFrom: 560 };
}

/** Renders the embed page. */
export function renderPage(p: PageInput): string {
  const theme: Theme = p.theme === 'dark' ? 'dark' : 'light';
  const wide = renderSvg(p.spec, p.wide, { theme, idPrefix: 'w' });
  const medium = renderSvg(p.spec, p.medium, { theme, idPrefix: 'm' });
  const narrow = renderSvg(p.spec, p.narrow, { theme, idPrefix: 'n' });
  return (
    `<!doctype html><html lang="en" data-chart-id="${esc(p.chartId)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="data:,">` +
    `<meta name="color-scheme" content="${p.theme === 'auto' ? 'light dark' : p.theme}">` +
    `<title>${esc(p.spec.title)}</title><style>${styles(p)}</style></head><body>` +
    `<figure><h1>${esc(p.spec.title)}</h1><p class="sub muted">${esc(p.spec.subtitle)}</p>` +
    `<div class="map map-wide">${wide}</div><div class="map map-medium">${medium}</div><div class="map map-narrow">${narrow}</div>` +
    `<figcaption>${legendHtml(p.spec)}<p class="caption muted">${esc(p.caption)} ${sourcesHtml(p.sources)}</p>` +
    `<noscript><p class="caption"><a href="${esc(p.pngHref)}">This map as a PNG image</a></p></noscript></figcaption></figure>` +
    `<script>${HEIGHT_SCRIPT}</script></body></html>`
  );
}
