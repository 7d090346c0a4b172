// How a failure leaves the CLI: one line naming the input and the cause, and the exit code of the
// README's table (1 a user error, 2 unavailable or internal). Node's own errors for a port or a
// file are translated here so no stack trace reaches the user.
import { isUserError, StoreUnavailable } from '../../schema/errors.js';

/** Exit codes (README: Command line). */
export const EXIT = { ok: 0, userError: 1, unavailable: 2 } as const;

/** The line to print and the exit code for an error a command threw. */
export function describeFailure(err: unknown): { code: number; line: string; stack?: string } {
  if (isUserError(err)) return { code: EXIT.userError, line: err.message };
  if (err instanceof StoreUnavailable) return { code: EXIT.unavailable, line: err.message };
  const sys = err as { code?: unknown; syscall?: unknown; port?: unknown; address?: unknown; path?: unknown; message?: unknown } | null;
  if (sys && sys.syscall === 'listen') {
    const where = `${typeof sys.address === 'string' ? sys.address : ''}:${String(sys.port ?? '')}`;
    if (sys.code === 'EADDRINUSE') return { code: EXIT.unavailable, line: `port ${String(sys.port)} (${where}) is already in use by another process; choose another with --port or PORT` };
    if (sys.code === 'EACCES') return { code: EXIT.unavailable, line: `port ${String(sys.port)} (${where}) needs privileges this process lacks; choose a port above 1023 with --port or PORT` };
    if (sys.code === 'EADDRNOTAVAIL') return { code: EXIT.userError, line: `HOST: cannot listen on ${where}: no such address on this machine` };
  }
  if (sys && typeof sys.code === 'string' && typeof sys.path === 'string') {
    if (sys.code === 'EACCES' || sys.code === 'EPERM') return { code: EXIT.userError, line: `${sys.path}: permission denied` };
    if (sys.code === 'ENOENT') return { code: EXIT.userError, line: `${sys.path}: no such file or directory` };
    if (sys.code === 'EISDIR') return { code: EXIT.userError, line: `${sys.path}: is a directory, expected a file` };
    if (sys.code === 'ENOTDIR') return { code: EXIT.userError, line: `${sys.path}: a file stands where a directory was expected` };
    if (sys.code === 'ENOSPC') return { code: EXIT.unavailable, line: `${sys.path}: no space left on the device` };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: EXIT.unavailable, line: `internal error: ${message.split('\n')[0]}`, ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) };
}

/** True for the error a write to a closed pipe raises (`chokepoint export | head`). */
export function isBrokenPipe(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'EPIPE';
}
