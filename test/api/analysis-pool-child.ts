// A process whose only work is one analysis in the pool (no server keeping it alive): it must finish
// the hand-over of its snapshot and the analysis, print the answer and exit 0 (analysis-pool-exit.test.ts).
import { AnalysisPool } from '../../api/graphql/analysis-pool.js';
import { Snapshot } from '../../graph/snapshot.js';

const s = Snapshot.canonical(
  [
    { id: 'chip:c1', label: 'Chip', name: 'C1', aliases: [], props: {} },
    { id: 'deployment:d1', label: 'Deployment', name: 'D1', aliases: [], props: {} },
  ],
  [{ id: 'deployment:d1|RUNS_ON|chip:c1', type: 'RUNS_ON', from: 'deployment:d1', to: 'chip:c1', props: {}, confidence: 0.8, claimCount: 1 }],
  1,
);
const pool = new AnalysisPool();
const r = await pool.run(s, { kind: 'reach', root: s.indexOf('deployment:d1')!, way: 'upstream', depth: 2, asOfMs: Number.NaN }, Date.now() + 60_000);
process.stdout.write(JSON.stringify(r.nodes));
await pool.close();
