// Validation of option values as users type them: names matched without regard to case, whole
// numbers in range; each refusal is one line naming the option, what it got and what it takes.
import { InvalidInput } from '../../schema/errors.js';

/** The canonical spelling of `value` among `allowed`, matched case-insensitively. */
export function choice<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  const text = String(value);
  const found = allowed.find((a) => a.toLowerCase() === text.trim().toLowerCase());
  if (found === undefined) throw new InvalidInput(`${option}: expected one of ${allowed.join(', ')}, got "${text}"`);
  return found;
}

/** A whole number of at least `min` (and at most `max`) from an option's text. */
export function wholeNumber(option: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = String(value).trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new InvalidInput(`${option}: expected a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}, got "${String(value)}"`);
  return n;
}
