// The shared validation of dates, ranges, source URLs, names and quotes: each refusal names the
// field and the value.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidInput } from '../../schema/errors.js';
import { calendarDate, dateProblem, nameProblem, parseDate, quoteProblem, rangeProblem, refusedAsTo, sameKindProblem, sourceUrlProblem } from '../../schema/validate.js';

describe('dateProblem', () => {
  it.each(['2026-02-28', '2024-02-29', '2025-12-31', '2025-06-30T12:00:00Z', '2025-06-30T23:59:59.123+02:00', '2025-06-30T08:15'])('accepts %s', (d) => {
    expect(dateProblem('asOf', d)).toBeNull();
  });
  it.each([
    ['2026-02-30', 'asOf: "2026-02-30" is not a calendar date (February 2026 has 28 days)'],
    ['2025-02-29', 'asOf: "2025-02-29" is not a calendar date (February 2025 has 28 days)'],
    ['2019-00-10', 'asOf: "2019-00-10" is not a calendar date (month 00 does not exist)'],
    ['2019-13-01', 'asOf: "2019-13-01" is not a calendar date (month 13 does not exist)'],
    ['2019-04-31', 'asOf: "2019-04-31" is not a calendar date (April 2019 has 30 days)'],
    ['2019-04-00', 'asOf: "2019-04-00" is not a calendar date (April 2019 has 30 days)'],
    ['2019-04-10T25:00:00Z', 'asOf: "2019-04-10T25:00:00Z" is not a valid time of day'],
    ['yesterday', 'asOf: expected an ISO date (YYYY-MM-DD), got "yesterday"'],
    ['2019-4-1', 'asOf: expected an ISO date (YYYY-MM-DD), got "2019-4-1"'],
  ])('refuses %s', (d, message) => {
    expect(dateProblem('asOf', d)).toBe(message);
  });
  it('refuses non-strings', () => {
    expect(dateProblem('validFrom', 20260101)).toBe('validFrom: expected an ISO date (YYYY-MM-DD), got "20260101"');
  });
});

describe('parseDate', () => {
  it('gives midnight UTC for a date and honours offsets', () => {
    expect(parseDate('asOf', '2026-01-02')).toBe(Date.UTC(2026, 0, 2));
    expect(parseDate('asOf', '2026-01-02T01:00:00+01:00')).toBe(Date.UTC(2026, 0, 2));
    expect(parseDate('asOf', '2026-01-02T01:00')).toBe(Date.UTC(2026, 0, 2, 1));
  });
  it('throws InvalidInput naming the field', () => {
    expect(() => parseDate('--as-of', '2026-02-30')).toThrow(InvalidInput);
    expect(() => parseDate('--as-of', '2026-02-30')).toThrow(/^--as-of: "2026-02-30" is not a calendar date/);
  });
});

describe('rangeProblem', () => {
  it('accepts open and ordered ranges', () => {
    expect(rangeProblem('validFrom', '2024-01-01', 'validTo', '2025-01-01')).toBeNull();
    expect(rangeProblem('validFrom', '2024-01-01', 'validTo', '2024-01-01')).toBeNull();
    expect(rangeProblem('validFrom', null, 'validTo', '2025-01-01')).toBeNull();
    expect(rangeProblem('validFrom', '2025-01-01', 'validTo', undefined)).toBeNull();
  });
  it('refuses from after to, naming both', () => {
    expect(rangeProblem('validFrom', '2025-06-01', 'validTo', '2025-01-01')).toBe('validFrom: "2025-06-01" is after validTo "2025-01-01"');
  });
  it('refuses an impossible end', () => {
    expect(rangeProblem('validFrom', '2025-06-01', 'validTo', '2025-06-31')).toMatch(/^validTo: "2025-06-31" is not a calendar date/);
  });
});

describe('sourceUrlProblem', () => {
  it.each(['https://example.com/a?b=1', 'http://example.com', 'doc:abc123'])('accepts %s', (u) => {
    expect(sourceUrlProblem('source.url', u)).toBeNull();
  });
  it.each([
    ['javascript:alert(1)', 'source.url: only http(s) URLs or document ids are accepted, got "javascript:alert(1)" (scheme javascript:)'],
    ['JavaScript:alert(1)', 'source.url: only http(s) URLs or document ids are accepted, got "JavaScript:alert(1)" (scheme javascript:)'],
    ['data:text/html,<b>x</b>', 'source.url: only http(s) URLs or document ids are accepted, got "data:text/html,<b>x</b>" (scheme data:)'],
    ['file:///etc/passwd', 'source.url: only http(s) URLs or document ids are accepted, got "file:///etc/passwd" (scheme file:)'],
    ['report.txt', 'source.url: expected an http(s) URL or a document id (doc:…), got "report.txt"'],
    ['http://exa mple.com', 'source.url: "http://exa mple.com" is not a valid URL'],
    ['https://a.com/\nx', 'source.url: "https://a.com/\\nx" contains control characters'],
  ])('refuses %s', (u, message) => {
    expect(sourceUrlProblem('source.url', u)).toBe(message);
  });
  it('lets import records name files, never other schemes', () => {
    expect(sourceUrlProblem('source', 'article.txt', { allowNames: true })).toBeNull();
    expect(sourceUrlProblem('source', 'C:\\reports\\a.txt', { allowNames: true })).toBeNull();
    expect(sourceUrlProblem('source', 'javascript:alert(1)', { allowNames: true })).toMatch(/scheme javascript:/);
  });
});

describe('nameProblem', () => {
  it('accepts real names', () => {
    expect(nameProblem('name', 'NVIDIA H20')).toBeNull();
    expect(nameProblem('name', '华为 Ascend 910B')).toBeNull();
  });
  it.each([
    ['', 'name: expected a non-empty name, got ""'],
    ['  ', 'name: expected a non-empty name, got "  "'],
    ['H20\u0000', 'name: "H20\\u0000" contains control characters'],
    ['H20\nsecond line', 'name: "H20\\nsecond line" contains control characters'],
    ['abc\u202egnp.exe', 'name: "abc\u202egnp.exe" contains bidirectional override characters'],
  ])('refuses %j', (n, message) => {
    expect(nameProblem('name', n)).toBe(message);
  });
  it('refuses an oversized name by its length', () => {
    expect(nameProblem('name', 'x'.repeat(8_000_000))).toBe('name: a name has at most 1000 characters, got 8000000');
  });
});

describe('quoteProblem', () => {
  const doc = 'The US banned the H20.\nChina responded  with   Ascend chips.';
  it('accepts exact and whitespace-collapsed quotes', () => {
    expect(quoteProblem('quote', 'The US banned the H20.', doc)).toBeNull();
    expect(quoteProblem('quote', 'China responded with Ascend chips.', doc)).toBeNull();
  });
  it('refuses a quote not in the document', () => {
    expect(quoteProblem('quote', 'The EU banned the H20.', doc)).toBe('quote: "The EU banned the H20." does not occur in its source document');
  });
});

describe('zod refinements', () => {
  it('report the message under the field path', () => {
    const r = z.object({ validFrom: calendarDate }).safeParse({ validFrom: '2026-02-30' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['validFrom']);
    expect(r.error!.issues[0]!.message).toBe('"2026-02-30" is not a calendar date (February 2026 has 28 days)');
  });
});

describe('refusedAsTo', () => {
  it("reads the domain model's notTo: a foundry designs no chip, a chip designer or a company of unknown kind may", () => {
    expect(refusedAsTo('DESIGNED_BY', { kind: 'foundry' })).toBe(true);
    expect(refusedAsTo('DESIGNED_BY', { kind: 'fund' })).toBe(true);
    expect(refusedAsTo('DESIGNED_BY', { kind: 'chip_designer' })).toBe(false);
    expect(refusedAsTo('DESIGNED_BY', {})).toBe(false);
    expect(refusedAsTo('DEVELOPED_BY', { kind: 'foundry' })).toBe(false);
  });
});

describe('sameKindProblem', () => {
  it('lets two of one kind compare, a lab being a kind of organisation, and nothing else', () => {
    expect(sameKindProblem('COMPETES_WITH', 'Chip', 'Chip')).toBeNull();
    expect(sameKindProblem('COMPETES_WITH', 'Lab', 'Organization')).toBeNull();
    expect(sameKindProblem('COMPETES_WITH', 'Organization', 'Lab')).toBeNull();
    expect(sameKindProblem('COMPETES_WITH', 'Chip', 'Model')).toMatch(/not a Chip and a Model/);
    expect(sameKindProblem('COMPETES_WITH', 'Lab', 'Model')).toMatch(/not a Lab and a Model/);
    // relations that are not comparisons join any two labels their ends allow
    expect(sameKindProblem('DEVELOPED_BY', 'Model', 'Lab')).toBeNull();
  });
});
