// Is an input text at all? Content sniffing on the first bytes of a local input, so an image,
// archive or executable is refused by name before any source parses it. isbinaryfile judges
// (BOMs, NUL bytes, invalid UTF-8, known binary signatures); since it counts every byte that is
// not UTF-8 as suspect, a short windows-1252 text would look binary to it, so bytes are binary
// only if they also hold a WHATWG "binary data byte" (a C0 control no text encoding uses).
import { isBinaryFileSync } from 'isbinaryfile';
import { InvalidInput } from '../../schema/errors.js';

/** How many leading bytes are sniffed. */
export const SNIFF_BYTES = 8192;

/** WHATWG MIME Sniffing: 0x00–0x08, 0x0B, 0x0E–0x1A, 0x1C–0x1F. */
const isBinaryDataByte = (b: number) => b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);

/** True when the bytes look like text (any charset the sources decode), false for binary content. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.byteLength === 0) return true;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES));
  return !(isBinaryFileSync(head, head.byteLength) && head.some(isBinaryDataByte));
}

/** Throws InvalidInput naming the input when its bytes are not text; `expected` says what was wanted. */
export function assertText(bytes: Uint8Array, name: string, expected = 'a text document'): void {
  if (!looksLikeText(bytes)) throw new InvalidInput(`${name}: binary content, not text (expected ${expected})`);
}
