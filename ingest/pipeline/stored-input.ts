// What a document was read from, as the store keeps it (graph/store.ts DocumentInput), and back:
// the pipeline stores each document's input beside it, so `reextract` can read it again with the
// current readers and extractor.
import { TextDecoder } from 'node:util';
import type { DocumentInput } from '../../graph/store.js';
import type { DocumentKind } from '../extract/extract.js';
import type { Gazetteer } from '../extract/gazetteer.js';
import { pickSource } from '../sources/index.js';
import type { ParsedDocument, RawInput } from '../sources/source.js';

/** How a document came in: the raw input and how it was read, or a feed item's own text. */
export type InputOrigin = { raw: RawInput; readAs: DocumentKind; title?: string; publishedAt?: string } | { feedItemText: string; url: string; title?: string; publishedAt?: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as UTF-8 text when they are valid UTF-8 (so they round-trip exactly), else base64. */
function encodeBody(body: Uint8Array | string): Pick<DocumentInput, 'body' | 'encoding'> {
  if (typeof body === 'string') return { body, encoding: 'utf8' };
  try {
    return { body: strictUtf8.decode(body), encoding: 'utf8' };
  } catch {
    return { body: Buffer.from(body).toString('base64'), encoding: 'base64' };
  }
}

/** The stored form of a document's input. */
export function storedInput(documentId: string, job: string, origin: InputOrigin, extractedWith?: string): DocumentInput {
  const common = {
    documentId,
    job,
    ...(origin.title ? { title: origin.title } : {}),
    ...(origin.publishedAt ? { publishedAt: origin.publishedAt } : {}),
    ...(extractedWith ? { extractedWith } : {}),
  };
  if ('feedItemText' in origin) return { ...common, url: origin.url, readAs: 'feed-item', body: origin.feedItemText, encoding: 'utf8' };
  return {
    ...common,
    url: origin.raw.url,
    readAs: origin.readAs,
    ...encodeBody(origin.raw.body),
    ...(origin.raw.contentType ? { contentType: origin.raw.contentType } : {}),
  };
}

/** A feed item's own text as a document (what the pipeline ingests when the item's page cannot be read). */
export function feedItemDocument(url: string, text: string, title?: string, publishedAt?: string): ParsedDocument {
  return { url, kind: 'feed', text, records: [], ...(title ? { title } : {}), ...(publishedAt ? { publishedAt } : {}) };
}

const READ_AS = new Set<string>(['auto', 'news', 'model-card', 'policy', 'feed']);

/**
 * Reads a stored input again with the current sources: the document it gives, under the URL the
 * stored document has (so its claims stay with it), or null when the input gives no document now.
 */
export async function reparse(input: DocumentInput, documentUrl: string, gazetteer: Gazetteer): Promise<ParsedDocument | null> {
  if (input.readAs === 'feed-item') return feedItemDocument(documentUrl, input.body, input.title, input.publishedAt);
  const readAs = (READ_AS.has(input.readAs) ? input.readAs : 'auto') as DocumentKind;
  const raw: RawInput = {
    url: input.url,
    body: input.encoding === 'base64' ? new Uint8Array(Buffer.from(input.body, 'base64')) : new Uint8Array(Buffer.from(input.body, 'utf8')),
    ...(input.contentType ? { contentType: input.contentType } : {}),
  };
  const out = await pickSource(raw, readAs).parse(raw, { gazetteer });
  const doc = out.documents[0];
  if (!doc) return null;
  return {
    ...doc,
    url: documentUrl,
    ...((doc.title ?? input.title) ? { title: doc.title ?? input.title } : {}),
    ...((doc.publishedAt ?? input.publishedAt) ? { publishedAt: doc.publishedAt ?? input.publishedAt } : {}),
  };
}
