// `npx tsx bench/extract-ab.ts OTHER [ROUNDS]`: this checkout's extractor against another checkout's
// (OTHER: the path of a clone or worktree with its node_modules), both loaded in this one process and
// timed in alternating rounds over the ingest bench's news articles, so both meet the same machine.
// On a shared machine whole runs of one release moved by a fifth; rounds side by side move together.
// Prints each round's articles/s and the median of the per-round ratios (this checkout ÷ OTHER).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { extract as Extract } from '../ingest/extract/extract.js';
import type { Gazetteer as GazetteerClass } from '../ingest/extract/gazetteer.js';

type Side = { name: string; gazetteer: GazetteerClass; extract: typeof Extract };

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [otherArg, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 10);
if (!otherArg || !Number.isInteger(rounds) || rounds < 2) {
  console.error('usage: npx tsx bench/extract-ab.ts OTHER_CHECKOUT [ROUNDS ≥ 2]');
  process.exit(1);
}
const other = resolve(otherArg);
if (!existsSync(join(other, 'ingest/extract/extract.ts'))) {
  console.error(`extract-ab: ${other} holds no ingest/extract/extract.ts: give the path of another checkout of this project`);
  process.exit(1);
}

async function load(root: string): Promise<Side> {
  const { Gazetteer } = (await import(join(root, 'ingest/extract/gazetteer.ts'))) as { Gazetteer: typeof GazetteerClass };
  const { extract } = (await import(join(root, 'ingest/extract/extract.ts'))) as { extract: typeof Extract };
  return { name: root, gazetteer: Gazetteer.build([]), extract };
}

const mine = await load(here);
const theirs = await load(other);
const dir = join(here, 'test/fixtures/articles');
const typical = readdirSync(dir)
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .filter((t) => t.length < 100_000);
const texts = Array.from({ length: 20 }, () => typical).flat();
// both compile their patterns and warm up first
for (let i = 0; i < 3; i++) for (const t of typical) for (const side of [mine, theirs]) side.extract(t, { source: 'warm', gazetteer: side.gazetteer });

const rate = (side: Side): number => {
  const t0 = performance.now();
  for (const t of texts) side.extract(t, { source: 'bench', gazetteer: side.gazetteer });
  return texts.length / ((performance.now() - t0) / 1000);
};
const a: number[] = [];
const b: number[] = [];
for (let r = 0; r < rounds; r++) {
  // each goes first in every other round
  if (r % 2) {
    b.push(rate(theirs));
    a.push(rate(mine));
  } else {
    a.push(rate(mine));
    b.push(rate(theirs));
  }
  console.error(`extract-ab: round ${r + 1} of ${rounds}`);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ratios = a.map((x, i) => x / b[i]!);
const f = (x: number) => x.toFixed(1);
console.log(`this checkout (${here}): ${a.map(f).join(', ')} articles/s, median ${f(median(a))}`);
console.log(`other (${other}): ${b.map(f).join(', ')} articles/s, median ${f(median(b))}`);
console.log(`this ÷ other, per round: ${ratios.map((x) => x.toFixed(3)).join(', ')}; median ${median(ratios).toFixed(3)}; faster in ${ratios.filter((x) => x > 1).length} of ${rounds}`);
console.log('(two extractors in one process run slower than one alone: compare the ratio, not the rates, with the bench)');
