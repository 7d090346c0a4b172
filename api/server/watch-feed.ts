// The Atom feed of a standing scenario: GET /feeds/scenario-watch/<id>.atom, one entry per recorded
// change (newest first), every string from the graph escaped and characters XML cannot hold shown
// as U+FFFD. Feed readers poll it; the same changes come over GraphQL and its subscription.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { InvalidInput } from '../../schema/errors.js';
import type { GraphStore } from '../../graph/store.js';
import type { WatchChange, WatchService } from '../../scenarios/watch.js';
import { publicOrigin, type OriginSource } from '../embed/oembed.js';
import { xmlText } from '../xml-text.js';

/** The path of a watch's feed. */
export const FEED_PREFIX = '/feeds/scenario-watch/';

/** A stable URN for a feed or entry: a name-based UUID (RFC 4122 version 5 layout, SHA-1). */
function urn(name: string): string {
  const h = createHash('sha1').update(`chokepoint:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The text of one change: each deployment that moved, and the claim changes on its chains, with their documents. */
function entryText(change: WatchChange, documents: Map<string, { url: string; title?: string }>): string {
  const lines = [`Graph version ${change.fromVersion} -> ${change.version}.`];
  for (const d of change.changes) {
    lines.push('', `${d.deployment.name} (${d.deployment.id}): ${d.before} -> ${d.after}`);
    if (!d.causes.length) lines.push('  no claim change on its chains (an entity or a rule moved)');
    for (const c of d.causes) {
      const docs = c.documents.map((id) => documents.get(id)?.url ?? id).join(', ');
      lines.push(`  claim ${c.kind} at version ${c.version}: ${c.subject} ${c.rel} ${c.object} (${docs})`);
    }
  }
  const s = change.summary;
  lines.push('', `Now: ${s.broken} broken, ${s.degraded} degraded, ${s.atRisk} at risk, ${s.unaffected} unaffected.`);
  return lines.join('\n');
}

/** The Atom document of a watch and its changes. */
export async function watchFeed(store: GraphStore, watches: WatchService, id: string, selfHref: string): Promise<string | null> {
  const watch = await watches.get(id);
  if (!watch) return null;
  const changes = await watches.changes(id, 100);
  const documents = await store.getDocuments([...new Set(changes.flatMap((c) => c.changes.flatMap((d) => d.causes.flatMap((e) => e.documents))))]);
  const updated = changes[0]?.at ?? watch.createdAt;
  const entries = changes.map((change) => {
    const moved = change.changes.map((d) => `${d.deployment.name} ${d.before} -> ${d.after}`).join('; ');
    return [
      '  <entry>',
      `    <id>${urn(`${watch.id}@${change.version}`)}</id>`,
      `    <title>${xmlText(`${plural(change.changes.length, 'deployment')} changed: ${moved}`)}</title>`,
      `    <updated>${xmlText(change.at)}</updated>`,
      `    <content type="text">${xmlText(entryText(change, documents))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${urn(watch.id)}</id>`,
    `  <title>${xmlText(`Scenario watch: ${watch.scenario.title}`)}</title>`,
    `  <subtitle>${xmlText(`${watch.scenario.name}: deployments whose status changes as the graph changes`)}</subtitle>`,
    `  <updated>${xmlText(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(selfHref)}"/>`,
    '  <author><name>chokepoint</name></author>',
    `  <generator>chokepoint</generator>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** Mounts GET /feeds/scenario-watch/<id>.atom. */
export function mountWatchFeed(app: Hono, store: GraphStore, watches: WatchService, publicUrl?: string): void {
  app.get(`${FEED_PREFIX}:file`, async (c) => {
    const file = c.req.param('file');
    const text = (message: string, status: 400 | 404) => c.text(`${message}\n`, status, { 'Cache-Control': 'no-store' });
    if (!file.endsWith('.atom')) return text(`${c.req.path}: expected ${FEED_PREFIX}<watch id>.atom`, 404);
    const id = file.slice(0, -'.atom'.length);
    let feed: string | null;
    try {
      // PUBLIC_URL, else the address the request arrived on (never a Host header a client chose)
      const origin = publicOrigin({ publicUrl, socket: (c.env as { incoming?: { socket?: OriginSource['socket'] } } | undefined)?.incoming?.socket });
      feed = await watchFeed(store, watches, id, `${origin}${FEED_PREFIX}${encodeURIComponent(id)}.atom`);
    } catch (err) {
      if (err instanceof InvalidInput) return text(err.message, 400);
      throw err;
    }
    if (!feed) return text(`id: no scenario watch "${id}"`, 404);
    return c.body(feed, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'no-cache' });
  });
}
