// Child process for the crash-safety test: ingests the given files into an embedded store and
// prints a line after each document is written, so the parent can SIGKILL it mid-run.
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { IngestPipeline } from '../../ingest/pipeline/pipeline.js';

const [dataDir, ...files] = process.argv.slice(2);
const store = await openEmbeddedStore({ dataDir: dataDir! });
const pipeline = new IngestPipeline({ store, onDocument: (url) => process.stdout.write(`written ${url}\n`) });
const report = await pipeline.run(
  'crash',
  files.map((location) => ({ location })),
);
await store.close();
process.stdout.write(`done ${JSON.stringify(report.documents)}\n`);
