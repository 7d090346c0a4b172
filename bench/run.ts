// `npm run bench [-- --quick] [-- --only name]`: runs every bench/*.bench.ts, prints its summary and
// writes bench/results/<name>.json and .md. Each benchmark reports its figures beside a baseline
// measured in the same run.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface BenchResult {
  name: string;
  markdown: string;
  data: unknown;
}

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } }, allowPositionals: false });
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !values.only || f.startsWith(`${values.only}.`))
  .sort();
if (!files.length) {
  console.error(`bench: nothing matches ${values.only ?? '*'}`);
  process.exit(1);
}
const results = join(here, 'results');
mkdirSync(results, { recursive: true });
// V8 flags change what the latency figures mean (a smaller young generation, shorter pauses): say which were in effect
const v8Flags =
  [...process.execArgv, process.env.NODE_OPTIONS ?? '']
    .join(' ')
    .match(/--[\w-]*(?:space|heap|gc)[\w-]*(?:=\S+)?/g)
    ?.join(' ') || 'V8 defaults';
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version} (${v8Flags})`;
let failed = 0;
for (const file of files) {
  const started = Date.now();
  console.error(`bench: ${file}${values.quick ? ' (quick)' : ''}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run(opts: { quick: boolean }): Promise<BenchResult> };
    const r = await mod.run({ quick: !!values.quick });
    const stamp = new Date().toISOString();
    const suffix = values.quick ? '.quick' : '';
    writeFileSync(join(results, `${r.name}${suffix}.json`), JSON.stringify({ name: r.name, at: stamp, machine, quick: !!values.quick, data: r.data }, null, 2) + '\n');
    writeFileSync(join(results, `${r.name}${suffix}.md`), `# ${r.name}${values.quick ? ' (quick)' : ''}\n\n${stamp} on ${machine}\n\n${r.markdown}\n`);
    console.log(`\n## ${r.name}\n${r.markdown}\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed++;
    console.error(`bench: ${file} failed: ${(err as Error).stack ?? String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
