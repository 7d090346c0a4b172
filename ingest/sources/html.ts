// HTML articles with cheerio: the main text without navigation, scripts, ads or other boilerplate,
// plus title, byline, published date (meta tags, JSON-LD, <time>) and canonical URL.
import * as cheerio from 'cheerio';
import { Parser } from 'htmlparser2';
import { InvalidInput } from '../../schema/errors.js';
import { decodeBody } from './decode.js';
import { htmlParsePool } from './html-pool.js';
import type { ParsedDocument, Source } from './source.js';

/**
 * The deepest element nesting a page may have. Real articles stay under a hundred; tree building
 * and text collection cost grows with depth, so a page of thousands of nested tags is refused
 * (by a streaming scan that costs one pass) before it is parsed.
 */
export const MAX_HTML_DEPTH = 512;

/** How deep the elements of a page nest (implied end tags, as for <p> and <li>, counted as closed); stops counting past `limit`. */
export function htmlDepth(html: string, limit = MAX_HTML_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  const tooDeep = new Error('too deep');
  const parser = new Parser({
    onopentag() {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) throw tooDeep;
    },
    onclosetag() {
      depth--;
    },
  });
  try {
    parser.end(html);
  } catch (err) {
    if (err !== tooDeep) throw err;
  }
  return deepest;
}

const BOILERPLATE = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'form',
  'button',
  'nav',
  'header',
  'footer',
  'aside',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=complementary]',
  '[aria-hidden=true]',
  '[hidden]',
  '[class*=advert]',
  '[class*=ad-slot]',
  '[id*=advert]',
  '[class*=sponsor]',
  '[class*=promo]',
  '[class*=newsletter]',
  '[class*=share]',
  '[class*=social]',
  '[class*=related]',
  '[class*=comment]',
  '[class*=cookie]',
  '[class*=breadcrumb]',
  '[class*=subscribe]',
].join(',');
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td,th,dt,dd';

const clean = (s: string | undefined) =>
  (s ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A date string as ISO (YYYY-MM-DD or full timestamp) when it parses. */
export function isoDateOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.length === 10 ? v : new Date(v).toString() === 'Invalid Date' ? v.slice(0, 10) : new Date(v).toISOString();
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

interface JsonLd {
  headline?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: unknown;
}

function jsonLd($: cheerio.CheerioAPI): JsonLd {
  const out: JsonLd = {};
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      const data: unknown = JSON.parse($(el).text());
      const nodes = (Array.isArray(data) ? data : [data]).flatMap((d) => (d && typeof d === 'object' && '@graph' in d ? ((d as { '@graph': unknown[] })['@graph'] ?? []) : [d]));
      for (const n of nodes) if (n && typeof n === 'object') Object.assign(out, Object.fromEntries(Object.entries(n).filter(([k]) => !(k in out))));
    } catch {
      // broken JSON-LD is common; the other metadata sources still apply
    }
  });
  return out;
}

const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object' && 'name' in v && typeof (v as { name: unknown }).name === 'string') return (v as { name: string }).name;
  return undefined;
};

/** Parses an HTML page into a document: main text and metadata. */
export function parseHtml(html: string, url: string): ParsedDocument {
  if (htmlDepth(html) > MAX_HTML_DEPTH) throw new InvalidInput(`${url}: elements nest more than ${MAX_HTML_DEPTH} deep; such a page is not read`);
  const $ = cheerio.load(html);
  const meta = (sel: string) => $(sel).attr('content')?.trim() || undefined;
  const ld = jsonLd($);
  const title = clean(meta('meta[property="og:title"]') ?? ld.headline ?? ($('title').first().text() || $('h1').first().text()));
  const byline = clean(meta('meta[name="author"]') ?? nameOf(ld.author) ?? ($('[rel=author]').first().text() || $('[class*=byline]').first().text())) || undefined;
  const published = isoDateOf(
    meta('meta[property="article:published_time"]') ??
      meta('meta[name="date"]') ??
      meta('meta[itemprop="datePublished"]') ??
      meta('meta[name="DC.date"]') ??
      ld.datePublished ??
      $('time[datetime]').first().attr('datetime'),
  );
  const publisher = clean(meta('meta[property="og:site_name"]') ?? nameOf(ld.publisher)) || undefined;
  const canonicalHref = $('link[rel="canonical"]').attr('href') ?? meta('meta[property="og:url"]');
  let canonical = url;
  try {
    if (canonicalHref && /^https?:/.test(new URL(canonicalHref, url).protocol)) canonical = new URL(canonicalHref, url).toString();
  } catch {
    // a relative canonical against a file path, or garbage: keep the fetched URL
  }
  $(BOILERPLATE).remove();
  const root = $('article').first().length ? $('article').first() : $('main, [role=main]').first().length ? $('main, [role=main]').first() : $('body');
  const lines: string[] = [];
  const blocks = root.find(BLOCKS).toArray();
  // nested blocks (li > p) would repeat text; only the innermost block counts. A block is outer
  // when another block lies below it: marking each block's ancestors (stopping at one already
  // marked) finds them all in one pass instead of a search below every block.
  const outer = new Set<unknown>();
  for (const el of blocks) for (let up = el.parent; up && !outer.has(up); up = up.parent) outer.add(up);
  for (const el of blocks) {
    if (outer.has(el)) continue;
    const t = $(el).text().replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
  }
  const text = lines.length
    ? lines.join('\n')
    : root
        .text()
        .replace(/[ \t]+/g, ' ')
        .replace(/\n\s*\n+/g, '\n')
        .trim();
  return {
    url: canonical,
    kind: 'news',
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(publisher ? { publisher } : {}),
    ...(published ? { publishedAt: published } : {}),
    text,
    records: [],
  };
}

export const htmlSource: Source = {
  kind: 'html',
  accepts: (input) => /html|xhtml/i.test(input.contentType ?? '') || /\.x?html?$/i.test(input.url) || /^\s*(<!doctype html|<html)/i.test(decodeBody(input.body, input.contentType).slice(0, 200)),
  async parse(input) {
    const html = decodeBody(input.body, input.contentType);
    // in a server, parsed in a worker thread: a hostile page costs that thread its time limit, never the event loop
    const pool = htmlParsePool();
    return { documents: [pool ? await pool.parse(html, input.url) : parseHtml(html, input.url)], items: [] };
  },
};
