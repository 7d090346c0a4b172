// Where the embedded store's file is, and why it did not open, as one line naming DATA_DIR and the
// cause: a file where the directory belongs or no permission (the user's to fix: InvalidInput), or
// another process holding the file (StoreUnavailable). Grafeo reports these as text, so the text is
// read here, in one place.
import { join, resolve } from 'node:path';
import { InvalidInput, StoreUnavailable } from '../../schema/errors.js';

/** The directory of the database file (null in memory) and the file's location, as the store names it. */
export function grafeoLocation(dataDir: string): { dir: string | null; location: string } {
  const dir = dataDir === ':memory:' ? null : resolve(dataDir);
  return { dir, location: dir ? join(dir, 'chokepoint.grafeo') : ':memory:' };
}

const PERMISSION = /permission denied|os error 13\b|EACCES|EPERM/i;
const NOT_A_DIRECTORY = /not a directory|os error 20\b|ENOTDIR|EEXIST/i;
const LOCKED = /lock/i;

/** The project error for a failure to create DATA_DIR or open the store file in it. */
export function embeddedOpenError(err: unknown, dataDir: string, location: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (PERMISSION.test(message)) return new InvalidInput(`DATA_DIR ${dataDir}: permission denied (the embedded store needs to create and write ${location}; choose a writable DATA_DIR)`);
  if (NOT_A_DIRECTORY.test(message)) return new InvalidInput(`DATA_DIR ${dataDir}: a file stands where the store's directory belongs; point DATA_DIR at a directory`);
  if (LOCKED.test(message))
    return new StoreUnavailable(`the embedded store ${location} is in use by another process (a running \`chokepoint serve\`?); stop it, or send the work to the server`, { cause: err });
  return new StoreUnavailable(`cannot open the embedded store ${location}: ${message}`, { cause: err });
}
