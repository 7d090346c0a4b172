// A worker thread of the analysis pool (analysis-pool.ts): keeps the snapshot of the graph version
// it was last sent and runs analyses and expensive queries on it. The worker loads TypeScript
// through tsx itself, since threads do not share the main thread's loader.
import { register } from 'tsx/esm/api';

register();
const { runAnalysis, receiveSnapshot } = await import('./analysis-tasks.ts');
const { executeQuery } = await import('./analysis-executor.ts');

let snapshot = null;

/** Runs one task; asks for the snapshot when it holds another version (or none yet). null: only start; {load}: receive a snapshot in slices on that port. */
export default async function analyse(message) {
  if (!message) return null;
  if (message.load) {
    try {
      snapshot = await receiveSnapshot(message.load);
    } finally {
      message.load.close();
    }
    return { loaded: snapshot.version };
  }
  const { version, task, deadline } = message;
  if (!snapshot || snapshot.version !== version) {
    if (task.kind === 'execute') task.port.close();
    return { missing: true };
  }
  // a query stops at its deadline by itself (its resolvers check it) and answers TIMEOUT
  if (task.kind === 'execute') return { result: await executeQuery(snapshot, task) };
  let late = false;
  try {
    return {
      result: runAnalysis(snapshot, task, () => {
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
