// A worker thread of the analysis pool (analysis-pool.ts): keeps the snapshot of the graph version
// it was last sent and runs analyses and expensive queries on it. The worker loads TypeScript
// through tsx itself, since threads do not share the main thread's loader.
import { EventEmitter } from 'node:events';
import { BroadcastChannel, threadId } from 'node:worker_threads';
import { workerData } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const { runAnalysis, receiveSnapshot } = await import('./analysis-tasks.ts');
const { executeQuery } = await import('./analysis-executor.ts');
const { Snapshot } = await import('../../graph/snapshot.ts');

let snapshot = null;
// how long a snapshot replaced by one sent whole is kept for the requests that began on it (past any request's deadline)
const PREVIOUS_KEPT_MS = 60_000;
// the version before, when the current one was patched from it (the two share what did not change): a request
// that began on it and reaches this worker after the patch still runs
let previous = null;
// snapshots being received whole, by version: the port their slices go to, and when they are in
const receiving = new Map();
// the version last announced whole: only it is adopted once in (an older one finishing late is dropped)
let announced = null;

// every snapshot sent whole reaches every worker of the pool on one channel, each slice tagged with its version; they
// are taken between tasks, so the worker goes on answering on the version it holds meanwhile
const channel = new BroadcastChannel(workerData.snapshots);
channel.unref();
channel.onmessage = ({ data: { version, slice, patch, paced } }) => {
  // a version patched from the one this worker holds: taken at once, its shared buffers and the values the patch added (a
  // task of it may come first and take it); for the hand-over of a whole-graph read, the serving thread waits for every
  // worker's word, that it holds the version or that it cannot take it (nothing to take it from, a snapshot that is not
  // canonical, or one sent whole meanwhile in place of the base): a task of the version then finds it missing and has the
  // whole sent
  if (patch) {
    if (snapshotOf(version, patch)) holds(version);
    else if (paced) channel.postMessage({ lacks: version, id: threadId });
    return;
  }
  // another worker's word that it holds a version
  if (!slice) return;
  if ('header' in slice) {
    // a version this worker holds already (sent again for another worker) is not taken twice
    if (snapshot?.version === version) return holds(version);
    if (receiving.has(version)) return;
    announced = version;
    const port = new EventEmitter();
    const promise = receiveSnapshot(port)
      .then((received) => {
        // a snapshot sent whole shares nothing with the one before: that one is kept only as long as a request that
        // began on it may run (requests of the new version are answered on it meanwhile, see the pool)
        if (announced === version) {
          const replaced = snapshot;
          previous = replaced;
          snapshot = received;
          setTimeout(() => {
            if (previous === replaced) previous = null;
          }, PREVIOUS_KEPT_MS).unref();
          holds(version);
        }
      })
      .catch(() => undefined)
      .finally(() => receiving.delete(version));
    receiving.set(version, { port, promise });
  }
  receiving.get(version)?.port.emit('message', slice);
};
// the serving thread counts this worker among those a snapshot sent whole must reach
channel.postMessage({ hello: true, id: threadId });

/**
 * Tells the serving thread this worker holds a version: one sent whole (its tasks go once every worker has it), or one made
 * from a broadcast patch (its tasks stop carrying the patch once every worker has made it).
 */
function holds(version) {
  channel.postMessage({ ack: version, id: threadId });
}

/** The snapshot of `version` this worker holds (the current one or the one kept beside it), or undefined. */
const heldAt = (version) => [snapshot, previous].find((h) => h?.version === version);

/** Takes `next`, made from `base` by a patch, as the current snapshot, keeping `base` beside it. */
function adopt(base, next) {
  previous = base;
  snapshot = next;
  return next;
}

/** The snapshot of `version` this worker holds, or takes from the patched snapshot the task carries (Snapshot.toFollow) when it holds the version that one was patched from; null if neither. */
function snapshotOf(version, patch) {
  const held = heldAt(version);
  if (held) return held;
  // the patch leads from the current snapshot, or from the one kept beside it
  const base = patch && heldAt(patch.from);
  if (!base) return null;
  // (not the same packed columns here, or not canonical: the serving thread sends the whole)
  const next = Snapshot.follow(base, patch);
  return next && adopt(base, next);
}

/**
 * Runs one task; asks for the snapshot when it holds another version (or none yet) and the task's patch does not
 * lead from the one it holds. null: only start.
 */
export default async function analyse(message) {
  if (!message) return null;
  const { version, task, deadline, patch } = message;
  // a task of a version still coming in waits for the rest of it
  await receiving.get(version)?.promise;
  const held = snapshotOf(version, patch);
  if (!held) {
    if (task.kind === 'execute') task.port.close();
    return { missing: true };
  }
  // a query stops at its deadline by itself (its resolvers check it) and answers TIMEOUT
  if (task.kind === 'execute') return { result: await executeQuery(held, task) };
  let late = false;
  try {
    return {
      result: runAnalysis(held, task, () => {
        if (Date.now() > deadline) {
          late = true;
          throw new Error('the request ran out of time');
        }
      }),
    };
  } catch (err) {
    if (late) return { late: true };
    throw err;
  }
}
