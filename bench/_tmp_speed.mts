// usage: npx tsx speed.mts ROOT  -> articles/s of one thread on the bench's typical news articles
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const root = process.argv[2]!;
const { Gazetteer } = await import(join(root, 'ingest/extract/gazetteer.ts'));
const { extract } = await import(join(root, 'ingest/extract/extract.ts'));
const dir = join(root, 'test/fixtures/articles');
const typical = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8')).filter((t) => t.length < 100_000);
const gazetteer = Gazetteer.build([]);
for (let i = 0; i < 3; i++) for (const t of typical) extract(t, { source: 'w', gazetteer });
const texts = Array.from({ length: 40 }, () => typical).flat();
const t0 = performance.now();
for (const t of texts) extract(t, { source: 'bench', gazetteer });
console.log((texts.length / ((performance.now() - t0) / 1000)).toFixed(1));
