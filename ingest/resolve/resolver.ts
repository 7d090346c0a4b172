// Entity resolution for names that arrive outside running text (front matter, table cells,
// policy headers): a whole-name gazetteer match, then a spacing-insensitive match ("Qwen 3" =
// "Qwen3"), else a proposed new entity. Several candidates make the name ambiguous: it is
// reported as such and never silently resolved to one of them.
import type { Label } from '../../schema/generated/model.js';
import { entityId, type Props } from '../../schema/records.js';
import { isDescription, type Gazetteer, type KnownEntity } from '../extract/gazetteer.js';
import { compactKey } from './normalise.js';

export type Resolution = { status: 'known'; known: KnownEntity } | { status: 'ambiguous'; name: string; candidates: string[] } | { status: 'proposed'; label: Label; name: string; id: string };

const compactIndex = new WeakMap<Gazetteer, Map<string, KnownEntity[]>>();

function byCompactKey(g: Gazetteer): Map<string, KnownEntity[]> {
  let index = compactIndex.get(g);
  if (!index) {
    index = new Map();
    for (const k of g.all())
      for (const n of [k.entity.name, ...k.entity.aliases.filter((a) => !isDescription(a))]) {
        const key = compactKey(n);
        const list = index.get(key) ?? [];
        if (!list.includes(k)) list.push(k);
        index.set(key, list);
      }
    compactIndex.set(g, index);
  }
  return index;
}

/** Resolves a bare name to a known entity, an ambiguity, or a proposal with the given label. */
export function resolveName(g: Gazetteer, name: string, label: Label, opts: { labels?: readonly Label[]; props?: Props } = {}): Resolution {
  const trimmed = name.trim();
  const fits = (k: KnownEntity) => !opts.labels || opts.labels.includes(k.entity.label);
  const whole = g.match(trimmed).find((h) => h.start === 0 && h.end === trimmed.length && !h.demonym);
  let candidates = (whole?.candidates ?? []).filter(fits);
  if (candidates.length === 0) candidates = (byCompactKey(g).get(compactKey(trimmed)) ?? []).filter(fits);
  const ids = [...new Set(candidates.map((c) => c.entity.id))];
  if (ids.length === 1) return { status: 'known', known: candidates[0]! };
  if (ids.length > 1) return { status: 'ambiguous', name: trimmed, candidates: ids };
  return { status: 'proposed', label, name: trimmed, id: entityId(label, trimmed, opts.props) };
}
