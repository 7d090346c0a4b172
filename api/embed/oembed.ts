// oEmbed 1.0 (type "rich"): the iframe snippet for one of this server's /embed/map URLs, with a
// width (maxwidth, default 680) and a height estimated from the layout (the height messages then
// correct it live), capped by maxheight; a PNG thumbnail.
import * as cheerio from 'cheerio';
import { InvalidInput, NotFound } from '../../schema/errors.js';
import type { MapSpec } from './map-model.js';
import { WIDTH, type Layout } from './layout.js';
import { esc } from './markup.js';
import { legendEntries } from './svg.js';
import { textWidth, wrapText } from './text-width.js';
import { linkQuery, parseMapParams, type MapParams } from './params.js';
import { chartId } from './render-map.js';
import { PAGE_BREAKPOINTS } from './html.js';

export const DEFAULT_WIDTH = WIDTH.default;

/** What the public origin is read from: PUBLIC_URL, else the address the request arrived on (the socket's, never the Host header a client chose). */
export interface OriginSource {
  publicUrl?: string;
  socket?: { localAddress?: string; localPort?: number; encrypted?: boolean };
}

/** The server's public origin (scheme, host and port) for URLs in oEmbed answers and embed codes. */
export function publicOrigin(from: OriginSource): string {
  if (from.publicUrl) return new URL(from.publicUrl).origin;
  const address = from.socket?.localAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!address || !from.socket?.localPort) return 'http://localhost';
  const host = address.includes(':') ? `[${address}]` : address;
  return `${from.socket.encrypted ? 'https' : 'http'}://${host}:${from.socket.localPort}`;
}

/** Checks that `url` is this server's /embed/map and returns its parameters. */
export function embedUrlParams(raw: string | undefined, origin: string): MapParams {
  if (!raw) throw new InvalidInput('url: required (an embed URL like ' + origin + '/embed/map?focus=chip:nvidia-h20)');
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InvalidInput(`url: not an absolute URL: "${raw.slice(0, 120)}"`);
  }
  if (u.origin !== origin || u.pathname !== '/embed/map') throw new NotFound(`url: not a map of this server (expected ${origin}/embed/map?…, got ${u.origin}${u.pathname})`);
  try {
    return parseMapParams(u.searchParams);
  } catch (err) {
    if (err instanceof InvalidInput) throw new InvalidInput(`url: ${err.message}`);
    throw err;
  }
}

export interface PageLayouts {
  narrow: Layout;
  medium: Layout;
  wide: Layout;
}

/**
 * What the oEmbed answer needs to know of a page: its title, and the sizes its height is
 * estimated from. Small and plain, so a published page keeps it beside its bytes and oEmbed for
 * an old pinned version answers from it, not from the current graph.
 */
export interface PageMeasures {
  title: string;
  subtitle: string;
  legendItems: number;
  drawings: Record<keyof PageLayouts, { width: number; height: number }>;
}

/** The measures of a page drawn from a map and its three layouts. */
export function pageMeasures(spec: MapSpec, layouts: PageLayouts): PageMeasures {
  const { labels, statuses } = legendEntries(spec);
  const size = (l: Layout) => ({ width: l.width, height: l.height });
  return {
    title: spec.title,
    subtitle: spec.subtitle,
    legendItems: labels.length + statuses.length + 2,
    drawings: { narrow: size(layouts.narrow), medium: size(layouts.medium), wide: size(layouts.wide) },
  };
}

/** Measures kept on disk as JSON, or undefined when the bytes are not such measures. */
export function parsePageMeasures(bytes: Uint8Array): PageMeasures | undefined {
  try {
    return asPageMeasures(JSON.parse(Buffer.from(bytes).toString('utf8')));
  } catch {
    return undefined;
  }
}

/** Checks that parsed JSON is a PageMeasures (as kept on disk), or returns undefined. */
export function asPageMeasures(value: unknown): PageMeasures | undefined {
  const m = value as Partial<PageMeasures> | null;
  const size = (d: unknown) => typeof d === 'object' && d !== null && Number.isFinite((d as { width: unknown }).width) && Number.isFinite((d as { height: unknown }).height);
  if (!m || typeof m.title !== 'string' || typeof m.subtitle !== 'string' || !Number.isFinite(m.legendItems)) return undefined;
  if (!m.drawings || !size(m.drawings.narrow) || !size(m.drawings.medium) || !size(m.drawings.wide)) return undefined;
  return m as PageMeasures;
}

/**
 * The measures read back from a published page itself, for pages kept before their measures were
 * kept beside them: title and subtitle as shown, the legend's entries, each drawing's size.
 */
export function measuresOfPage(html: string): PageMeasures | undefined {
  const $ = cheerio.load(html);
  const size = (cls: string) => {
    const svg = $(`.${cls} svg`).first();
    return { width: Number(svg.attr('width')), height: Number(svg.attr('height')) };
  };
  return asPageMeasures({
    title: $('figure h1').first().text(),
    subtitle: $('figure p.sub').first().text(),
    // kinds and statuses, plus the two the estimate allows for (as pageMeasures counts)
    legendItems: $('ul.legend li').filter((_, li) => !/^(focus|could move to)/.test($(li).text())).length + 2,
    drawings: { narrow: size('map-narrow'), medium: size('map-medium'), wide: size('map-wide') },
  });
}

/** Estimated page height in px at a frame width, from the same numbers the page's CSS uses. */
export function estimateHeight(m: PageMeasures, width: number): number {
  const inner = width - 20;
  const { narrow, medium, wide } = m.drawings;
  const shown = width >= PAGE_BREAKPOINTS.wideFrom ? wide : width >= PAGE_BREAKPOINTS.mediumFrom ? medium : narrow;
  const cap = shown === narrow ? shown.width * 1.2 : shown.width;
  const drawing = shown.height * (Math.min(inner, cap) / shown.width);
  const title = wrapText(m.title, inner, 18, true).length * 23;
  const subtitle = wrapText(m.subtitle, inner, 14).length * 19;
  const legendRows = Math.ceil(m.legendItems / Math.max(1, Math.floor(inner / 110)));
  const caption = Math.ceil((textWidth('Select a box or a line for its sources. Data as of 2026-01-01 · graph version 100. Sources: ', 12) + 6 * 90) / inner + 1) * 17;
  const table = 20;
  // a little generous: without JavaScript a frame too short would cut off the credit and links
  return Math.ceil((20 + title + subtitle + 16 + drawing + legendRows * 20 + caption + table + 12) * 1.05 + 12);
}

export interface OEmbedInput {
  origin: string;
  /** the map, pinned (v set) */
  params: MapParams;
  measures: PageMeasures;
  maxwidth?: number;
  maxheight?: number;
  thumbnail?: { url: string; width: number; height: number };
}

/** The iframe snippet for a map: sized for `width`, sensible without JavaScript (no second copy of the map). */
export function embedSnippet(i: OEmbedInput): { html: string; width: number; height: number } {
  const width = i.maxwidth ? Math.min(i.maxwidth, 1600) : DEFAULT_WIDTH;
  const natural = estimateHeight(i.measures, width);
  const height = i.maxheight ? Math.min(natural, i.maxheight) : natural;
  const src = `${i.origin}/embed/map?${linkQuery(i.params)}`;
  // When maxheight clips the map, the frame scrolls instead of hiding the rest.
  const html =
    `<iframe src="${esc(src)}" title="${esc(i.measures.title)}" id="${esc(chartId(i.params))}" width="${width}" height="${height}" ` +
    `style="border:0;width:100%;max-width:${width}px" loading="lazy" scrolling="${height < natural ? 'yes' : 'no'}"></iframe>`;
  return { html, width, height };
}

/** The oEmbed response object. */
export function oembedResponse(i: OEmbedInput): Record<string, string | number> {
  const { html, width, height } = embedSnippet(i);
  const out: Record<string, string | number> = {
    version: '1.0',
    type: 'rich',
    provider_name: 'chokepoint',
    provider_url: `${i.origin}/embed`,
    title: i.measures.title,
    width,
    height,
    html,
    cache_age: 300,
  };
  if (i.thumbnail) Object.assign(out, { thumbnail_url: i.thumbnail.url, thumbnail_width: i.thumbnail.width, thumbnail_height: i.thumbnail.height });
  return out;
}
