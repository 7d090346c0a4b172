// Hugging Face style model cards, with or without YAML front matter (a model repository's README):
// the front matter's license, base_model with base_model_relation or quantized/finetune/merge tags,
// language, pipeline_tag and tags, and the body's "Developed by", parameters, context length, release
// date and hardware (label lines and tables: what the model was trained on and what it runs on). The
// body's sentences also go through ordinary extraction.
import { parse as parseYaml } from 'yaml';
import { InvalidInput } from '../../schema/errors.js';
import type { Props } from '../../schema/records.js';
import { parseModelName } from '../resolve/model-version.js';
import { RecordSink, hardwareFacts, lineageFacts, plainName } from '../extract/structured.js';
import {
  OwnModels,
  benchmarkFacts,
  nameKey,
  cardKnowledge,
  comparisonRule,
  outperformsRule,
  madeTogetherRule,
  HUB_LINK,
  hardwareRule,
  copiedFrom,
  publisherFacts,
  platformFacts,
  repositoryIds,
  publisherOf,
  madeByRule,
  madeByMakerRule,
  releaseRule,
  reviewCardRecords,
  linkedModels,
  sizeSiblingFacts,
  teacherRule,
} from '../extract/card.js';
import { knownMention, type Mention } from '../extract/frame.js';
import type { FactOut } from '../extract/extract.js';
import { MODEL_FAMILIES } from '../extract/lexicon.js';
import { LEGAL_FORMS } from '../extract/proposals/proposal.js';
import { decodeBody } from './decode.js';
import type { ParsedDocument, RawInput, Source, ParseContext } from './source.js';

// front matter opens the file, after blank lines at most
const FRONT_MATTER = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const CARD_KEYS = /^(?:base_model|pipeline_tag|license|library_name|model-index|model_name|datasets|tags|language)\s*:/m;

// What marks a model card's body, each read off its structure: headings model cards share, labelled
// fields, benchmark tables, loading code and hub links. Prose words alone never count.
const CARD_HEADING =
  /^\s{0,3}#{1,6}\s*(?:\d+\.\s*)?(?:Model (?:Details|Description|Summary|Information|Overview|Architecture|Card|Specs?|Sources|Introduction)|Training(?: Details| Data| Procedure| Hardware)?|Evaluation(?: Results)?|Benchmarks?(?: Results)?|Intended Uses?|Out-of-Scope Use|(?:Bias, Risks,? and )?Limitations|Hardware(?: and Software| Requirements)?|Quantization|Prompt (?:Format|Template)|Environmental Impact|.{0,60}\b(?:Language|Foundation|Reasoning|Embedding|Instruct|Chat|our) Models?\b)/gim;
// headings any software README has: they count once, and never alone
const README_HEADING = /^\s{0,3}#{1,6}\s*(?:\d+\.\s*)?(?:Uses|Usage|How to (?:Get Started|Use)|Quick ?start|Citation|Deployment|Inference|Performance|Highlights|License)\b/im;
const CARD_FIELD =
  /^[\s*|+-]*(?:\*\*|__)?(?:Developed by|Model developer|Model creator|Model type|Model Architecture|Number of Parameters|Parameters|Context Length|Training Hardware|Hardware Type|GPU hours|Release Date|Model Release Date|Finetuned from|Base model|Original model|Model dates|Language\(s\))(?:\*\*|__)?\s*[:|]/gim;
const BENCHMARK_ROW = /^\s*\|.*\b(?:MMLU|GSM8K|HumanEval|MATH-?500|GPQA|ARC-[CE]|HellaSwag|BBH|IFEval|LiveCodeBench|AIME|MBPP|TruthfulQA|Winogrande|C-Eval|CMMLU|MT-Bench|AlpacaEval)\b.*\|/m;
const LOADING_CODE = /\b(?:from transformers import|AutoModelFor\w+|AutoTokenizer|huggingface-cli|vllm serve|llama-cli|llama\.cpp|ollama run|lms get)\b/;

/** How strongly a text reads as a model card's body (its front matter aside), from its structure. */
export function modelCardScore(text: string): number {
  const headings = new Set([...text.matchAll(CARD_HEADING)].map((m) => m[0].replace(/^[\s#\d.]+/, '').toLowerCase()));
  const fields = new Set([...text.matchAll(CARD_FIELD)].map((m) => m[0].replace(/[\s*|+:_-]/g, '').toLowerCase()));
  const specific = Math.min(headings.size, 3) + Math.min(fields.size, 3) + (BENCHMARK_ROW.test(text) ? 1 : 0);
  return specific === 0 ? 0 : specific + (README_HEADING.test(text) ? 1 : 0) + (LOADING_CODE.test(text) ? 1 : 0);
}

/** Whether an input is a model card: a model hub URL, card front matter, or a Markdown body that reads as one. */
export function looksLikeModelCard(text: string, url: string): boolean {
  if (/huggingface\.co\/[^/]+\/[^/]+/.test(url)) return true;
  const fm = FRONT_MATTER.exec(text);
  if (fm && CARD_KEYS.test(fm[1]!)) return true;
  // Markdown at all: headings or tables
  if (!/^\s{0,3}#{1,6}\s|^\s*\|.*\|\s*$/m.test(text)) return false;
  return modelCardScore(text) >= 3;
}
const RELATION_TAGS: [RegExp, string][] = [
  [/quantiz|gguf|awq|gptq|exl2|mlx|bnb|4-?bit|8-?bit/i, 'quantized'],
  [/merge/i, 'merge'],
  [/lora|adapter|peft/i, 'adapter'],
  [/distill/i, 'distillation'],
  [/fine-?tun|sft|instruct/i, 'finetune'],
];
const RELATION_NAMES: Record<string, string> = { quantized: 'quantized', finetune: 'finetune', merge: 'merge', adapter: 'adapter', distillation: 'distillation' };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** A legal form on its own, split off the name before it ("Meta Platforms, Inc."). */
const LEGAL_FORM_ONLY = new RegExp(`^${LEGAL_FORMS}\\.?$`, 'i');

/** The value written after a label in the body ("- **Developed by:** Zhipu AI"). */
function field(body: string, labels: string): { value: string; line: string } | null {
  const re = new RegExp(`^[\\s*|-]*(?:\\*\\*)?(?:${labels})(?:\\*\\*)?\\s*[:|]\\s*(?:\\*\\*)?\\s*([^\\n|]+)`, 'im');
  const m = re.exec(body);
  if (!m) return null;
  const value = m[1]!
    .replace(/\*\*|__|\[|\]\([^)]*\)|`/g, '')
    .replace(/\]/g, '')
    .trim();
  return value ? { value, line: m[0].trim() } : null;
}

/** The body with its fenced code blocks blanked out (their lines kept, empty). */
function outsideCode(body: string): string {
  return body.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, (m) => m.replace(/[^\n]/g, ''));
}

/** The Hugging Face model repository a passage links to most often (spaces, datasets and files' folders aside), by its name. */
function mostLinkedRepository(passage: string): string | undefined {
  const counts = new Map<string, number>();
  for (const m of passage.matchAll(HUB_LINK)) counts.set(m[2]!, (counts.get(m[2]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function modelNameOf(url: string, meta: Record<string, unknown>, body: string): string {
  const hf = /huggingface\.co\/([^/]+)\/([^/?#]+)/.exec(url);
  if (hf) return decodeURIComponent(hf[2]!);
  if (typeof meta.model_name === 'string') return meta.model_name;
  const index = Array.isArray(meta['model-index']) ? (meta['model-index'][0] as { name?: unknown } | undefined)?.name : undefined;
  if (typeof index === 'string') return index;
  // a heading inside a code block ("# Your tool implementation") is a comment, not the card's title; a repository README
  // written in HTML titles itself with an HTML heading before any markdown one ("<div align="center"><h1>Baichuan 2</h1>")
  const firstMarkdownHeading = outsideCode(body).search(/^#\s/m);
  const htmlTitle = /<h1\b[^>]*>\s*([^<]{1,80}?)\s*<\/h1>/i.exec(firstMarkdownHeading < 0 ? body : body.slice(0, firstMarkdownHeading))?.[1];
  const h1 = (htmlTitle ? [htmlTitle, htmlTitle] : /^#\s+(.+)$/m.exec(outsideCode(body)))?.[1]
    ?.replace(/<[^>]*>|[*_`]/g, '')
    .replace(/\p{Extended_Pictographic}|\uFE0F/gu, '')
    .replace(/\s+(?:model card|readme|(?:GGUF )?quanti[sz]ations?)\s*$/i, '')
    // the hub's card template titles a card "Model Card for <model id>"
    .replace(/^(?:model card|card)\s+(?:for|of)\s+/i, '')
    .trim();
  // a title that reads as a name (a version, a repository id, a hyphenated name), not as a sentence
  const readsAsName = (t: string | undefined): boolean => !!t && t.length <= 80 && (/^\S+$/.test(t) || (t.split(/\s+/).length <= 5 && /[\d/]/.test(t)));
  // "Name: what it is" or "Name — a tagline": the name (with a version) before the tagline; not "Name - GGUF", where
  // what follows the dash is the copy's format and part of its name
  const [head = '', tail = ''] = (h1 ?? '').split(/:\s|\s[-–—|]\s/).map((part) => part.trim());
  if (head !== h1 && /\d/.test(head) && readsAsName(head) && !cardKnowledge().copyMark.test(tail)) return head;
  if (h1 && readsAsName(h1)) return h1;
  // "We present DeepSeek-V3, a strong Mixture-of-Experts ..." names the model
  const presented = /\bWe (?:present|introduce|release|are releasing) \**([A-Z][\w.-]*\d[\w.-]*)/.exec(body)?.[1];
  if (presented) return presented.replace(/[.,]$/, '');
  // "Zephyr 3.1 is an instruction-tuned language model …": the card's subject, a name with a version
  const subject =
    /(?:^|\n|[.:][*_]*\s+)[*_]*(?:The )?([A-Z][\w-]*(?: [A-Z0-9][\w.-]*)?[ -]\d[\w.-]*|[A-Z][\w-]*\d[\w.-]*|[A-Z][\w-]* [A-Z]{1,2}\d[\w.-]*) (?:is|are) (?:an?|the) [\w\s(),-]{0,60}?\b(?:model|LLM)s?\b/.exec(
      outsideCode(body),
    )?.[1];
  if (subject) return subject;
  // "Granite 3.1 language models are …": a family release the card presents, its name and version
  const family = /(?:^|\n)[*_]*([A-Z][\w-]* \d+(?:\.\d+)*) (?:(?:language|foundation|reasoning|chat|base|instruct) )?models (?:are|is) /.exec(outsideCode(body))?.[1];
  if (family) return family;
  // a card that opens on links rather than a title (a repository README in HTML): the model repository its header links to
  const firstHeading = body.search(/^#{1,3}\s/m);
  const linked = mostLinkedRepository(body.slice(0, firstHeading < 0 ? body.length : firstHeading).replace(/^.*\b(?:[Oo]riginal|[Bb]ase|[Cc]reator|[Qq]uanti[sz]).*$/gm, ''));
  if (linked) return linked;
  return savedName(url) ?? url;
}

/** The model a saved card's file (or its repository's folder) is named after: "modelcard-foo-7b.md" is "foo-7b". */
function savedName(url: string): string | undefined {
  return (
    url
      .split(/[\\/]/)
      .filter((p) => p && !/^readme(\.md)?$/i.test(p))
      .pop()
      ?.replace(/\.md$/i, '')
      // a saved card's file name says what it is before the model's name: "modelcard-foo-7b.md"
      .replace(/^(?:model-?card|readme)[-_ ]+(?=.)/i, '') || undefined
  );
}

/**
 * Another name of a card read from a file rather than the hub: the repository-style name its file is saved under, when the
 * title gives a display name of the same model ("OLMo 2 13B" in "modelcard-olmo-2-1124-13b.md"): same first word, a version.
 */
function savedAlias(url: string, name: string): string | undefined {
  if (/huggingface\.co\//.test(url)) return undefined;
  const saved = savedName(url);
  const first = (s: string) => /^[a-z]+/i.exec(s)?.[0]?.toLowerCase();
  if (!saved || !/\d/.test(saved) || nameKey(saved) === nameKey(name) || first(saved) !== first(name)) return undefined;
  return saved;
}

/** Parses a model card into a document with its structured facts. */
export function parseModelCard(markdown: string, url: string, ctx: ParseContext): ParsedDocument {
  const fm = FRONT_MATTER.exec(markdown);
  let meta: Record<string, unknown> = {};
  if (fm) {
    try {
      const parsed: unknown = parseYaml(fm[1]!);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    } catch (err) {
      throw new InvalidInput(`model card ${url}: front matter is not valid YAML (${(err as Error).message.split('\n')[0]})`);
    }
  }
  const body = fm ? markdown.slice(fm[0].length) : markdown;
  const sink = new RecordSink(ctx.gazetteer, url, 'model-card');
  const name = modelNameOf(url, meta, body);
  const tags = strings(meta.tags);
  const parsedName = parseModelName(name);
  const props: Props = { openWeights: true };
  const license = typeof meta.license === 'string' ? meta.license : undefined;
  if (license) props.license = license === 'other' && typeof meta.license_name === 'string' ? meta.license_name : license;
  const languages = strings(meta.language);
  if (languages.length) props.languages = languages;
  if (typeof meta.pipeline_tag === 'string') props.modality = meta.pipeline_tag;
  if (tags.length) props.tags = tags;
  if (parsedName?.family) props.family = parsedName.family;
  if (parsedName?.version) props.version = parsedName.version;
  if (parsedName?.variant) props.variant = parsedName.variant;
  if (parsedName?.parametersB) props.parametersB = parsedName.parametersB;

  const params = field(body, 'Number of Parameters|Parameters|Model size|Total Parameters|Params');
  const paramsB = params && /(\d+(?:\.\d+)?)\s*([BMT])\b/i.exec(params.value);
  if (paramsB) props.parametersB = Number(paramsB[1]) * (paramsB[2]!.toUpperCase() === 'T' ? 1000 : paramsB[2]!.toUpperCase() === 'M' ? 0.001 : 1);
  const context = field(body, 'Context Length|Context length|Context Window|Context window|Max(?:imum)? context(?: length)?');
  const ctxTokens = context && /(\d[\d,]*)\s*(k|K)?/.exec(context.value);
  if (ctxTokens) props.contextTokens = Number(ctxTokens[1]!.replace(/,/g, '')) * (ctxTokens[2] ? 1024 : 1);
  const release = field(body, 'Release Date|Release date|Released|Date');
  const releaseIso = release && /\d{4}-\d{2}(?:-\d{2})?/.exec(release.value)?.[0];
  if (releaseIso) props.releaseDate = releaseIso.length === 7 ? `${releaseIso}-01` : releaseIso;

  const alias = savedAlias(url, name);
  const model = sink.entity(name, 'Model', { labels: ['Model'], props, ...(alias ? { aliases: [alias] } : {}) });
  const frontQuote = fm ? fm[0].trim() : name;

  // base_model -> DERIVED_FROM, with the relation named in the card or implied by its tags
  const relation =
    (typeof meta.base_model_relation === 'string' ? RELATION_NAMES[meta.base_model_relation] : undefined) ??
    RELATION_TAGS.find(([re]) => tags.some((t) => re.test(t)) || re.test(name))?.[1] ??
    'other';
  for (const base of strings(meta.base_model)) {
    const baseName = base.split('/').pop()!;
    const baseModel = sink.entity(baseName, 'Model', { labels: ['Model'], props: { openWeights: true }, aliases: base.includes('/') ? [base] : [] });
    sink.fact('DERIVED_FROM', model, baseModel, frontQuote, { props: { relation }, confidence: 0.95 });
  }

  // A converted copy (GGUF, AWQ …) of another's model: "Model creator" made the original, not the copy.
  // The copy is the creator's own only when its publisher (quantized_by, the repository's owner, "…
  // quantization: provided by") is the creator too.
  const knowledge = cardKnowledge();
  const isCopy = meta.base_model_relation === 'quantized' || knowledge.copyMark.test(name) || tags.some((t) => knowledge.copyMark.test(t));
  const original = field(body, 'Original model|Original Model');
  const copied = isCopy ? copiedFrom(body) : null;
  // a single base model of the card's own family is the original a copy was made from
  const sameFamily = (a: string, b: string) => nameKey(a).split(' ')[0] === nameKey(b).split(' ')[0];
  const bases = strings(meta.base_model);
  const originalName = original ? plainName(original.value) : copied ? copied.name : bases.length === 1 && sameFamily(bases[0]!, name) ? bases[0]! : undefined;
  // "This is a quantized version of X": the copy's base, when the front matter names none
  if (copied && !strings(meta.base_model).some((b) => nameKey(b) === nameKey(copied.name))) {
    const base = sink.entity(copied.name.split('/').pop()!, 'Model', { labels: ['Model'], aliases: copied.name.includes('/') ? [copied.name] : [] });
    sink.fact('DERIVED_FROM', model, base, copied.line, { props: { relation: 'quantized' }, confidence: 0.9 });
  }
  const copyPublisher =
    (typeof meta.quantized_by === 'string' ? meta.quantized_by : undefined) ??
    field(body, '(?:GGUF )?quantization|Quantized by|Quantised by')
      ?.value.replace(/^provided by\s+/i, '')
      .split(/\s/)[0] ??
    /^([\w.-]+)\/[\w.-]+$/.exec(name)?.[1] ??
    /huggingface\.co\/([^/]+)\/[^/?#]+/.exec(url)?.[1];
  const developer = field(body, 'Developed by|Model developer|Developer|Model Developer|Model creator|Organization|Created by');
  if (developer) {
    // the name without its link and markup: "[deepseek-ai](https://…)<br>" is "deepseek-ai"
    // every developer the field lists ("Fraunhofer, Forschungszentrum Jülich, TU Dresden and DFKI"), without what a parenthesis
    // adds, a legal form split off its name ("Meta Platforms, Inc.") or a web address (where a developer is, not its name)
    const devNames = developer.value
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]*>|\*\*|__|`/g, '')
      .replace(/\([^)]*\)/g, ' ')
      // who helped is no developer: "A and B with generous support from C", "A, in partnership with B"
      .replace(
        /\s*(?:,\s*)?\b(?:with(?: the)?(?: generous| kind)? support (?:from|of)|(?:thanks|grateful) to|supported by|sponsored by|funded by|in (?:partnership|collaboration|cooperation) with)\b.*$/i,
        '',
      )
      .split(/\s*(?:[,;&]|\band\b)\s*/)
      .map((n) => n.trim().replace(/^(?:https?:\/\/|www\.)\S*$/i, ''))
      .filter((n) => n && !LEGAL_FORM_ONLY.test(n))
      .slice(0, 8);
    const developerOf = (devName: string) => {
      const known = publisherOf(devName, ctx.gazetteer);
      return known ? sink.entity(known.name, known.label, { labels: [known.label] }) : sink.entity(devName, 'Lab', { labels: ['Lab', 'Organization'] });
    };
    const devs = devNames.map(developerOf);
    const dev = devs[0] ?? null;
    // only "Model creator" (the label copies use for the original's maker) moves to the original;
    // "Developed by" states the card's own model's developer
    const creatorOnly = /creator/i.test(developer.line.split(/[:|]/)[0]!);
    const made = isCopy && creatorOnly && originalName ? sink.entity(originalName.split('/').pop()!, 'Model', { labels: ['Model'], aliases: originalName.includes('/') ? [originalName] : [] }) : null;
    if (made) sink.fact('DEVELOPED_BY', made, dev, developer.line, { confidence: 0.9 });
    const publisher = copyPublisher ? publisherOf(copyPublisher, ctx.gazetteer) : null;
    if (!made || (publisher && dev && publisher.id === dev.id)) for (const d of made ? [dev] : devs) sink.fact('DEVELOPED_BY', model, d, developer.line, { confidence: 0.9 });
  }
  // the publisher of an official copy: "quantized_by: <the developer's namespace>"
  const quantizer = typeof meta.quantized_by === 'string' ? publisherOf(meta.quantized_by, ctx.gazetteer) : null;
  if (quantizer) {
    const line = markdown
      .split('\n')
      .find((l) => /^quantized_by\s*:/.test(l))
      ?.trim();
    sink.fact('DEVELOPED_BY', model, sink.entity(quantizer.name, quantizer.label, { labels: [quantizer.label] }), line, { confidence: 0.8 });
  }
  // the publishing namespace ("deepseek-ai/…", "mistralai/…") is the developer when the graph knows it
  const namespace = /huggingface\.co\/([^/]+)\/[^/?#]+/.exec(url)?.[1];
  if (!developer && !quantizer) {
    const r = namespace ? publisherOf(namespace, ctx.gazetteer) : null;
    const known = r ? ctx.gazetteer.get(r.id) : undefined;
    // else the model family's usual developer, for an original release (no base model, no copy)
    const familyDev = !known && !meta.base_model && !isCopy && parsedName ? MODEL_FAMILIES.get(parsedName.family.toLowerCase()) : undefined;
    const dev = known ?? (familyDev ? ctx.gazetteer.get(familyDev) : undefined);
    if (dev) sink.fact('DEVELOPED_BY', model, sink.entity(dev.entity.name, dev.entity.label, { labels: [dev.entity.label] }), undefined, { confidence: known ? 0.7 : 0.6 });
  }
  // the models the card is about: its own, its original and base models
  // (a base model of another family — a student model, a foundation — is no model of the card's)
  const own = new OwnModels([name, ...(alias ? [alias] : []), ...(originalName ? [originalName] : []), ...bases.filter((b) => sameFamily(b, name))]);
  // the repositories the card links or loads as models: a link to a file inside one (its licence) names no release
  own.released = new Set(repositoryIds(markdown.replace(/\b(?:huggingface\.co|hf\.co)\/[\w.-]+\/[\w.-]+\/(?:resolve|blob|raw|tree)\/\S*/g, ' ')).map((r) => nameKey(r.name)));
  own.linked = linkedModels(sink, body);
  publisherFacts(sink, model, name, own, markdown, ctx.gazetteer);
  benchmarkFacts(sink, model, own, body, ctx.gazetteer, alias ? [alias] : []);
  // the publisher its structure names for its own models: "we" in its prose
  const made = sink.records.find((r): r is FactOut => r.kind === 'fact' && r.rel === 'DEVELOPED_BY' && own.isOwn(r.subject.name));
  platformFacts(sink, model, own, body, made?.object ?? null);
  sizeSiblingFacts(sink, originalName ?? name, body, made?.object ?? null);
  hardwareFacts(sink, model, body, ctx.gazetteer);
  lineageFacts(sink, model, body);
  // sentences come from the prose: markup, image and link targets and code blocks would only add noise
  const prose = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    // emphasis inside a name ("Corvid **7B**") would cut it in two
    .replace(/(\S) \*\*([^*\n]{1,12})\*\*(?=[\s.,;:])/g, '$1 $2');
  const structured = sink.records;
  const cardModel: Mention | null = model ? knownMention({ label: 'Model', name: model.name, id: model.id }, 0.8) : null;
  const datasets = strings(meta.datasets);
  // a copy's prose is about the original: the model it was made from ("This is the X model in GGUF format")
  const originalEntity = isCopy && originalName ? sink.records.find((r) => r.kind === 'entity' && r.type === 'Model' && r.id && nameKey(r.name) === nameKey(originalName)) : undefined;
  const originalMention: Mention | null = originalEntity?.kind === 'entity' && originalEntity.id ? knownMention({ label: 'Model', name: originalEntity.name, id: originalEntity.id }, 0.8) : null;
  const publisherMention: Mention | null = made ? knownMention({ label: made.object.type, name: made.object.name, id: made.object.id }, 0.8) : null;
  return {
    url,
    kind: 'model-card',
    title: name,
    text: prose,
    hashText: markdown,
    records: structured,
    extraRules: [
      comparisonRule(cardModel, own),
      outperformsRule(originalMention ?? cardModel, own),
      madeTogetherRule(originalMention ?? cardModel, own),
      hardwareRule(originalMention ?? cardModel, own),
      releaseRule(publisherMention, own),
      teacherRule(originalMention ?? cardModel),
      madeByRule(originalMention ?? cardModel),
      madeByMakerRule(originalMention ?? cardModel, own),
    ],
    review: (records) => reviewCardRecords(records, structured, own, datasets, prose, ctx.gazetteer),
    // the card's model is found in its prose however its name is shaped ("A.X 4.0"), by any of its names
    ...(model ? { names: [{ id: model.id, label: 'Model' as const, name: model.name, aliases: alias ? [alias] : [], props: {} }] } : {}),
    // the card's sibling releases ("X-8B-Instruct" in an X-2B card) are its entities though its prose only lists them;
    // a name a table cell cuts short ("X-Mini-128K-In") is none
    vouches: (e) => e.type === 'Model' && own.isOwn(e.name) && own.match(e.name) !== 'short' && !knowledge.sectionWords.has(nameKey(e.name).split(' ').pop()!),
    ...(releaseIso ? { publishedAt: props.releaseDate as string } : {}),
  };
}

export const modelCardSource: Source = {
  kind: 'model-card',
  accepts: (input: RawInput) => looksLikeModelCard(decodeBody(input.body, input.contentType).slice(0, 20000), input.url),
  async parse(input, ctx) {
    return { documents: [parseModelCard(decodeBody(input.body, input.contentType), input.url, ctx)], items: [] };
  },
};
