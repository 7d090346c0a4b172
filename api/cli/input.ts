// Reading what the user names on the command line: local files (or `-` for standard input),
// refused in one line naming the path when they are missing, directories, unreadable or binary.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InvalidInput, NotFound } from '../../schema/errors.js';
import { SNIFF_BYTES, assertText } from '../../ingest/sources/sniff.js';

/** The name standard input goes by on the command line and in messages. */
export const STDIN = '-';

/** A one-line error for a file system failure on `path` (no such file, a directory, permission denied). */
export function fileError(err: unknown, path: string): Error {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new NotFound(`${path}: no such file`);
  if (code === 'EISDIR') return new InvalidInput(`${path}: is a directory, expected a file`);
  if (code === 'EACCES' || code === 'EPERM') return new InvalidInput(`${path}: permission denied`);
  return new InvalidInput(`${path}: cannot read: ${(err as Error).message}`);
}

/**
 * Checks that a local path is a readable file of text without reading it whole (the first bytes
 * are sniffed); `expected` says in the message what the command wanted instead of binary bytes.
 */
export function checkTextFile(path: string, expected?: string): void {
  let fd: number;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    fd = openSync(path, 'r');
  } catch (err) {
    throw fileError(err, path);
  }
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, head, 0, SNIFF_BYTES, 0);
    assertText(head.subarray(0, n), path, expected);
  } finally {
    closeSync(fd);
  }
}

/** Reads a local text file whole (after the same checks as checkTextFile). */
export function readTextFile(path: string, expected?: string): Buffer {
  checkTextFile(path, expected);
  try {
    return readFileSync(path);
  } catch (err) {
    throw fileError(err, path);
  }
}

/** Reads standard input to its end; refuses a terminal, where nothing was piped in. */
export async function readStdin(expected?: string): Promise<Buffer> {
  if (process.stdin.isTTY) throw new InvalidInput(`standard input is a terminal: pipe ${expected ?? 'a document'} into it, or name a file`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  assertText(bytes, 'standard input', expected);
  return bytes;
}

/** Text from bytes as UTF-8, without a leading byte order mark. */
export function utf8Text(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
