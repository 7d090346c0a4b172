// Chips by their shape: a TPU generation ("TPU v5"), a part code after a known chip maker ("AMD MI308", "Nvidia B40") or any
// capitalised maker word before a code and a chip noun ("FuriosaAI RNGD accelerators"). A code
// has a digit or is all capitals, so "Nvidia Blackwell" and "AMD said" stay out.
import { LEXICON } from '../lexicon.js';
import { spanOf, type Proposal, type Proposer } from './proposal.js';

// chip makers the lexicon knows, with their aliases ("Nvidia", "Advanced Micro Devices")
const MAKERS = LEXICON.filter((e) => e.label === 'Organization' && e.props?.kind === 'chip_designer').flatMap((e) => [e.name, ...(e.aliases ?? [])]);
// after a known maker a code carries digits ("MI308"); before a chip noun capitals will do ("RNGD accelerators")
const DIGIT_CODE = '[A-Z]{1,5}\\d{2,4}[A-Z]{0,3}';
// (with a chip noun after it, one digit will do: "Orion X2 accelerators", "Apple M3 chips")
const CODE = `(?:[A-Z]{1,5}\\d{1,4}[A-Z]{0,3}|[A-Z]{3,6}(?: ?\\d{1,4}[A-Z]?)?)`;
// a part code, then the maker looked up before it (one alternation of every maker's name at every position costs more
// than the few codes a text has); ASCII word boundaries: maker names and part codes are ASCII
const PART_CODE = new RegExp(`(?<= )${DIGIT_CODE}\\b(?![-.]\\w)`, 'g');
const LINE_WORD = / (?:Instinct|Ascend|Gaudi)$/;
const MAKERS_BY_LENGTH = [...new Set(MAKERS)].sort((a, b) => b.length - a.length);

/** The known maker's name and part code ending at a code: "AMD MI308", "Huawei Ascend 910C"; undefined when none. */
function knownMakerBefore(text: string, code: RegExpMatchArray): { index: number; name: string } | undefined {
  let end = code.index! - 1;
  const line = LINE_WORD.exec(text.slice(Math.max(0, end - 9), end));
  if (line) end -= line[0].length;
  const before = text.slice(Math.max(0, end - 60), end);
  const maker = MAKERS_BY_LENGTH.find((m) => before.endsWith(m) && !/[A-Za-z0-9]/.test(before[before.length - m.length - 1] ?? ''));
  if (!maker) return undefined;
  const index = end - maker.length;
  return { index, name: text.slice(index, code.index! + code[0].length) };
}
const ANY_MAKER = new RegExp(
  `\\b(?!(?:The|This|That|These|Those|Its|Their|Our|New|Each|Both|All|Any|Some|Such)\\b)[A-Z][A-Za-z0-9]{2,20} ${CODE}(?= (?:AI )?(?:accelerators?|chips?|GPUs?|NPUs?|TPUs?|ASICs?|processors?)\\b)`,
  'g',
);
// Google's TPU generations ("TPU v5", "Google TPU v6e")
const TPU = /\b(?:Google )?(?:Cloud )?TPU[- ]?v\d{1,2}[a-rt-z]?(?=s?\b)/g;
// a part code somewhere in the sentence: letters and digits run together, or a run of capitals
const ANY_CODE = /\b[A-Z]{1,5}\d{1,4}|\b[A-Z]{3,6}\b/;
const CUE = /\b(chips?|GPUs?|NPUs?|TPU|TPUs|accelerators?|processors?|silicon|semiconductors?|exports?|hardware)\b/i;
// words that follow a maker's name without being part codes
const NOT_CODES = /\s(?:AI|CEO|CFO|CTO|GPU|GPUs|NPU|CPU|USA|LLC|INC|THE|AND|HBM|API|SDK|RTX|PRO)$/;

/** Proposes Chip entities for part codes after chip makers. */
export const proposeChips: Proposer = (sentence) => {
  const out: Proposal[] = [];
  if (!CUE.test(sentence.text) || !ANY_CODE.test(sentence.text)) return out;
  for (const code of sentence.text.matchAll(PART_CODE)) {
    const known = knownMakerBefore(sentence.text, code);
    if (known && !NOT_CODES.test(known.name)) out.push({ ...spanOf(sentence, known.index, known.name.length), name: known.name, label: 'Chip', confidence: 0.55, props: {} });
  }
  for (const re of [ANY_MAKER, TPU])
    for (const m of sentence.text.matchAll(re)) {
      const name = m[0];
      if (NOT_CODES.test(name)) continue;
      out.push({ ...spanOf(sentence, m.index, name.length), name, label: 'Chip', confidence: 0.55, props: {} });
    }
  return out;
};
