// Colours: one hue per label (assigned in schema order, so a new label gets the next hue with no
// code change), one per impact status, and the two themes. Colours are given as attributes in the
// SVG (so the image renders alone) and as class rules in the HTML (so `theme=auto` can switch).
import { LABELS } from '../../schema/generated/model.js';
import type { MapStatus } from './map-model.js';

export type Theme = 'light' | 'dark';

interface Pair {
  light: string;
  dark: string;
}

// Colour-blind-aware qualitative hues (Okabe-Ito and Tableau 10 blends); strong for the label bar,
// tint for the node fill.
const HUES: { strong: Pair; tint: Pair }[] = [
  { strong: { light: '#0072b2', dark: '#56b4e9' }, tint: { light: '#e6f1f8', dark: '#13283a' } },
  { strong: { light: '#6a3d9a', dark: '#b39ddb' }, tint: { light: '#efe9f6', dark: '#2a2238' } },
  { strong: { light: '#8c564b', dark: '#d7a99c' }, tint: { light: '#f3ebe9', dark: '#33261f' } },
  { strong: { light: '#b8860b', dark: '#e6c35c' }, tint: { light: '#f8f1de', dark: '#352d14' } },
  { strong: { light: '#17808a', dark: '#6fd0d9' }, tint: { light: '#e0f0f1', dark: '#123033' } },
  { strong: { light: '#7f7f7f', dark: '#b0b0b0' }, tint: { light: '#f0f0f0', dark: '#2a2a2a' } },
  { strong: { light: '#009e73', dark: '#4fd1a5' }, tint: { light: '#e0f3ed', dark: '#12302a' } },
  { strong: { light: '#cc3d8f', dark: '#f08cc6' }, tint: { light: '#f9e6f1', dark: '#381d2d' } },
  { strong: { light: '#3c5a14', dark: '#a5c96b' }, tint: { light: '#ebf0e3', dark: '#232d16' } },
  { strong: { light: '#1f4e79', dark: '#8fb5dc' }, tint: { light: '#e4ebf2', dark: '#18222e' } },
  { strong: { light: '#a02c2c', dark: '#ef8a8a' }, tint: { light: '#f6e5e5', dark: '#351b1b' } },
  { strong: { light: '#d55e00', dark: '#ff9e58' }, tint: { light: '#fbece0', dark: '#3a2414' } },
];

// Impact statuses: checked to stay apart (CIELAB distance) under protanopia, deuteranopia and
// tritanopia in test/embed/palette.test.ts, and always drawn with an icon and a word as well.
const STATUS: Record<MapStatus, Pair> = {
  SHOCKED: { light: '#1a1a1a', dark: '#f5f5f5' },
  BROKEN: { light: '#b2182b', dark: '#ff5c5c' },
  DEGRADED: { light: '#e66100', dark: '#ffc233' },
  AT_RISK: { light: '#5d3a9b', dark: '#9d7bff' },
  UNAFFECTED: { light: '#1a85ff', dark: '#3aa0a0' },
};

/** The word for each status, as drawn beside its icon. */
export const STATUS_WORDS: Record<MapStatus, string> = { SHOCKED: 'hit', BROKEN: 'breaks', DEGRADED: 'degraded', AT_RISK: 'at risk', UNAFFECTED: 'unaffected' };

/** The impact status colours of a theme (for the palette check). */
export function statusPalette(theme: Theme): Record<MapStatus, string> {
  return Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, v[theme]])) as Record<MapStatus, string>;
}

const BASE = {
  bg: { light: '#ffffff', dark: '#121417' },
  fg: { light: '#1a1a1a', dark: '#ececec' },
  muted: { light: '#5c5c5c', dark: '#a8a8a8' },
  edge: { light: '#8a8a8a', dark: '#7a7f87' },
  stroke: { light: '#c4c4c4', dark: '#4a4f57' },
  link: { light: '#0b5cad', dark: '#7fb8ff' },
} satisfies Record<string, Pair>;

export type BaseColour = keyof typeof BASE;

/** A base colour (background, text, edges...) in a theme. */
export function baseColour(name: BaseColour, theme: Theme): string {
  return BASE[name][theme];
}

/** Strong and tint colours of a label (by its index in the schema) in a theme. */
export function labelColours(label: string, theme: Theme): { strong: string; tint: string } {
  const i = Math.max(0, (LABELS as readonly string[]).indexOf(label));
  const hue = HUES[i % HUES.length]!;
  return { strong: hue.strong[theme], tint: hue.tint[theme] };
}

/** The colour of an impact status in a theme. */
export function statusColour(status: MapStatus, theme: Theme): string {
  return STATUS[status][theme];
}

/** CSS class rules carrying one theme's colours for the classes the SVG uses. */
export function themeRules(theme: Theme, scope: string): string {
  const rules: string[] = [
    `${scope}{background:${BASE.bg[theme]};color:${BASE.fg[theme]}}`,
    `${scope} .c-fg{fill:${BASE.fg[theme]}}`,
    `${scope} .c-muted{fill:${BASE.muted[theme]}}`,
    `${scope} .c-bg{fill:${BASE.bg[theme]}}`,
    `${scope} .c-edge{stroke:${BASE.edge[theme]}}`,
    `${scope} .c-edge-head{fill:${BASE.edge[theme]}}`,
    `${scope} .c-stroke{stroke:${BASE.stroke[theme]}}`,
    `${scope} .c-focus{stroke:${BASE.fg[theme]}}`,
    `${scope} .c-fg-fill{fill:${BASE.fg[theme]}}`,
    `${scope} .c-bg-stroke{stroke:${BASE.bg[theme]}}`,
    `${scope} a{color:${BASE.link[theme]}}`,
    `${scope} .muted{color:${BASE.muted[theme]}}`,
  ];
  LABELS.forEach((label, i) => {
    const c = labelColours(label, theme);
    rules.push(`${scope} .l${i}-strong{fill:${c.strong}}`, `${scope} .l${i}-tint{fill:${c.tint}}`, `${scope} .l${i}-sw{background:${c.strong}}`);
  });
  for (const [status, pair] of Object.entries(STATUS)) {
    rules.push(`${scope} .s-${status}{stroke:${pair[theme]}}`, `${scope} .s-${status}-fill{fill:${pair[theme]}}`, `${scope} .s-${status}-sw{background:${pair[theme]}}`);
  }
  return rules.join('');
}

/** The class suffix of a label (its schema index), stable across themes. */
export function labelClass(label: string): string {
  return `l${Math.max(0, (LABELS as readonly string[]).indexOf(label))}`;
}
