// Legal and policy instruments as they are named in text ("export controls", "executive order",
// "five-year implementation plan"), with the Regulation kind and the APPLIES_TO effect each implies.
// The head nouns are data (`data/instruments.yaml`), checked against the domain model when loaded.
import { INSTRUMENTS, INSTRUMENT_HEADS_SOURCE } from './lexicon.js';

export interface Instrument {
  kind: string;
  effect: string;
}

/** Regex source for an instrument head noun, for patterns. */
export const INSTRUMENT_SOURCE = INSTRUMENT_HEADS_SOURCE;

/** The instrument a phrase names by its head noun, or null. */
export function instrumentOf(phrase: string): Instrument | null {
  const head = phrase.replace(/\s+(?:for|on|to|against|of|in|targeting|covering|spanning)\b.*$/i, '').trim();
  for (const inst of INSTRUMENTS) if (inst.pattern.test(head)) return { kind: inst.kind, effect: inst.effect };
  return null;
}
