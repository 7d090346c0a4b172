// Query parameters of the map endpoints: parsed, checked (errors name the parameter) and
// normalised into one canonical form, which keys the render cache and the ETag. Unknown
// parameters (tracking tags a CMS appends) are ignored and do not split the cache.
import { InvalidInput } from '../../schema/errors.js';
import { dateMs } from '../../graph/snapshot.js';
import { WIDTH } from './layout.js';

export type Format = 'html' | 'svg' | 'png' | 'csv' | 'json';

export interface MapParams {
  focus?: string;
  scenario?: string;
  depth: number;
  max: number;
  theme: 'light' | 'dark' | 'auto';
  asOf?: string;
  /** graph version the map is pinned to */
  v?: string;
  /** image width in CSS px (svg/png); the map is laid out for it */
  width: number;
  /** PNG pixel ratio */
  scale: number;
}

export const LIMITS = {
  depth: { min: 1, max: 4, default: 2 },
  max: { min: 5, max: 80, default: 24 },
  scale: { min: 1, max: 3, default: 2 },
  width: { min: WIDTH.min, max: WIDTH.max, default: WIDTH.default },
} as const;

const ID = /^[a-z]+:[^\s<>"'`]{1,200}$/;
const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const VERSION = /^[A-Za-z0-9._-]{1,40}$/;

function int(name: keyof typeof LIMITS, raw: string | undefined): number {
  const lim = LIMITS[name];
  if (raw === undefined) return lim.default;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < lim.min || Number(raw) > lim.max) throw new InvalidInput(`${name}: expected a whole number from ${lim.min} to ${lim.max}, got "${raw.slice(0, 40)}"`);
  return Number(raw);
}

function oneOf<T extends string>(name: string, raw: string | undefined, values: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new InvalidInput(`${name}: expected one of ${values.join(', ')}, got "${raw.slice(0, 40)}"`);
  return raw as T;
}

/** Drawing widths the earlier `layout` parameter named, so image URLs published with it keep a comparable shape. */
const LAYOUT_WIDTHS = { narrow: 340, medium: 660, wide: 1160 } as const;

function widthOf(width: string | undefined, layout: string | undefined): number {
  if (width !== undefined || layout === undefined) return int('width', width);
  return LAYOUT_WIDTHS[oneOf('layout', layout, ['narrow', 'medium', 'wide'] as const, 'wide')];
}

/** Parses the map parameters from a query (one value per name); throws InvalidInput naming the parameter. */
export function parseMapParams(query: URLSearchParams): MapParams {
  const get = (name: string): string | undefined => {
    const all = query.getAll(name);
    if (all.length > 1) throw new InvalidInput(`${name}: given ${all.length} times; give it once`);
    return all[0];
  };
  const focus = get('focus');
  const scenario = get('scenario');
  if (focus !== undefined && !ID.test(focus)) throw new InvalidInput(`focus: expected an entity id like chip:nvidia-h20, got "${focus.slice(0, 80)}"`);
  if (scenario !== undefined && !NAME.test(scenario)) throw new InvalidInput(`scenario: expected a scenario name like h20-export-ban, got "${scenario.slice(0, 80)}"`);
  if (focus === undefined && scenario === undefined) throw new InvalidInput('focus: required (an entity id such as chip:nvidia-h20), unless scenario is given');
  const asOf = get('asOf');
  if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(dateMs(asOf)))) throw new InvalidInput(`asOf: expected a date as YYYY-MM-DD, got "${asOf.slice(0, 40)}"`);
  const v = get('v');
  if (v !== undefined && !VERSION.test(v)) throw new InvalidInput(`v: expected a graph version (as /healthz reports it), got "${v.slice(0, 40)}"`);
  return {
    focus,
    scenario,
    depth: int('depth', get('depth')),
    max: int('max', get('max')),
    theme: oneOf('theme', get('theme'), ['light', 'dark', 'auto'] as const, 'auto'),
    asOf,
    v,
    width: widthOf(get('width'), get('layout')),
    scale: int('scale', get('scale')),
  };
}

/** The canonical query of the parameters that matter for a format (fixed order, defaults spelled out, no v; data formats ignore theme and width). */
export function canonicalQuery(p: MapParams, format: Format): string {
  const q = new URLSearchParams();
  if (p.focus !== undefined) q.set('focus', p.focus);
  if (p.scenario !== undefined) q.set('scenario', p.scenario);
  q.set('depth', String(p.depth));
  q.set('max', String(p.max));
  // Images have no prefers-color-scheme to follow, so auto renders light there.
  if (format === 'html' || format === 'svg' || format === 'png') q.set('theme', format === 'html' ? p.theme : p.theme === 'dark' ? 'dark' : 'light');
  if (p.asOf !== undefined) q.set('asOf', p.asOf);
  if (format === 'svg' || format === 'png') q.set('width', String(p.width));
  if (format === 'png') q.set('scale', String(p.scale));
  return q.toString();
}

/** A short query for links between formats: only what differs from the defaults, plus v when pinned. */
export function linkQuery(p: MapParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (p.focus !== undefined) q.set('focus', p.focus);
  if (p.scenario !== undefined) q.set('scenario', p.scenario);
  if (p.depth !== LIMITS.depth.default) q.set('depth', String(p.depth));
  if (p.max !== LIMITS.max.default) q.set('max', String(p.max));
  if (p.theme !== 'auto') q.set('theme', p.theme);
  if (p.width !== LIMITS.width.default) q.set('width', String(p.width));
  if (p.asOf !== undefined) q.set('asOf', p.asOf);
  if (p.v !== undefined) q.set('v', p.v);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
