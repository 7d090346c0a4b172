// A worker thread of the analysis pool (analysis-pool.ts): keeps the snapshot of the graph version
// it was last sent and runs analyses and expensive queries on it. The worker loads TypeScript
// through tsx itself, since threads do not share the main thread's loader.
import { register } from 'tsx/esm/api';

register();
const { runAnalysis, receiveSnapshot } = await import('./analysis-tasks.ts');
const { executeQuery } = await import('./analysis-executor.ts');

let snapshot = null;
// the version before, when the current one was patched from it (the two share what did not change): a request
// that began on it and reaches this worker after the patch still runs
let previous = null;

/** The snapshot of `version` this worker holds, or makes by the patch the task carries from the one it holds; null if neither. */
function snapshotOf(version, patch) {
  if (snapshot?.version === version) return snapshot;
  if (previous?.version === version) return previous;
  if (patch && snapshot && snapshot.version === patch.from) {
    try {
      const next = snapshot.applyChanges(patch.changes, version);
      previous = snapshot;
      snapshot = next;
      return next;
    } catch {
      // not patchable here (a snapshot sent whole that is not canonical): the serving thread sends the whole
      return null;
    }
  }
  return null;
}

/**
 * Runs one task; asks for the snapshot when it holds another version (or none yet) and the task's patch does not
 * lead from the one it holds. null: only start; {load}: receive a snapshot in slices on that port.
 */
export default async function analyse(message) {
  if (!message) return null;
  if (message.load) {
    try {
      snapshot = await receiveSnapshot(message.load);
      // a snapshot sent whole shares nothing with the one before: that one is let go
      previous = null;
    } finally {
      message.load.close();
    }
    return { loaded: snapshot.version };
  }
  const { version, task, deadline, patch } = message;
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
