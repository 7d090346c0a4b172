// RSS 2.0 and Atom feeds with rss-parser: each item becomes a link to fetch, carrying the item's
// own text (its title as the first paragraph) so the pipeline can fall back on it when the page
// cannot be fetched.
import Parser from 'rss-parser';
import { InvalidInput } from '../../schema/errors.js';
import { decodeBody } from './decode.js';
import { isoDateOf } from './html.js';
import type { FeedItem, RawInput, Source } from './source.js';

const parser = new Parser();
const stripTags = (s: string | undefined) =>
  (s ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Parses a feed's items; a malformed feed is an InvalidInput naming the URL. */
export async function parseFeed(xml: string, url: string): Promise<FeedItem[]> {
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    throw new InvalidInput(`feed ${url}: malformed XML (${(err as Error).message.split('\n')[0]})`);
  }
  const items: FeedItem[] = [];
  for (const item of feed.items ?? []) {
    const link = item.link ?? item.guid;
    if (!link) continue;
    let absolute = link;
    try {
      absolute = new URL(link, url).toString();
    } catch {
      // a feed read from a file has no base URL; an item with its own text is still worth keeping
      if (!/^https?:\/\//.test(link) && !item.contentSnippet && !item.content) continue;
    }
    const body = stripTags(item['content:encoded'] as string | undefined) || stripTags(item.content) || item.contentSnippet || stripTags(item.summary);
    const title = item.title ? stripTags(item.title) : '';
    // the title is the item's first paragraph: a release feed often names the release there alone ("GLM-4.7")
    const text = title && !body.startsWith(title) ? (body ? `${title}\n\n${body}` : title) : body;
    const publishedAt = isoDateOf(item.isoDate ?? item.pubDate);
    items.push({ link: absolute, ...(title ? { title } : {}), ...(publishedAt ? { publishedAt } : {}), ...(text ? { text } : {}) });
  }
  return items;
}

const looksLikeFeed = (input: RawInput) =>
  /(rss|atom)\+xml|application\/xml|text\/xml/i.test(input.contentType ?? '') ||
  /\.(rss|atom|xml)$|\/feed\/?$|\/rss\/?$/i.test(input.url) ||
  /^\s*(<\?xml[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/i.test(decodeBody(input.body, input.contentType).slice(0, 500));

export const feedSource: Source = {
  kind: 'feed',
  accepts: looksLikeFeed,
  async parse(input) {
    return { documents: [], items: await parseFeed(decodeBody(input.body, input.contentType), input.url) };
  },
};
