// What the CLI prints of documents and the graph: JSON whose C1 control characters are escaped
// (JSON.stringify escapes only C0), so no escape sequence from a document reaches a terminal.

/** JSON text with every raw U+007F–U+009F written as its \u escape: the same data, parsed back. */
export function escapeC1(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON of a value (indented when asked), terminal-safe by escapeC1. */
export function jsonLine(value: unknown, indent?: number): string {
  return escapeC1(JSON.stringify(value, null, indent));
}
