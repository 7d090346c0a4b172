// Parses money as news text writes it ("₹10,371.92 crore", "€109 billion", "$15.2B",
// "US$ 40 million", "SAR 5bn", "between $30 and $50 billion") into an amount in units of its
// currency, with the US-dollar value from the dated rate table in fx-rates.ts.
import { FX_RATES, usdPerUnit, type FxRateTable } from './fx-rates.js';

/** Money parsed from text: amount in currency units, ISO currency, USD value and the rate's date. */
export interface Money {
  amount: number;
  currency: string;
  amountUsd: number;
  fxRateDate: string;
}

// Prefix symbols and codes, longest first so "US$" wins over "$". "¥" alone reads as yen, the
// common English usage; Chinese amounts are written RMB, CN¥ or yuan.
const PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['CN¥', 'CNY'],
  ['RMB', 'CNY'],
  ['S$', 'SGD'],
  ['A$', 'AUD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['Rs.', 'INR'],
  ['Rs', 'INR'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['JPY', 'JPY'],
  ['CNY', 'CNY'],
  ['INR', 'INR'],
  ['KRW', 'KRW'],
  ['CAD', 'CAD'],
  ['CHF', 'CHF'],
  ['SEK', 'SEK'],
  ['SAR', 'SAR'],
  ['AED', 'AED'],
  ['QAR', 'QAR'],
];

const SUFFIX_CODES: Readonly<Record<string, string>> = {
  usd: 'USD',
  dollars: 'USD',
  eur: 'EUR',
  euros: 'EUR',
  yuan: 'CNY',
  renminbi: 'CNY',
  yen: 'JPY',
  rupees: 'INR',
  won: 'KRW',
  riyals: 'SAR',
  dirhams: 'AED',
};

// Scale words; case matters only for the one-letter forms ("$15.2B", "5M", "m").
const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(trillion|tn|trn|t)\b/i, 1e12],
  [/^(billion|bn|bln|b)\b/i, 1e9],
  [/^crores?\b/i, 1e7],
  [/^(million|mn|mln|m)\b/i, 1e6],
  [/^lakhs?\b/i, 1e5],
  [/^(thousand|k)\b/i, 1e3],
];

const NUMBER = /^(\d{1,3}(?:,\d{2,3})+|\d+)(\.\d+)?/;

function readScale(text: string): { factor: number; rest: string } {
  const trimmed = text.replace(/^[\s-]+/, '');
  for (const [re, factor] of SCALES) {
    const m = re.exec(trimmed);
    if (m) return { factor, rest: trimmed.slice(m[0].length) };
  }
  return { factor: 1, rest: text };
}

function readNumber(text: string): { value: number; rest: string } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  return { value: Number(`${m[1]!.replace(/,/g, '')}${m[2] ?? ''}`), rest: text.slice(m[0].length) };
}

function readPrefix(text: string): { currency: string; rest: string } | null {
  for (const [symbol, code] of PREFIXES) {
    if (text.toUpperCase().startsWith(symbol.toUpperCase())) return { currency: code, rest: text.slice(symbol.length).trimStart() };
  }
  return null;
}

/** Rounds to three significant figures: the rate table carries no more precision than that. */
function roundUsd(value: number): number {
  if (value === 0) return 0;
  const digits = Math.max(0, Math.floor(Math.log10(Math.abs(value))) - 2);
  const step = 10 ** digits;
  return Math.round(value / step) * step;
}

/**
 * Parses the first amount of money in `text`; null when there is none or its currency has no rate.
 * A bare lower bound of a range ("$30 and $50 billion") takes the range's scale.
 */
export function parseMoney(text: string, table: FxRateTable = FX_RATES): Money | null {
  const start = text.search(/(US\$|C\$|CA\$|CN¥|RMB|S\$|A\$|[$€£¥₹₩]|\b(?:Rs\.?|USD|EUR|GBP|JPY|CNY|INR|KRW|CAD|CHF|SEK|SAR|AED|QAR)\b|\d)/);
  if (start < 0) return null;
  let rest = text.slice(start);
  let currency: string | undefined;
  const prefix = readPrefix(rest);
  if (prefix) {
    currency = prefix.currency;
    rest = prefix.rest;
  }
  const num = readNumber(rest);
  if (!num) return null;
  const scaled = readScale(num.rest);
  const after = scaled.rest;
  let factor = scaled.factor;
  if (factor === 1) {
    // "between $30 and $50 billion": the first figure borrows the second's scale.
    const range = /^\s*(?:and|to|-|–)\s*(?:US\$|C\$|[$€£¥₹₩])?\s*(\d[\d,.]*)/i.exec(num.rest);
    if (range) factor = readScale(num.rest.slice(range[0].length)).factor;
  }
  if (!currency) {
    const code = /^\s*([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase();
    currency = code ? (SUFFIX_CODES[code] ?? (code.length === 3 ? code.toUpperCase() : undefined)) : undefined;
  }
  if (!currency) return null;
  const rate = usdPerUnit(currency, table);
  if (rate === undefined) return null;
  const amount = Math.round(num.value * factor * 100) / 100;
  return { amount, currency, amountUsd: roundUsd(amount * rate), fxRateDate: table.date };
}

/** Money a source gives as a range ("between $30 and $50 billion", "$10-15B"): the lower bound, and the upper one when the text states it. */
export interface MoneyRange {
  min: Money;
  max: Money | null;
}

// the first figure, a connecting word or dash, then the rest (the second figure with its scale)
const RANGE = /^\D*?\d[\d,.]*\s*(?:[A-Za-z]+\s+)??(?:and|to|–|-)\s*(.+)$/;

/** Parses money that may be a range; a single amount has no max. Null when parseMoney finds none. */
export function parseMoneyRange(text: string, table: FxRateTable = FX_RATES): MoneyRange | null {
  const min = parseMoney(text, table);
  if (!min) return null;
  const rest = RANGE.exec(text)?.[1];
  if (!rest) return { min, max: null };
  // "$10-15B": the second figure takes the first's currency
  const max = parseMoney(rest, table) ?? parseMoney(`${min.currency} ${rest}`, table);
  return { min, max: max && max.currency === min.currency && max.amount > min.amount ? max : null };
}
