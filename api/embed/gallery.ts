// GET /embed: a small gallery of example maps (the entities most depended on, and the scenario
// library) with copyable embed codes. Examples come from the current graph, not a fixed list.
import { createHash } from 'node:crypto';
import type { Snapshot } from '../../graph/snapshot.js';
import { esc } from './markup.js';
import { HOST_SNIPPET } from './height-script.js';
import { dependencySteps, type FollowFlags } from '../../graph/traverse.js';

const HOST_SCRIPT = HOST_SNIPPET.replace(/^<script>|<\/script>$/g, '');
/** CSP hash of the resize script the gallery itself runs (the same snippet hosts are given). */
export const GALLERY_SCRIPT_HASH = `'sha256-${createHash('sha256').update(HOST_SCRIPT).digest('base64')}'`;

// Being the seat of many entities is not being depended on: jurisdiction relations do not count here.
const DEPENDED_ON: FollowFlags = { dependency: true, control: true, jurisdiction: false };

/** The ids of the `n` entities with the most direct dependents, ties by id. */
export function mostDependedOn(s: Snapshot, n: number): string[] {
  const scored: [string, number][] = [];
  for (let i = 0; i < s.nodeCount; i++) {
    const k = dependencySteps(s, i, 'downstream', Number.NaN, DEPENDED_ON).length;
    if (k > 0) scored.push([s.ids.at(i), k]);
  }
  return scored
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}

export interface GalleryExample {
  title: string;
  /** map parameters, pinned to a graph version */
  query: string;
  /** the iframe snippet (as oEmbed hands out) */
  snippet: string;
}

/** The gallery page. */
export function renderGallery(origin: string, examples: GalleryExample[]): string {
  const cards = examples
    .map((ex) => {
      const src = `${origin}/embed/map?${ex.query}`;
      return (
        `<section><h2>${esc(ex.title)}</h2>${ex.snippet}` +
        `<label>Embed code<textarea readonly rows="3">${esc(ex.snippet + '\n' + HOST_SNIPPET)}</textarea></label>` +
        `<label>oEmbed URL<textarea readonly rows="2">${esc(`${origin}/oembed?url=${encodeURIComponent(src)}`)}</textarea></label>` +
        `<p><a href="/embed/map.svg?${esc(ex.query)}">SVG</a> · <a href="/embed/map.png?${esc(ex.query)}">PNG</a></p></section>`
      );
    })
    .join('');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>chokepoint embeds</title><link rel="icon" href="data:,"><style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:1000px;margin:0 auto;padding:16px}` +
    `section{margin:28px 0;border-top:1px solid #ccc;padding-top:8px}textarea{width:100%;font:12px ui-monospace,monospace;box-sizing:border-box}label{display:block;font-size:13px;margin-top:6px}</style></head>` +
    `<body><h1>Dependency maps to embed</h1><p>Each map is an iframe that sizes itself: add the script once to the page. ` +
    `Every code here is pinned to the current graph version (<code>v=…</code>): the map stays exactly as published, after later changes to the graph and after restarts. Parameters and the height-message protocol are documented with the server.</p>` +
    (cards || '<p>The graph is empty: there is nothing to map yet.</p>') +
    `${HOST_SNIPPET}</body></html>`
  );
}
