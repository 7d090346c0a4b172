// Name normalisation shared by the gazetteer and the resolver: one key per spelling family, so
// "NVIDIA H20", "Nvidia H20" and "nvidia  h20" meet, and curly apostrophes equal straight ones.

const CORPORATE_SUFFIX = /\b(inc|incorporated|ltd|limited|llc|corp|corporation|co|plc|ag|sa|gmbh)\.?$/;

/** Lowercase, accent-free, single-spaced form of a name, with typographic quotes and dashes made plain. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key two names must share to be the same entity: normalised, without "the", corporate suffixes or punctuation runs. */
export function nameKey(name: string): string {
  return normaliseName(name)
    .replace(/^the /, '')
    .replace(/[,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(CORPORATE_SUFFIX, '')
    .trim()
    .replace(/[^a-z0-9.'&-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Compact key ignoring spaces, hyphens and dots between letters and digits: "Qwen 3" = "Qwen3" = "qwen-3". */
export function compactKey(name: string): string {
  return nameKey(name).replace(/[\s-]+/g, '');
}
