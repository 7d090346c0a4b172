// What a proposer returns: a span of text that looks like an entity the graph does not know yet,
// with a type and a confidence below that of known names.
import type { Label } from '../../../schema/generated/model.js';
import type { Props } from '../../../schema/records.js';
import type { Sentence } from '../nlp.js';

export interface Proposal {
  start: number;
  end: number;
  name: string;
  label: Label;
  confidence: number;
  aliases?: string[];
  props?: Props;
  /** the text defines or introduces the name ("X (ABC)", "dubbed X"): kept even where a known name sits inside it */
  /** shown as an entity even when nothing else is said of it, without taking the place of known names inside it (unlike `defined`) */
  shown?: boolean;
  defined?: boolean;
  /** a title that names its entity wherever it stands (a statute's), unless it swallows a name the lexicon knows */
  titled?: boolean;
}

/** Regex source of the nouns that say what kind of company a name is ("chipmaker Acme", "Acme, a Korean startup"). */
export const ROLE_NOUN =
  '(?:vendor|company|firm|startup|start-up|maker|manufacturer|chipmaker|chip designer|designer|provider|operator|developer|lab|laboratory|giant|fund|conglomerate|supplier|foundry|subsidiary|unicorn|carrier|telco|hyperscaler|integrator|contractor|division|affiliate|specialist|neocloud|outfit|behemoth|titan|heavyweight|powerhouse|juggernaut|(?<!(?:managing|general|founding|senior|limited) )partner)';

/** Regex source of the legal forms written after a company's name ("Inc", "Co", "Ltd", "GmbH"), without their full stop. */
// (the forms of many jurisdictions: "Sdn Bhd", "Pte Ltd", "Pvt Ltd", "Tbk", "ASA", "Oyj", "SpA", "KK")
export const LEGAL_FORMS = '(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|LLP|LP|plc|PLC|AG|SA|SE|NV|BV|GmbH|Bhd|Berhad|Sdn|Pte|Pvt|Tbk|ASA|AB|Oyj|SpA|SAS|Srl|JSC|PJSC|KK)';

/** A dot inside a word, as a regex source ("Z.ai", "U.S."): never a sentence's full stop. */
export const INNER_DOT = '\\.(?=[\\p{L}\\p{N}])';
/** A colon inside a brand's word ("Run:ai"), as a regex source: never a colon before a space. */
const INNER_COLON = ':(?=\\p{Ll})';
/**
 * A word of a name, as a regex source: capitalised, or a brand's shape that opens in lower case or digits before a
 * capital ("d-Matrix", "nScale", "iFlytek", "21Vianet", "4Paradigm"); a dot belongs to it only inside it ("Z.ai"),
 * never as the full stop.
 */
export const NAME_WORD = `(?:[A-Z]|[a-z](?=-?[A-Z])|\\d+(?=[A-Z][a-z]))(?:[\\p{L}\\p{N}&'’-]|${INNER_DOT}|${INNER_COLON})*`;

/** Regex source of the particles of other languages that join the words of one name ("Casa dos Ventos", "Banco do Brasil", "Caisse des Dépôts"). */
// (its first letter read ahead, so that a word that opens no particle is passed over at once)
export const NAME_PARTICLE = '(?=[dlv])(?:de|da|do|dos|das|del|della|di|du|des|la|le|van|von|der|den)';

/** Regex source of a quantisation type ("Q4_K_M", "IQ3_XS", "BF16", "FP8", "INT8", "W4A16"): a format of a model's weights, never a model. */
export const QUANT_TYPE = '(?:I?Q\\d(?:_\\w+)?|B?F\\d+|FP\\d+|INT\\d+|W\\d+A\\d+)';
/** Regex source of the extensions of a file of weights. */
export const WEIGHTS_EXT = '(?:gguf|bin|safetensors|pt|onnx)';

/** Words that open a sentence or a clause without naming anything ("Accordingly, the company …", "Meanwhile, …"). */
export const DISCOURSE_WORDS =
  '(?:Accordingly|Additionally|Consequently|Similarly|Separately|Notably|Finally|Overall|Meanwhile|However|Moreover|Furthermore|Instead|Still|Also|Yet|Thus|Hence|Therefore|Likewise|Indeed|Ultimately|Currently|Previously|Initially|Earlier|Later|Recently|Today|Yesterday|Now|Then|Besides|Otherwise|Nevertheless|Nonetheless|Alternatively|Specifically|Importantly|Interestingly|Crucially|Critically|Here|There|So|But|And|Or|Again|Next|First|Second|Third|Lastly)';
/** Regex source of the calendar's names: a weekday or a month is never an entity's whole name ("on Monday", "In March"). */
/** Regex source of a count of a group's members ("three", "several", "12"), and of what may follow the group before they are named ("in particular"). */
export const COUNT = '(?:two|three|four|five|six|seven|eight|nine|ten|several|\\d+)';
export const COUNT_CLOSE = '(?: in particular| in all| in total)?';

export const CALENDAR_WORDS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * Whether a line is written in title case, as headlines are ("Acme and Globex to Build AI Factory in Kenya"): most of its
 * longer words after the first are capitalised, so capitals there say nothing about names.
 */
export function titleCased(text: string): boolean {
  const words = text
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^[\p{L}]{4,}/u.test(w));
  if (words.length < 4) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * words.length;
}

/** A proposer reads one sentence (offsets are absolute in the document) and proposes new entities. */
export type Proposer = (sentence: Sentence) => Proposal[];

/** Absolute span of a regex match group inside a sentence. */
export function spanOf(sentence: Sentence, index: number, length: number): { start: number; end: number } {
  return { start: sentence.start + index, end: sentence.start + index + length };
}

/** The names of a list a pattern captured ("A, B and C"), each with its offset in the sentence and a possessive 's cut off. */
export function listedNames(list: string, at: number): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const part of list.split(/(, and |, or |, | and | or )/)) {
    if (!/^(?:, and |, or |, | and | or )$/.test(part)) out.push({ name: part.replace(/['’]s$/, ''), index: at });
    at += part.length;
  }
  return out;
}
