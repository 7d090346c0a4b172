// From request parameters to bytes: build the map (focus or scenario), lay it out, draw it in
// the asked format. Pure apart from reading sources from the store and scenarios from the library.
import { createHash } from 'node:crypto';
import type { GraphStore } from '../../graph/store.js';
import { dateMs, type Snapshot } from '../../graph/snapshot.js';
import { findScenario } from '../../scenarios/scenario-file.js';
import type { MapSpec } from './map-model.js';
import { focusMap } from './focus-map.js';
import { scenarioMap } from './scenario-map.js';
import { layoutMap } from './layout.js';
import type { PageLayouts } from './oembed.js';
import { renderSvg, type Caption } from './svg.js';
import { PAGE_WIDTHS, renderPage } from './html.js';
import { mapCsv, mapJson } from './data-export.js';
import { mapSources, type MapSources } from './sources.js';
import { svgToPng } from './png.js';
import { canonicalQuery, LIMITS, linkQuery, type Format, type MapParams } from './params.js';

export const CONTENT_TYPES: Record<Format, string> = {
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

/** A stable id for a chart (its canonical parameters), used in the height messages. */
export function chartId(p: MapParams): string {
  return `chokepoint-${createHash('sha256').update(canonicalQuery(p, 'html')).digest('hex').slice(0, 12)}`;
}

/** The map a request asks for, over one snapshot. */
export function buildSpec(s: Snapshot, p: MapParams, scenarioDir?: string): MapSpec {
  const asOfMs = dateMs(p.asOf);
  if (p.scenario !== undefined) return scenarioMap(s, findScenario(p.scenario, scenarioDir), { focus: p.focus, max: p.max, asOf: p.asOf, asOfMs });
  return focusMap(s, p.focus!, { depth: p.depth, max: p.max, asOfMs, asOf: p.asOf });
}

function captionLine(spec: MapSpec, sources: MapSources): string {
  const when = spec.asOf ? `Relations valid on ${spec.asOf}` : sources.observedUntil ? `Data as of ${sources.observedUntil}` : 'Current data';
  return `${when} · graph version ${spec.graphVersion}${spec.omitted ? ` · ${spec.omitted} more not shown` : ''}.`;
}

function imageCaption(spec: MapSpec, sources: MapSources, links: Caption['links']): Caption {
  const names = sources.links.map((l) => l.text);
  return { line: captionLine(spec, sources), sources: names.slice(0, 4), moreSources: Math.max(0, names.length - 4), links };
}

/** Links from one format of a map to the others (paths and queries; pinned when the map is). */
export function mapLinks(p: MapParams): { page: string; png: string; csv: string; json: string } {
  const data = linkQuery({ ...p, theme: 'auto', width: LIMITS.width.default });
  return { page: `/embed/map?${linkQuery(p)}`, png: `/embed/map.png?${linkQuery(p)}`, csv: `/embed/map.csv?${data}`, json: `/embed/map.json?${data}` };
}

export interface RenderInput {
  snapshot: Snapshot;
  store: GraphStore;
  params: MapParams;
  format: Format;
  scenarioDir?: string;
  /** public origin, for the absolute links an image or the oEmbed discovery link carries */
  origin: string;
}

/** The page's three layouts of a map, one per drawing width. */
export function pageLayouts(spec: MapSpec): PageLayouts {
  return { narrow: layoutMap(spec, PAGE_WIDTHS.narrow), medium: layoutMap(spec, PAGE_WIDTHS.medium), wide: layoutMap(spec, PAGE_WIDTHS.wide) };
}

/** A map drawn in one format; a page also gives the map and the three layouts it was drawn from. */
export interface Drawn {
  body: Uint8Array;
  page?: { spec: MapSpec; layouts: PageLayouts };
}

/** Renders one map in one format; throws NotFound/InvalidInput for unknown focus or scenario. */
export async function renderMap(input: RenderInput): Promise<Uint8Array> {
  return (await drawMap(input)).body;
}

/** Renders one map in one format, with what a page was laid out from (so its measures need no second layout). */
export async function drawMap(input: RenderInput): Promise<Drawn> {
  const { snapshot, store, params: p, format } = input;
  const spec = buildSpec(snapshot, p, input.scenarioDir);
  const sources = await mapSources(store, spec);
  if (format === 'json') return { body: Buffer.from(mapJson(spec, sources), 'utf8') };
  if (format === 'csv') return { body: Buffer.from(mapCsv(spec, sources), 'utf8') };
  const links = mapLinks(p);
  if (format === 'html') {
    const layouts = pageLayouts(spec);
    const page = renderPage({
      spec,
      ...layouts,
      sources,
      caption: captionLine(spec, sources),
      theme: p.theme,
      chartId: chartId(p),
      links,
      oembed: `${input.origin}/oembed?url=${encodeURIComponent(`${input.origin}/embed/map?${linkQuery(p)}`)}`,
    });
    return { body: Buffer.from(page, 'utf8'), page: { spec, layouts } };
  }
  const theme = p.theme === 'dark' ? 'dark' : 'light';
  const caption = imageCaption(spec, sources, { map: `${input.origin}${links.page}`, data: `${input.origin}${links.csv}` });
  const svg = renderSvg(spec, layoutMap(spec, p.width), { theme, idPrefix: 'i', chrome: { caption } });
  if (format === 'svg') return { body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 'utf8') };
  return { body: await svgToPng(svg, p.scale) };
}
