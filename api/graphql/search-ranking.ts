// Search ranking: the store's full-text hits (BM25) merged with name matching on the snapshot,
// which forgives case, spacing, punctuation and small typos ("nvidia h20", "H20", "nvdia h20").
import type { Label } from '../../schema/generated/model.js';
import type { Snapshot } from '../../graph/snapshot.js';
import type { SearchHit } from '../../graph/store.js';

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Lowercase letters and digits only, accents removed. */
export function squash(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '');
}

const tokens = (text: string) =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early above max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Typos forgiven for a word of this length. */
const allowance = (n: number) => (n >= 8 ? 2 : n >= 4 ? 1 : 0);

/** Every name and alias of the snapshot, by squashed form and by word, built once per snapshot. */
interface NameIndex {
  /** squashed name -> nodes having it */
  squashed: Map<string, number[]>;
  /** word -> (node -> how many words the name it comes from has, smallest) */
  words: Map<string, Map<number, number>>;
}
const indexes = new WeakMap<Snapshot, NameIndex>();
function nameIndex(s: Snapshot): NameIndex {
  let idx = indexes.get(s);
  if (idx) return idx;
  idx = { squashed: new Map(), words: new Map() };
  for (let i = 0; i < s.nodeCount; i++)
    for (const name of [s.names.at(i), ...s.aliases.at(i)]) {
      const sq = squash(name);
      if (sq) idx.squashed.set(sq, [...(idx.squashed.get(sq) ?? []), i]);
      const ws = tokens(name);
      for (const w of ws) {
        let m = idx.words.get(w);
        if (!m) idx.words.set(w, (m = new Map()));
        m.set(i, Math.min(m.get(i) ?? Infinity, ws.length));
      }
    }
  indexes.set(s, idx);
  return idx;
}

/** Node scores from whole-name matches: 100 exact, 70-90 prefix, 75 within the typo allowance. */
function wholeNameScores(idx: NameIndex, q: string): Map<number, number> {
  const out = new Map<number, number>();
  const bump = (nodes: number[], score: number) => nodes.forEach((n) => out.set(n, Math.max(out.get(n) ?? 0, score)));
  const allow = allowance(q.length);
  for (const [name, nodes] of idx.squashed) {
    if (name === q) bump(nodes, 100);
    else if (q.length >= 3 && name.startsWith(q)) bump(nodes, 70 + 20 * (q.length / name.length));
    else if (allow && editDistance(q, name, allow) <= allow) bump(nodes, 75);
  }
  return out;
}

/** Node scores from word matches: every query word must match a word of one name (exact, prefix or close). */
function wordScores(idx: NameIndex, qWords: string[]): Map<number, number> {
  if (!qWords.length) return new Map();
  const perWord = qWords.map((q) => {
    const best = new Map<number, { quality: number; words: number }>();
    const allow = allowance(q.length);
    for (const [w, nodes] of idx.words) {
      const quality = w === q ? 1 : q.length >= 2 && w.startsWith(q) ? 0.8 : allow && editDistance(q, w, allow) <= allow ? 0.6 : 0;
      if (!quality) continue;
      for (const [n, words] of nodes) {
        const known = best.get(n);
        if (!known || known.quality < quality) best.set(n, { quality, words });
      }
    }
    return best;
  });
  const out = new Map<number, number>();
  for (const [n, first] of perWord[0]!) {
    let sum = first.quality;
    let words = first.words;
    let all = true;
    for (const m of perWord.slice(1)) {
      const hit = m.get(n);
      if (!hit) {
        all = false;
        break;
      }
      sum += hit.quality;
      words = Math.min(words, hit.words);
    }
    if (all) out.set(n, 40 + 20 * (sum / qWords.length) * Math.min(1, qWords.length / words));
  }
  return out;
}

/** Merges full-text hits with snapshot name matches, best first, ties by id. */
export function rankSearch(s: Snapshot, query: string, storeHits: SearchHit[], labels: Label[] | null, first: number): { id: string; score: number }[] {
  const q = squash(query);
  const qWords = tokens(query);
  const scores = new Map<string, number>();
  if (q) {
    const idx = nameIndex(s);
    const whole = wholeNameScores(idx, q);
    const words = wordScores(idx, qWords);
    for (const n of new Set([...whole.keys(), ...words.keys()])) {
      if (labels && !labels.includes(s.label(n))) continue;
      scores.set(s.ids.at(n), Math.max(whole.get(n) ?? 0, words.get(n) ?? 0));
    }
  }
  // full-text hits (descriptions included) add a rank-based bonus so they surface below name matches
  storeHits.forEach((h, rank) => {
    if (labels && !labels.includes(h.entity.label)) return;
    scores.set(h.entity.id, (scores.get(h.entity.id) ?? 0) + 30 / (rank + 1) + Math.min(h.score, 100) / 100);
  });
  return [...scores.entries()]
    .map(([id, score]) => ({ id, score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, first);
}
