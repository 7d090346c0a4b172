// The sources, in the order they are tried when the kind is "auto": the most specific first.
import type { DocumentKind, ReadKind } from './kinds.js';
import { feedSource } from './feed.js';
import { htmlSource } from './html.js';
import { modelCardSource } from './model-card.js';
import { policySource } from './policy.js';
import type { RawInput, Source } from './source.js';
import { tableSource } from './table.js';
import { textSource } from './text.js';

export const SOURCES: readonly Source[] = [tableSource, feedSource, modelCardSource, policySource, htmlSource, textSource];

// every kind of document a source reads (kinds.ts, from the domain model) has its readers here
const BY_KIND: Record<ReadKind, Source[]> = {
  news: [htmlSource, textSource],
  'model-card': [modelCardSource],
  policy: [policySource],
  feed: [feedSource],
  table: [tableSource],
};

/** The source that reads an input: by the kind asked for, else the first that accepts it. */
export function pickSource(input: RawInput, kind: DocumentKind = 'auto'): Source {
  const candidates = kind === 'auto' ? SOURCES : BY_KIND[kind];
  return candidates.find((s) => s.accepts(input)) ?? candidates[candidates.length - 1]!;
}
