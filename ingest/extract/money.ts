// Written amounts as relation patterns read them. Parsing an amount is graph/money.ts (shared
// with the seeds, with the USD value from its dated rate table); this module only holds what
// extraction adds around it: the regex source that finds an amount inside a masked sentence, the
// short form deal names use, and counts of hardware ("~100,000", "10k").
import { parseMoney as parseAmount } from '../../graph/money.js';

export interface Money {
  amount: number;
  currency: string;
}

const SCALE: Record<string, number> = { million: 1e6, thousand: 1e3, k: 1e3 };

/** Regex source for a money amount, for use inside relation patterns. */
export const MONEY_SOURCE =
  '(?:(?:US\\$|C\\$|S\\$|A\\$|CN¥|\\$|€|£|¥|₹|₩|(?:USD|EUR|GBP|CNY|INR|AED|SAR|JPY|KRW|RMB|Rs\\.?) ?)\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:trillion|billion|million|thousand|crores?|lakhs?|bn|bln|mn|mln|tn|trn|[BMKTbmk])\\b)?|\\d[\\d,]*(?:\\.\\d+)?\\s?(?:trillion|billion|million|bn|bln|mn|mln)?\\s(?:dollars|euros|yuan|rupees|yen|won|riyals|dirhams))';

/** Amount and currency of a written sum (graph/money.ts reads it); null when the text is not one. */
export function parseMoney(text: string): Money | null {
  const m = parseAmount(text);
  return m ? { amount: m.amount, currency: m.currency } : null;
}

/** Short written form of an amount for names: 5e9 USD -> "$5B", 1.2e8 EUR -> "€120M". */
export function formatMoney({ amount, currency }: Money): string {
  const symbol = currency === 'USD' ? '$' : currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : `${currency} `;
  const [div, suffix] = amount >= 1e12 ? [1e12, 'T'] : amount >= 1e9 ? [1e9, 'B'] : amount >= 1e6 ? [1e6, 'M'] : amount >= 1e3 ? [1e3, 'K'] : [1, ''];
  const n = Math.round((amount / div) * 100) / 100;
  return `${symbol}${n}${suffix}`;
}

/** Parses a count like "100,000", "~10k", "2.5 million"; null when there is none. */
export function parseCount(text: string): number | null {
  const m = /(\d[\d,]*(?:\.\d+)?)\s?(million|thousand|k)?\b/i.exec(text);
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, ''));
  const scale = m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1;
  return Number.isFinite(value) ? Math.round(value * scale) : null;
}
