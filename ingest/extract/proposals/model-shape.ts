// Model names by their shape: a family word and a version ("GLM-5.1", "Qwen3-235B", "Qwen3.6-Max",
// "DeepSeek V4 Flash", "Llama 3.1 405B"). A known family is enough; an unknown family needs the
// version attached ("Foo-2") and a model cue in the sentence, so "COVID-19" stays out.
import { MODEL_FAMILIES } from '../lexicon.js';
import { parseModelName } from '../../resolve/model-version.js';
import type { Proposal, Proposer } from './proposal.js';
import { QUANT_TYPE, WEIGHTS_EXT, spanOf } from './proposal.js';

const VARIANT =
  '(?:Flash|Pro|Max|Mini|Nano|Instruct|Turbo|Ultra|Lite|Plus|Chat|Coder|Thinking|Reasoner|Preview|Base|VL|Omni|Opus|Sonnet|Haiku|Exp|Air|Vision|Large|Medium|Small|Next|Math|Distill|Maverick|Scout|Behemoth|Codex|Omni|Realtime|AWQ|GGUF|GPTQ|FP8|INT4|INT8|Int4|Int8|MLX|bf16|A\\d+B|\\d+(?:\\.\\d+)?[BMT])';
// sizes attach with a hyphen only ("Qwen3-235B"); spaced numbers are usually table columns
const WORD_VARIANT = VARIANT.replace('|A\\d+B|\\d+(?:\\.\\d+)?[BMT]', '');
// in prose, a size may follow a version after a space ("Llama 3.1 70B Instruct"); a table's cells put sizes in columns of their own
const SPACED_SIZE = new RegExp(`^ \\d+(?:\\.\\d+)?[BM](?: (?:${WORD_VARIANT}))*(?![\\p{L}\\p{N}])`, 'u');
const SHAPE = new RegExp(
  `(?<![\\p{L}\\p{N}])([A-Z][A-Za-z]{1,14}|[a-z][A-Z][A-Za-z]{1,13})(?:(-?)([vVKkMmRr]?\\d+(?:\\.\\d+)*[a-z]?|(?<=-)\\d+(?:\\.\\d+)?B|(?<=-)[A-Z]\\d{1,2}(?:\\.\\d+)?(?=-))|( )((?:[vVKkMmRr])?\\d+(?:\\.\\d+)*[a-z]?))((?:-(?:${VARIANT})| (?:${WORD_VARIANT}))*)(?![\\p{L}\\p{N}])`,
  'gu',
);
// software that model cards version next to the model ("Python 3.12", "CUDA 12.4")
const SOFTWARE =
  /^(Python|CUDA|PyTorch|TensorFlow|Transformers|Ubuntu|Android|Windows|Java|Node|ROCm|JAX|Triton|Docker|Linux|macOS|Version|Release|Step|Apache|License|Licence|Agreement|GPL|Llama-Guard)$/i;
// a release named with its size ("-32B", "-1.5b")
const SIZED = /-\d+(?:\.\d+)?[Bb]\b/;
// (and the Chinese word for a model, in a card written in Chinese: "模型")
const MODEL_CUE = /\b(model|models|LLM|LLMs|weights|open-weight|open-source|parameters|checkpoint|release[sd]?|benchmark|fine-tun\w*|inference|reasoning|(?:pre-|post-)?trained|tokens)\b|模型/i;
const NOT_MODELS = /^(COVID|Section|Article|Title|Part|Annex|Chapter|Figure|Table|Version|Phase|Tier|Level|Stage|Class|Category|Item|Step|Round|Series|Q|FY|CY)$/i;

// tier before version ("Claude Opus 4.5", "Claude Sonnet 4") and OpenAI's lowercase reasoning series ("o3-mini")
const TIERED = /(?<![\p{L}\p{N}])(Claude (?:Opus|Sonnet|Haiku|Instant)(?: \d+(?:\.\d+)?)?)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}-])(o[1-9](?:-(?:mini|pro|preview))?)(?![\p{L}\p{N}])/gu;
// a tier and version alone where the sentence speaks of Claude or Anthropic ("its Claude suite: Sonnet 4.5, Opus 4.1 and Haiku 4.5")
const BARE_TIER = /(?<![\p{L}\p{N}])(?<!Claude )\b((?:Opus|Sonnet|Haiku) \d+(?:\.\d+)?)(?![\p{L}\p{N}])/gu;

// a bare version after a family-named lab's possessive is that family's model ("DeepSeek's V4", "Moonshot's K2")
const OWNED_VERSION = /(?<![\p{L}\p{N}])([A-Z][A-Za-z]{2,14})['’]s ([VKRM]\d+(?:\.\d+)?(?:-(?:Pro|Flash|Lite|Max|Mini|Base|Instruct|Thinking))?)(?![\p{L}\p{N}])/gu;

// a segment of a repository-style name: capitalised, a number, or a usual lowercase variant
const SEGMENT = /^(?:[A-Z0-9][A-Za-z0-9.]*|v\d[\w.]*|o\d|mini|nano|pro|max|preview|instruct|chat|base|it|hf|exp|turbo|lite|flash|thinking|coder|vl|moe|gguf|awq|fp8|int4|int8)$/;
// a section's word after a name is a heading's, not a release's part ("DeepSeek-R1-Evaluation", "Qwen3-Quickstart")
const SECTION_WORD =
  /^(?:Evaluations?|Usage|Introduction|Overview|License|Citation|Downloads?|Quickstart|Results|Benchmarks?|Performance|Architecture|Training|Deployment|Summary|Contact|Acknowledge?ments|Limitations|Requirements|Installation|Setup|Examples?|Demo|Paper|Report|FAQ|Models)$/;
// a release's short lowercase marks after its size ("xLAM-2-70b-fc-r": function calling, a revision): one or two letters
const SHORT_MARK = /^[a-z]{1,2}$/;
// …unless a word goes on after it ("8b-in-house"): then it opens an adjective, not a mark
const WORD_AFTER = /^-[a-z]{3,}(?![\w])/;

// a name whose last part is a quantisation type names one file of weights ("gpt-oss-120b-Q4", "Llama-3-8B-bf16")
const WEIGHTS_FILE = new RegExp(`-${QUANT_TYPE}$`, 'i');
// what follows a name in a file of weights: the rest of its quantisation type, or the file's extension
const WEIGHTS_FILE_TAIL = new RegExp(`^(?:_|\\.${WEIGHTS_EXT}\\b)`, 'i');

/** The maximal hyphen-joined token around a span (letters, digits and inner dots), without a trailing dot. */
function hyphenated(text: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  let b = end;
  while (a > 1 && text[a - 1] === '-' && /[A-Za-z0-9]/.test(text[a - 2]!)) {
    let c = a - 1;
    while (c > 0 && /[A-Za-z0-9.]/.test(text[c - 1]!)) c--;
    if (!SEGMENT.test(text.slice(c, a - 1))) break;
    a = c;
  }
  while (b + 1 < text.length && text[b] === '-' && /[A-Za-z0-9]/.test(text[b + 1]!)) {
    let c = b + 1;
    while (c < text.length && /[A-Za-z0-9.]/.test(text[c]!)) c++;
    // "Qwen3-based", "GPT-4-class": a lowercase word after the hyphen is an adjective, not part of the name (a mark of one or
    // two letters after a size or a version is the release's: "-fc-r")
    const segment = text.slice(b + 1, c).replace(/\.$/, '');
    if (SECTION_WORD.test(segment)) break;
    if (!SEGMENT.test(segment) && !(SHORT_MARK.test(segment) && /\d/.test(text.slice(a, b)) && !WORD_AFTER.test(text.slice(c)))) break;
    b = c;
  }
  while (b > start && text[b - 1] === '.') b--;
  return { start: a, end: b };
}

/** Proposes Model entities for model-shaped names. */
export const proposeModelNames: Proposer = (sentence) => {
  const out: Proposal[] = [];
  const text = sentence.text;
  if (text.includes('Claude') || /\bo[1-9]/.test(text))
    for (const m of text.matchAll(TIERED)) {
      const name = m[1] ?? m[2]!;
      if (m[2] && !MODEL_CUE.test(text) && !/OpenAI/.test(text)) continue;
      out.push({ ...spanOf(sentence, m.index, name.length), name, label: 'Model', confidence: 0.75, props: {}, defined: !!m[1] });
    }
  if (/Claude|Anthropic/.test(text))
    for (const m of text.matchAll(BARE_TIER))
      out.push({ ...spanOf(sentence, m.index, m[1]!.length), name: `Claude ${m[1]}`, label: 'Model', confidence: 0.7, props: { family: 'Claude' }, defined: true });
  // every shape below carries a digit
  if (!/\d/.test(text)) return out;
  if (text.includes("'s ") || text.includes('’s '))
    for (const m of text.matchAll(OWNED_VERSION)) {
      if (!MODEL_FAMILIES.has(m[1]!.toLowerCase())) continue;
      const index = m.index + m[0].length - m[2]!.length;
      out.push({ ...spanOf(sentence, index, m[2]!.length), name: `${m[1]} ${m[2]}`, label: 'Model', confidence: 0.6, props: {} });
    }
  const cued = MODEL_CUE.test(sentence.text);
  // a sentence about models, not a table's row of compared ones
  const prose = cued && !text.includes('|');
  let covered = -1;
  for (const m of sentence.text.matchAll(SHAPE)) {
    // a repository-style name runs on through hyphens ("Llama-3.1-Nemotron-70B-Instruct",
    // "DeepSeek-R1-Distill-Qwen-32B", "Mistral-Small-3.1-24B-Instruct-2503"): take the whole hyphenated token
    const whole = hyphenated(text, m.index, m.index + m[0].trimEnd().length);
    if (whole.start < covered) continue;
    // a weights file, not a model: "X-Q6_K.gguf", "X-bf16.gguf", "X-IQ4_XS"
    if (WEIGHTS_FILE.test(text.slice(whole.start, whole.end)) || WEIGHTS_FILE_TAIL.test(text.slice(whole.end))) continue;
    if (whole.start !== m.index || whole.end !== m.index + m[0].trimEnd().length) {
      const token = text.slice(whole.start, whole.end);
      const first = /^[A-Za-z]+/.exec(token)?.[0] ?? '';
      const sized = SIZED.test(token);
      if (MODEL_FAMILIES.has(first.toLowerCase()) || (cued && sized)) {
        covered = whole.end;
        const parsed = parseModelName(token);
        out.push({
          ...spanOf(sentence, whole.start, token.length),
          name: token,
          label: 'Model',
          confidence: 0.7,
          props: parsed?.family ? { family: parsed.family } : {},
          // a known family's release in prose about models is one by its shape alone, shown even when nothing relates it, and so
          // is any release named with its size ("Sky-T1-32B-Preview")
          defined: prose && (MODEL_FAMILIES.has(first.toLowerCase()) || sized),
        });
        continue;
      }
    }
    const family = m[1]!;
    if (NOT_MODELS.test(family)) continue;
    // "DeepSeek 2026" is a year, not a version
    if (m[4] && /^(19|20)\d\d$/.test(m[5] ?? '')) continue;
    const known = MODEL_FAMILIES.has(family.toLowerCase());
    const attached = m[3] !== undefined && /\d/.test(m[3]);
    // an unknown all-caps family needs a dotted version or a size ("EXAONE-4.0-32B", "EXAONE 4.0"), so "COVID-19" stays out
    const dotted = /\d\.\d/.test(m[3] ?? m[5] ?? '') || /-\d+(?:\.\d+)?B\b/.test(m[6] ?? '');
    const capsFamily = /^[A-Z]{4,}$/.test(family) && dotted;
    if (!known && !(cued && ((attached && /[a-z]/.test(family) && !SOFTWARE.test(family)) || capsFamily))) continue;
    let name = m[0].trim();
    // a size after the version, in prose: "Llama 3.1 70B Instruct" is a member of "Llama 3.1"
    const sized = (m[5] ?? m[3]) && !text.includes('|') ? SPACED_SIZE.exec(text.slice(m.index + name.length)) : null;
    if (sized) name += sized[0];
    const parsed = parseModelName(name);
    out.push({
      ...spanOf(sentence, m.index, name.length),
      name,
      label: 'Model',
      confidence: known ? 0.8 : 0.55,
      defined: prose && (known || SIZED.test(name)),
      props: {
        ...(parsed?.family ? { family: parsed.family } : {}),
        ...(parsed?.version ? { version: parsed.version } : {}),
        ...(parsed?.variant ? { variant: parsed.variant } : {}),
        ...(parsed?.parametersB ? { parametersB: parsed.parametersB } : {}),
      },
    });
  }
  return out;
};
