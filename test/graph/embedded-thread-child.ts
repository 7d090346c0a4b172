// A process whose only work is a little on the embedded store (embedded-thread.test.ts). It must print
// its answer and exit 0 whether it closes the store or leaves it open (neither a thread left idle keeps
// it alive, nor does an unreferenced thread let it exit before an answer comes), and exit with its own
// code when it calls process.exit while a query runs in the store's thread.
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { GrafeoThreadExecutor } from '../../graph/embedded/grafeo-thread.js';

const mode = process.argv[2];
if (mode === 'exit-during-read') {
  const x = await GrafeoThreadExecutor.open({ dataDir: ':memory:' });
  // a query of a few hundred milliseconds, running in the thread when the process exits
  void x.read('UNWIND range(1, 3000000) AS i RETURN sum(i) AS s').catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.stdout.write('exiting\n', () => process.exit(5));
} else {
  const store = await openEmbeddedStore({ dataDir: ':memory:' });
  await store.write({ entities: [{ id: 'nation:fr', label: 'Nation', name: 'France', aliases: [], props: { kind: 'country', iso: 'FR' } }] });
  const version = await store.graphVersion();
  if (mode === 'close') {
    await store.close();
    process.stdout.write(`version ${version}, closed\n`);
  } else process.stdout.write(`version ${version}\n`);
}
