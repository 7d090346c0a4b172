import { describe, expect, it } from 'vitest';
import { FX_RATES } from '../../graph/fx-rates.js';
import { parseMoney } from '../../graph/money.js';

describe('parseMoney', () => {
  const cases: Array<[string, number, string]> = [
    ['₹10,371.92 crore', 103_719_200_000, 'INR'],
    ['€109 billion', 109e9, 'EUR'],
    ['$15.2B', 15.2e9, 'USD'],
    ['$1.5 billion in equity', 1.5e9, 'USD'],
    ['US$ 40 million', 40e6, 'USD'],
    ['SAR 5bn', 5e9, 'SAR'],
    ['¥1 trillion', 1e12, 'JPY'],
    ['5 lakh rupees', 500_000, 'INR'],
    ['€1.3 billion for an 11% stake', 1.3e9, 'EUR'],
    ['$320 mn', 320e6, 'USD'],
    ['$2 tn', 2e12, 'USD'],
    ['C$705 million', 705e6, 'CAD'],
    ['₩1 trillion+', 1e12, 'KRW'],
    ['between $30 and $50 billion', 30e9, 'USD'],
    ['10 million USD', 10e6, 'USD'],
    ['$14.8 bln', 14.8e9, 'USD'],
    ['€2 trn', 2e12, 'EUR'],
  ];
  it.each(cases)('%s -> %d %s', (text, amount, currency) => {
    expect(parseMoney(text)).toMatchObject({ amount, currency, fxRateDate: FX_RATES.date });
  });

  it('converts with the dated table, to three significant figures', () => {
    expect(parseMoney('€109 billion')!.amountUsd).toBe(118e9);
    expect(parseMoney('$15.2B')!.amountUsd).toBe(15.2e9);
    expect(parseMoney('SAR 3.75 billion')!.amountUsd).toBe(1e9);
  });

  it('returns null for text without money or with an unknown currency', () => {
    expect(parseMoney('no money here')).toBeNull();
    expect(parseMoney('40 million widgets')).toBeNull();
  });
});
