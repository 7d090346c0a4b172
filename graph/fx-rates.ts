// The exchange-rate table that turns deal amounts into US dollars. One table, one date, so every
// amountUsd in the graph is comparable and can be recomputed when the table is revised.
//
// Floating currencies: the European Central Bank's euro foreign exchange reference rates, annual
// average for 2024 (ECB Data Portal, series EXR.A.<CURRENCY>.EUR.SP00.A), crossed through the
// euro's 2024 average against the dollar (1.08 USD per EUR). Published to four or more digits;
// kept here to three significant figures, which is all the precision a multi-year deal amount
// supports. `date` is the last day of the averaging period.
// Pegged Gulf currencies: the fixed parities published by their central banks (Saudi Central Bank
// 3.75 SAR per USD, Central Bank of the UAE 3.6725 AED per USD, Qatar Central Bank 3.64 QAR per USD).

/** A dated table of US dollars per one unit of each currency. */
export interface FxRateTable {
  /** Date the rates apply to (ISO). */
  date: string;
  /** Where the rates come from. */
  basis: string;
  /** ISO 4217 code -> USD per unit. */
  usdPerUnit: Readonly<Record<string, number>>;
}

const USD_PER_EUR = 1.08;

export const FX_RATES: FxRateTable = {
  date: '2024-12-31',
  basis: 'ECB euro reference rates, 2024 annual average, to 3 significant figures; Gulf currencies at their official USD pegs',
  usdPerUnit: {
    USD: 1,
    EUR: USD_PER_EUR,
    GBP: USD_PER_EUR / 0.847,
    CHF: USD_PER_EUR / 0.953,
    SEK: USD_PER_EUR / 11.4,
    JPY: USD_PER_EUR / 164,
    CNY: USD_PER_EUR / 7.79,
    INR: USD_PER_EUR / 90.6,
    KRW: USD_PER_EUR / 1480,
    CAD: USD_PER_EUR / 1.48,
    SAR: 1 / 3.75,
    AED: 1 / 3.6725,
    QAR: 1 / 3.64,
  },
};

/** US dollars per unit of `currency` in `table`, or undefined when the table has no rate for it. */
export function usdPerUnit(currency: string, table: FxRateTable = FX_RATES): number | undefined {
  return table.usdPerUnit[currency.toUpperCase()];
}
