// Chips by their shape: a TPU generation ("TPU v5"), a part code after a known chip maker ("AMD MI308", "Nvidia B40") or any
// capitalised maker word before a code and a chip noun ("FuriosaAI RNGD accelerators"). A code
// has a digit or is all capitals, so "Nvidia Blackwell" and "AMD said" stay out.
import { LEXICON } from '../lexicon.js';
import { spanOf, type Proposal, type Proposer } from './proposal.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// chip makers the lexicon knows, with their aliases ("Nvidia", "Advanced Micro Devices")
const MAKERS = LEXICON.filter((e) => e.label === 'Organization' && e.props?.kind === 'chip_designer').flatMap((e) => [e.name, ...(e.aliases ?? [])]);
// after a known maker a code carries digits ("MI308"); before a chip noun capitals will do ("RNGD accelerators")
const DIGIT_CODE = '[A-Z]{1,5}\\d{2,4}[A-Z]{0,3}';
const CODE = `(?:${DIGIT_CODE}|[A-Z]{3,6}(?: ?\\d{1,4}[A-Z]?)?)`;
// ASCII word boundaries (maker names and part codes are ASCII): much cheaper than Unicode lookarounds
const KNOWN_MAKER = new RegExp(`\\b(?:${MAKERS.map(escape).join('|')}) (?:Instinct |Ascend |Gaudi )?${DIGIT_CODE}\\b(?![-.]\\w)`, 'g');
const ANY_MAKER = new RegExp(
  `\\b(?!(?:The|This|That|These|Those|Its|Their|Our|New|Each|Both|All|Any|Some|Such)\\b)[A-Z][A-Za-z0-9]{2,20} ${CODE}(?= (?:accelerators?|chips?|GPUs?|NPUs?|TPUs?|ASICs?|processors?)\\b)`,
  'g',
);
// Google's TPU generations ("TPU v5", "Google TPU v6e")
const TPU = /\b(?:Google )?TPU v\d{1,2}[a-z]?\b/g;
// a part code somewhere in the sentence: letters and digits run together, or a run of capitals
const ANY_CODE = /\b[A-Z]{1,5}\d{2,4}|\b[A-Z]{3,6}\b/;
const CUE = /\b(chips?|GPUs?|NPUs?|TPU|TPUs|accelerators?|processors?|silicon|semiconductors?|exports?|hardware)\b/i;
// words that follow a maker's name without being part codes
const NOT_CODES = /\s(?:AI|CEO|CFO|CTO|GPU|GPUs|NPU|CPU|USA|LLC|INC|THE|AND|HBM|API|SDK|RTX|PRO)$/;

/** Proposes Chip entities for part codes after chip makers. */
export const proposeChips: Proposer = (sentence) => {
  const out: Proposal[] = [];
  if (!CUE.test(sentence.text) || !ANY_CODE.test(sentence.text)) return out;
  for (const re of [KNOWN_MAKER, ANY_MAKER, TPU])
    for (const m of sentence.text.matchAll(re)) {
      const name = m[0];
      if (NOT_CODES.test(name)) continue;
      out.push({ ...spanOf(sentence, m.index, name.length), name, label: 'Chip', confidence: 0.55, props: {} });
    }
  return out;
};
