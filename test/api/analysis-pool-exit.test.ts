// The analysis pool keeps its process alive while it hands a snapshot to its workers: a process with
// nothing else to do (a CLI, a benchmark) gets its answer and exits 0, not 13 ("unsettled top-level await").
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./analysis-pool-child.ts', import.meta.url));

it('a process whose only work is one analysis in the pool answers and exits 0', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(JSON.parse(out)).toEqual([1, 0]);
}, 60_000);
