// oEmbed 1.0 (type "rich"): the iframe snippet for one of this server's /embed/map URLs, with a
// width and a height estimated from the layout (the height messages then correct it live).
import { InvalidInput, NotFound } from '../../schema/errors.js';
import type { MapSpec } from './map-model.js';
import type { Layout } from './layout.js';
import { esc } from './markup.js';
import { legendEntries } from './svg.js';
import { wrapText } from './text-width.js';
import { linkQuery, parseMapParams, type MapParams } from './params.js';
import { chartId } from './render-map.js';
import { breakpoints } from './html.js';

export const DEFAULT_WIDTH = 640;

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

/** Estimated page height in px at a frame width, from the same numbers the page's CSS uses. */
export function estimateHeight(spec: MapSpec, layouts: { wide: Layout; medium: Layout; narrow: Layout }, width: number): number {
  const inner = width - 20;
  const { wideFrom, mediumFrom } = breakpoints(layouts.wide);
  const [shown, cap] = width >= wideFrom ? [layouts.wide, layouts.wide.width] : width >= mediumFrom ? [layouts.medium, 800] : [layouts.narrow, 480];
  const drawing = shown.height * (Math.min(inner, cap) / shown.width);
  const title = wrapText(spec.title, inner, 17, true).length * 23;
  const subtitle = wrapText(spec.subtitle, inner, 13).length * 18;
  const { labels, statuses } = legendEntries(spec);
  const legendRows = Math.ceil((labels.length + statuses.length + 1) / Math.max(1, Math.floor(inner / 110)));
  const caption = 4 * 17;
  return Math.ceil(20 + title + subtitle + 16 + drawing + legendRows * 20 + caption + 16);
}

export interface OEmbedInput {
  origin: string;
  params: MapParams;
  spec: MapSpec;
  layouts: { wide: Layout; medium: Layout; narrow: Layout };
  maxwidth?: number;
  maxheight?: number;
}

/** The oEmbed response object. */
export function oembedResponse(i: OEmbedInput): Record<string, string | number> {
  const width = Math.max(280, Math.min(i.maxwidth ?? DEFAULT_WIDTH, 1600));
  const natural = estimateHeight(i.spec, i.layouts, width);
  const height = i.maxheight ? Math.min(natural, Math.max(200, i.maxheight)) : natural;
  const src = `${i.origin}/embed/map?${linkQuery(i.params)}`;
  const png = `${i.origin}/embed/map.png?${linkQuery(i.params)}`;
  const html =
    `<iframe src="${esc(src)}" title="${esc(i.spec.title)}" id="${esc(chartId(i.params))}" width="${width}" height="${height}" ` +
    `style="border:0;width:100%;max-width:${width}px" loading="lazy" scrolling="no"></iframe>` +
    `<noscript><img src="${esc(png)}" alt="${esc(i.spec.alt)}" style="max-width:100%"></noscript>`;
  return { version: '1.0', type: 'rich', provider_name: 'chokepoint', provider_url: `${i.origin}/embed`, title: i.spec.title, width, height, html, cache_age: 300 };
}
