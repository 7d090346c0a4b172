// Is an input text at all? Content sniffing (isbinaryfile: NUL bytes, the share of control
// bytes, invalid UTF-8 sequences, known binary signatures) on the first bytes of a local input,
// so an image, archive or executable is refused by name before any source parses it.
import { isBinaryFileSync } from 'isbinaryfile';
import { InvalidInput } from '../../schema/errors.js';

/** How many leading bytes are sniffed. */
export const SNIFF_BYTES = 8192;

/** True when the bytes look like text (any charset the sources decode), false for binary content. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.byteLength === 0) return true;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES));
  return !isBinaryFileSync(head, head.byteLength);
}

/** Throws InvalidInput naming the input when its bytes are not text; `expected` says what was wanted. */
export function assertText(bytes: Uint8Array, name: string, expected = 'a text document'): void {
  if (!looksLikeText(bytes)) throw new InvalidInput(`${name}: binary content, not text (expected ${expected})`);
}
