// Shortest and k-shortest simple paths on the snapshot (Yen's algorithm over breadth-first search:
// every hop costs one, ties broken by edge index so the answer is deterministic).
import type { Snapshot } from './snapshot.js';
import { anySteps, dependencySteps, type Step } from './traverse.js';

export interface GraphPath {
  start: number;
  steps: Step[];
}

export interface PathOptions {
  maxLength: number;
  k: number;
  /** true: walk dependencies upstream (from depends on ... to); false: any relation, either way */
  directed: boolean;
  asOfMs?: number;
  /** called between spur searches; throws to stop the work (a request past its deadline) */
  check?: () => void;
}

type Expand = (node: number) => Step[];

function bfs(expand: Expand, from: number, to: number, maxLength: number, bannedNodes: Set<number>, bannedEdges: Set<number>): Step[] | null {
  if (from === to) return [];
  const prev = new Map<number, Step & { parent: number }>();
  const seen = new Set<number>([from]);
  let frontier = [from];
  for (let d = 0; d < maxLength && frontier.length; d++) {
    const next: number[] = [];
    for (const n of frontier)
      for (const step of expand(n)) {
        if (seen.has(step.node) || bannedNodes.has(step.node) || bannedEdges.has(step.edge)) continue;
        seen.add(step.node);
        prev.set(step.node, { ...step, parent: n });
        if (step.node === to) {
          const path: Step[] = [];
          for (let at = to; at !== from;) {
            const p = prev.get(at)!;
            path.push({ edge: p.edge, node: p.node, reversed: p.reversed });
            at = p.parent;
          }
          return path.reverse();
        }
        next.push(step.node);
      }
    frontier = next;
  }
  return null;
}

const key = (p: Step[]) => p.map((s) => `${s.edge}${s.reversed ? 'r' : ''}`).join(',');

/** Up to k shortest simple paths from one node to another, shortest first, none longer than maxLength. */
export function kShortestPaths(s: Snapshot, from: number, to: number, opts: PathOptions): GraphPath[] {
  const asOf = opts.asOfMs ?? Number.NaN;
  const cache = new Map<number, Step[]>();
  const expand: Expand = (n) => {
    let steps = cache.get(n);
    if (!steps) cache.set(n, (steps = opts.directed ? dependencySteps(s, n, 'upstream', asOf) : anySteps(s, n, asOf)));
    return steps;
  };
  if (opts.k <= 0 || from === to) return [];
  const first = bfs(expand, from, to, opts.maxLength, new Set(), new Set());
  if (!first) return [];
  const found: Step[][] = [first];
  const candidates: Step[][] = [];
  const known = new Set([key(first)]);
  while (found.length < opts.k) {
    const last = found.at(-1)!;
    for (let i = 0; i < last.length; i++) {
      opts.check?.();
      const spurNode = i === 0 ? from : last[i - 1]!.node;
      const root = last.slice(0, i);
      const rootKey = key(root);
      const bannedEdges = new Set<number>();
      for (const p of found) if (p.length > i && key(p.slice(0, i)) === rootKey) bannedEdges.add(p[i]!.edge);
      const bannedNodes = new Set<number>([from, ...root.map((st) => st.node)]);
      bannedNodes.delete(spurNode);
      const spur = bfs(expand, spurNode, to, opts.maxLength - i, bannedNodes, bannedEdges);
      if (!spur) continue;
      const candidate = [...root, ...spur];
      const k = key(candidate);
      if (candidate.length <= opts.maxLength && !known.has(k)) {
        known.add(k);
        candidates.push(candidate);
      }
    }
    if (!candidates.length) break;
    candidates.sort((a, b) => a.length - b.length || key(a).localeCompare(key(b)));
    found.push(candidates.shift()!);
  }
  return found.map((steps) => ({ start: from, steps }));
}
