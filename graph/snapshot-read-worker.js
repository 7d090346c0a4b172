// The worker thread of a replica's whole-graph read (snapshot-worker.ts): reads the graph through
// the serving thread, builds the snapshot and hands it over. It loads TypeScript through tsx
// itself, since threads do not share the main thread's loader.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// on Linux a thread has a niceness of its own: this one yields the cores to the serving thread
// (elsewhere it runs at the process's priority)
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), workerData.nice);
} catch {
  // no /proc/thread-self, or not allowed: the worker runs at the process's priority
}
register();
const { buildInWorker } = await import('./snapshot-worker.ts');
await buildInWorker(parentPort, workerData.pageSize);
