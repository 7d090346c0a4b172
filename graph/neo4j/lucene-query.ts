// Turns a user's search text into a safe Lucene query for Neo4j's full-text index: every
// Lucene operator character is escaped, and each word matches exactly or with one typo.

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** fuzzy matching on very short words would match nearly every term in the index */
const MIN_FUZZY_LENGTH = 3;
/** keeps the query far below Lucene's clause limit whatever the user pastes */
const MAX_TERMS = 16;

/** Escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * A Lucene query for free text: each word as an exact term OR the same term with edit
 * distance 1, plus the words run together ("nvidia h20" also tries "nvidiah20", which the
 * stored search text holds); null when the text has no letters or digits.
 */
export function luceneQuery(text: string): string | null {
  // the index lowercases what it stores, and fuzzy terms are not analysed, so lowercase here
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_TERMS);
  if (!words.length) return null;
  const terms = words.length > 1 ? [...new Set([...words, words.join('')])] : words;
  return terms
    .map((w) => {
      const t = escapeLucene(w);
      return w.length >= MIN_FUZZY_LENGTH ? `(${t} OR ${t}~1)` : t;
    })
    .join(' OR ');
}
