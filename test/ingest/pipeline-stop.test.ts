// A stopped pipeline (a server shutting down) finishes the document in hand, records the inputs it
// did not reach as `stopped` dead letters, and still records its run.
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { IngestPipeline, type TargetOutcome } from '../../ingest/pipeline/pipeline.js';
import { recentRuns } from '../../ingest/pipeline/run-log.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('IngestPipeline.stop', () => {
  it('ends a run after the current input; the rest are named stopped failures', async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    try {
      const pipeline = new IngestPipeline({ store });
      const outcomes: TargetOutcome[] = [];
      const report = await pipeline.run(
        'manual',
        ['a.txt', 'b.txt', 'c.txt'].map((location) => ({ location, kind: 'news' as const, content: text(`Microsoft invested $10 billion in OpenAI (${location}).`) })),
        (o) => {
          outcomes.push(o);
          pipeline.stop();
        },
      );
      expect(outcomes.map((o) => [o.location, o.documents.added, o.failures.map((f) => f.reason)])).toEqual([
        ['a.txt', 1, []],
        ['b.txt', 0, ['stopped']],
        ['c.txt', 0, ['stopped']],
      ]);
      expect(report.documents.added).toBe(1);
      expect((await recentRuns(store, 1))[0]!.id).toBe(report.id);
    } finally {
      await store.close();
    }
  });
});
