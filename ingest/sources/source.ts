// The one interface every source format implements: raw bytes (with their URL and content type)
// in, parsed documents (and, for feeds, links to fetch) out. Parsing is pure; fetching lives in fetch/.
import type { Label } from '../../schema/generated/model.js';
import type { DocumentRecord, EntityRecord } from '../../schema/records.js';
import type { ExtractedRecord } from '../extract/extract.js';
import type { Gazetteer } from '../extract/gazetteer.js';
import type { RelationRule } from '../extract/frame.js';

export interface RawInput {
  /** where the bytes came from: a URL or a file path */
  url: string;
  body: Uint8Array | string;
  /** the Content-Type header, when fetched over HTTP */
  contentType?: string;
}

export type SourceKind = 'html' | 'feed' | 'model-card' | 'policy' | 'table' | 'text';

/** A document a source produced: its metadata, its main text, and the facts its structure states. */
export interface ParsedDocument {
  /** canonical URL when the document names one, else the input URL */
  url: string;
  kind: DocumentRecord['kind'];
  title?: string;
  byline?: string;
  publisher?: string;
  publishedAt?: string;
  /** the main text, for sentence-level extraction (quotes are substrings of it) */
  text: string;
  /** facts stated by the document's structure (front matter, policy metadata, table rows) */
  records: ExtractedRecord[];
  /** the text whose hash says whether the document changed, when not `text` (tables: the raw rows) */
  hashText?: string;
  /** parts of the input that could not be read ("line 4: expected 6 cells"), reported, not fatal */
  problems?: string[];
  /** rules the document brings for its own text */
  extraRules?: RelationRule[];
  /** what the document's kind knows of its text's records: keeps, drops or amends them (a model card's own models) */
  review?: (records: ExtractedRecord[]) => ExtractedRecord[];
  /** names the document's structure vouches for: proposed entities kept even when its text relates them to nothing */
  vouches?: (entity: { type: Label; name: string }) => boolean;
  /** entities the document's structure names, found in its text wherever it writes them (a model card's own model, however its name is shaped) */
  names?: EntityRecord[];
}

/** A feed item: a link to fetch, with the item's own text to fall back on. */
export interface FeedItem {
  link: string;
  title?: string;
  publishedAt?: string;
  text?: string;
}

export interface SourceOutput {
  documents: ParsedDocument[];
  items: FeedItem[];
}

export interface ParseContext {
  gazetteer: Gazetteer;
}

export interface Source {
  kind: SourceKind;
  /** whether this source reads the input (by content type, extension or a look at the content) */
  accepts(input: RawInput): boolean;
  parse(input: RawInput, ctx: ParseContext): Promise<SourceOutput>;
}
