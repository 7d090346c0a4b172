// The embedded store's thread (grafeo-thread.ts starts it): Grafeo opened here, its calls answered
// by grafeo-serve.ts. The thread loads TypeScript through tsx itself, since threads do not share the
// serving thread's loader; through tsx's require hook, which runs in this thread, rather than its
// module hooks (register() from tsx/esm/api), which start a loader thread of their own: measured,
// a store opened in about 70 ms instead of 200 (every CLI command and test pays it).
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/cjs/api';

register();
const { serveGrafeo } = createRequire(import.meta.url)('./grafeo-serve.ts');
serveGrafeo(parentPort, workerData);
