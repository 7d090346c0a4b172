// A worker thread of the HTML parsing pool (html-pool.ts): parses one page with html.ts. The
// worker loads TypeScript through tsx itself, since threads do not share the main thread's loader.
import { register } from 'tsx/esm/api';

register();
const { parseHtml } = await import('./html.ts');
const { InvalidInput } = await import('../../schema/errors.ts');

/** Parses one page; a page html.ts refuses comes back as its message. */
export default function parse({ html, url }) {
  try {
    return { document: parseHtml(html, url) };
  } catch (err) {
    if (err instanceof InvalidInput) return { invalid: err.message };
    throw err;
  }
}
