// Amounts of money and counts as they are written in news text: "$5 billion", "€1.2bn",
// "USD 300 million", "~100,000", "10k".

export interface Money {
  amount: number;
  currency: string;
}

const SCALE: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
};

const CURRENCY: Record<string, string> = { $: 'USD', us$: 'USD', usd: 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', '¥': 'JPY', cny: 'CNY', rmb: 'CNY', yuan: 'CNY', euros: 'EUR', dollars: 'USD', inr: 'INR', rupees: 'INR', aed: 'AED', sar: 'SAR' };

/** Regex source for a money amount, for use inside relation patterns. */
export const MONEY_SOURCE =
  '(?:(?:US\\$|\\$|€|£|¥|USD ?|EUR ?|GBP ?|CNY ?|INR ?|AED ?|SAR ?)\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:trillion|billion|million|thousand|bn|mn|tn|[BMKT])\\b)?|\\d[\\d,]*(?:\\.\\d+)?\\s?(?:trillion|billion|million|bn|mn)?\\s(?:dollars|euros|yuan|rupees))';

/** Parses a written amount of money; null when the text is not one. */
export function parseMoney(text: string): Money | null {
  const m = /^(US\$|\$|€|£|¥|USD|EUR|GBP|CNY|INR|AED|SAR)?\s?(\d[\d,]*(?:\.\d+)?)\s?(trillion|billion|million|thousand|bn|mn|tn|[BMKT])?\b\s?(dollars|euros|yuan|rupees)?/i.exec(text.trim());
  if (!m || (!m[1] && !m[4])) return null;
  const value = Number(m[2]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1;
  const currency = CURRENCY[(m[1] ?? m[4] ?? '$').toLowerCase()] ?? 'USD';
  return { amount: Math.round(value * scale), currency };
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
