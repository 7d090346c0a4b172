// Building patterns from data and text.

/** A string as a regex source matching it literally ("Z.ai" → "Z\.ai"). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
