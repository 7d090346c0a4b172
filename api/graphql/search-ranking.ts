// Search ranking: the store's full-text hits (BM25) merged with name matching on the snapshot,
// which forgives case, spacing, punctuation and small typos ("nvidia h20", "H20", "nvdia h20").
import type { Label } from '../../schema/generated/model.js';
import type { Snapshot } from '../../graph/snapshot.js';
import type { SearchHit } from '../../graph/store.js';

/** Lowercase letters and digits only, accents removed. */
export function squash(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const tokens = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
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

interface NameIndex {
  squashed: string[][];
  words: string[][][];
}
const indexes = new WeakMap<Snapshot, NameIndex>();
function nameIndex(s: Snapshot): NameIndex {
  let idx = indexes.get(s);
  if (!idx) {
    const names = s.ids.map((_, i) => [s.names[i]!, ...s.aliases[i]!]);
    idx = { squashed: names.map((ns) => ns.map(squash)), words: names.map((ns) => ns.map(tokens)) };
    indexes.set(s, idx);
  }
  return idx;
}

function wordMatches(q: string, words: string[]): number {
  let best = 0;
  for (const w of words) {
    if (w === q) return 1;
    if (q.length >= 2 && w.startsWith(q)) best = Math.max(best, 0.8);
    else if (editDistance(q, w, allowance(q.length)) <= allowance(q.length)) best = Math.max(best, 0.6);
  }
  return best;
}

/** Scores node i's names against a query: 100 exact, 60-90 close, 0 no match. */
function nameScore(idx: NameIndex, i: number, q: string, qWords: string[]): number {
  let best = 0;
  const squashed = idx.squashed[i]!;
  for (let n = 0; n < squashed.length; n++) {
    const name = squashed[n]!;
    if (!name) continue;
    if (name === q) return 100;
    if (q.length >= 3 && name.startsWith(q)) best = Math.max(best, 70 + 20 * (q.length / name.length));
    else if (editDistance(q, name, allowance(q.length)) <= allowance(q.length)) best = Math.max(best, 75);
    const words = idx.words[i]![n]!;
    if (qWords.length) {
      const per = qWords.map((w) => wordMatches(w, words));
      if (per.every((p) => p > 0)) best = Math.max(best, 40 + 20 * (per.reduce((a, b) => a + b, 0) / per.length) * Math.min(1, qWords.length / words.length));
    }
  }
  return best;
}

/** Merges full-text hits with snapshot name matches, best first, ties by id. */
export function rankSearch(s: Snapshot, query: string, storeHits: SearchHit[], labels: Label[] | null, first: number): { id: string; score: number }[] {
  const q = squash(query);
  const qWords = tokens(query);
  const scores = new Map<string, number>();
  if (q) {
    const idx = nameIndex(s);
    for (let i = 0; i < s.nodeCount; i++) {
      if (labels && !labels.includes(s.label(i))) continue;
      const score = nameScore(idx, i, q, qWords);
      if (score > 0) scores.set(s.ids[i]!, score);
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
