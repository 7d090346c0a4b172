// Plain text (and Markdown without model-card front matter): the text is the document.
import { decodeBody } from './decode.js';
import { reflowWrapped } from './reflow.js';
import type { Source } from './source.js';

export const textSource: Source = {
  kind: 'text',
  accepts: () => true,
  async parse(input) {
    const text = decodeBody(input.body, input.contentType).replace(/\r\n/g, '\n');
    const title = text
      .split('\n')
      .find((l) => l.trim())
      ?.trim()
      .slice(0, 200);
    return { documents: [{ url: input.url, kind: 'news', ...(title ? { title } : {}), text: reflowWrapped(text), records: [] }], items: [] };
  },
};
