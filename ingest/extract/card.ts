// What a model card states by its structure beyond labelled fields: the models its benchmark tables
// set beside its own (COMPETES_WITH), the repository ids that name who publishes its own models
// (DEVELOPED_BY), and the models its prose compares its own with. Which models are the card's own is
// read from the card (its name, its base and original model): a name that starts like one of them
// ("Kimi K2 Instruct" in a Kimi K2 card). The knowledge it leans on (hub namespaces and the labs
// behind them, converters that publish copies, table headings, comparison phrases) is data:
// data/model-cards.yaml, checked against the lexicon when loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { RELATION_ENDPOINTS, type Label } from '../../schema/generated/model.js';
import { InvalidInput } from '../../schema/errors.js';
import type { EndpointOut, ExtractedRecord } from './extract.js';
import { EXTRACTOR_VERSION } from './version.js';
import { isPlaceholder } from './mentions.js';
import { escapeRegExp } from './regex.js';
import { E, LIST, allowed, between, listIndices, markerAt, type Endpoint, type FactDraft, type Frame, type Mention, type RelationRule } from './frame.js';
import type { Gazetteer } from './gazetteer.js';
import { QUANT_TYPE, WEIGHTS_EXT } from './proposals/proposal.js';
import { LEXICON, LEXICON_DIR, MODEL_FAMILIES } from './lexicon.js';
import { FINE_TUNING, HEADING, type RecordSink } from './structured.js';
import { resolveName } from '../resolve/resolver.js';

// ---------------------------------------------------------------------------------------------
// data

export interface CardKnowledge {
  /** hub namespace (lower case) → id of the lab or organisation publishing under it */
  publishers: ReadonlyMap<string, string>;
  /** namespaces (lower case) that publish converted copies of others' models */
  converters: ReadonlySet<string>;
  /** a converted copy's marks in a name or tag (GGUF, AWQ …) */
  copyMark: RegExp;
  /** first words of a table cell that heads a row or column without naming a model */
  tableHeadings: ReadonlySet<string>;
  sectionWords: ReadonlySet<string>;
  /** phrases stating who made a model */
  makers: RegExp;
  /** phrases opening the list of models a card compares its own with */
  comparisons: RegExp;
  /** verbs and phrases setting a card's model beside others' ("outperforms", "on par with") */
  outperforms: RegExp;
}

const CARD_FILE = 'model-cards.yaml';
const words = z.array(z.string().min(1)).min(1);
const fileShape = z.strictObject({
  publishers: z.array(z.unknown()).min(1),
  converters: words,
  copyMarks: words,
  tableHeadings: words,
  sectionWords: words,
  makers: words,
  comparisons: words,
  outperforms: words,
});
const publisherRow = z.strictObject({ namespace: z.string().regex(/^[A-Za-z0-9][\w.-]*$/, 'expected a hub namespace such as deepseek-ai'), id: z.string().min(1) });

const phrases = (list: readonly string[]) => new RegExp(`\\b(?:${list.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** Loads and checks data/model-cards.yaml; every problem is reported as `file:line: entry: message`. */
export function loadCardKnowledge(dir: string = LEXICON_DIR): CardKnowledge {
  const file = CARD_FILE;
  const counter = new LineCounter();
  let source: string;
  try {
    source = readFileSync(join(dir, file), 'utf8');
  } catch (err) {
    throw new InvalidInput(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const problems: string[] = doc.errors.map((e) => `${file}:${counter.linePos(e.pos[0]).line}: (yaml): ${e.message.split('\n')[0]!}`);
  if (problems.length) throw new InvalidInput(problems.join('\n'));
  const parsed = fileShape.safeParse(doc.toJS());
  if (!parsed.success) throw new InvalidInput(parsed.error.issues.map((i) => `${file}:1: (file): ${i.path.join('.')}: ${i.message}`).join('\n'));
  const lines: number[] = [];
  if (isMap(doc.contents))
    for (const pair of doc.contents.items)
      if ((pair.key as { value?: unknown }).value === 'publishers' && isSeq(pair.value)) for (const item of pair.value.items) lines.push(counter.linePos((item as Node).range?.[0] ?? 0).line);
  const labelOf = new Map(LEXICON.map((e) => [e.id, e.label] as const));
  const makers = RELATION_ENDPOINTS.DEVELOPED_BY.to as readonly Label[];
  const publishers = new Map<string, string>();
  parsed.data.publishers.forEach((raw, i) => {
    const line = lines[i] ?? 1;
    const row = publisherRow.safeParse(raw);
    if (!row.success) {
      for (const issue of row.error.issues) problems.push(`${file}:${line}: publishers.${i}: ${issue.path.join('.') || '(item)'}: ${issue.message}`);
      return;
    }
    const { namespace, id } = row.data;
    const label = labelOf.get(id);
    if (!label) problems.push(`${file}:${line}: ${namespace}: id: "${id}" is no entity of the lexicon`);
    else if (!makers.includes(label)) problems.push(`${file}:${line}: ${namespace}: id: a ${label} cannot be the object of DEVELOPED_BY`);
    const key = namespace.toLowerCase();
    if (publishers.has(key) && publishers.get(key) !== id) problems.push(`${file}:${line}: ${namespace}: namespace: already stands for ${publishers.get(key)!}`);
    publishers.set(key, id);
  });
  const converters = new Set(parsed.data.converters.map((c) => c.toLowerCase()));
  for (const c of converters) if (publishers.has(c)) problems.push(`${file}: ${c}: a namespace is either a publisher or a converter, not both`);
  if (problems.length) throw new InvalidInput(problems.join('\n'));
  return {
    publishers,
    converters,
    copyMark: new RegExp(`(?:^|[^a-z0-9])(?:${parsed.data.copyMarks.map(escapeRegExp).join('|')})(?:$|[^a-z0-9])`, 'i'),
    tableHeadings: new Set(parsed.data.tableHeadings.map((w) => w.toLowerCase())),
    sectionWords: new Set(parsed.data.sectionWords.map((w) => w.toLowerCase())),
    makers: phrases(parsed.data.makers),
    comparisons: phrases(parsed.data.comparisons),
    outperforms: phrases(parsed.data.outperforms),
  };
}

let knowledge: CardKnowledge | undefined;
/** The checked card knowledge, loaded once. */
export function cardKnowledge(): CardKnowledge {
  return (knowledge ??= loadCardKnowledge());
}

// ---------------------------------------------------------------------------------------------
// names

/** A model name as cards are compared: lower case, words of letters, digits and inner dots, no owner. */
export function nameKey(name: string): string {
  return name
    .replace(/^[\w.-]+\//, '')
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean)
    .join(' ');
}

/** The models a card is about: its own name, its base and original models; and how to tell a model of theirs. */
export class OwnModels {
  private readonly keys: string[];
  private readonly stems: string[];
  /** the names (as `nameKey` gives them) of the model repositories the card links or loads: releases, not series */
  released: ReadonlySet<string> = new Set();
  /** other releases of the card's publisher the card links (`nameKey`s): repositories under the namespace of its own models or of its developer */
  readonly alongside = new Set<string>();
  /** the models the card links under their own names (`nameKey`s): entities of the card though its prose says nothing more of them */
  linked: ReadonlySet<string> = new Set();

  constructor(names: readonly string[]) {
    // "Qwen2-7B-Instruct-GGUF" is about "Qwen2-7B-Instruct": the copy's marks are no part of the model
    const { copyMark } = cardKnowledge();
    const keys = names.map((n) => {
      const w = nameKey(n).split(' ');
      const mark = w.findIndex((x) => copyMark.test(x));
      return (mark > 0 ? w.slice(0, mark) : w).join(' ');
    });
    this.keys = [...new Set(keys.filter((k) => k.length > 1))];
    // the stem: family and version ("kimi k2", "deepseek r1", "qwen2 7b"), never a family alone
    this.stems = [...new Set(this.keys.map((k) => k.split(' ').slice(0, 2).join(' ')).filter((s) => s.includes(' ')))];
  }

  /** Whether a name is one of the card's models or a sibling of theirs (same family and version). */
  isOwn(name: string): boolean {
    const k = nameKey(name);
    return this.stems.some((s) => k === s || k.startsWith(`${s} `));
  }

  /** Whether a name is the family and version the card's models belong to ("Qwen2" in a Qwen2-7B-Instruct card). */
  isOwnFamily(name: string): boolean {
    const k = nameKey(name);
    return /\d/.test(k) && this.keys.some((o) => o.startsWith(`${k} `));
  }

  /** Whether a name is one of the card's models, a sibling, or their family and version: a model the card speaks of as its own. */
  isOwnOrFamily(name: string): boolean {
    return this.isOwn(name) || this.isOwnFamily(name);
  }

  /** Whether a name is a sibling release of the card's models: their family and version, another size or variant. */
  isSibling(name: string): boolean {
    return /\d/.test(this.stems.join(' ')) && this.stems.some((s) => /\d/.test(s) && nameKey(name).startsWith(`${s} `));
  }

  /** The card's family and variant ("Corvid Deep" of "Corvid-Deep-7B") written at the start of a text, as written; null when it is not. */
  familyIn(text: string): string | null {
    for (const stem of this.stems) {
      if (/\d/.test(stem)) continue;
      const m = new RegExp(`^\\s*(?:the |our )?(${stem.split(' ').map(escapeRegExp).join('[\\s-]')})(?![\\w.-]|\\s+\\d)`, 'i').exec(text);
      if (m) return m[1]!;
    }
    return null;
  }

  /** How a table cell names one of the card's models: exactly, cut short ("Phi-3-Mini-128K-In"), or a variant of it ("Kimi K2 Instruct"). */
  match(name: string): 'exact' | 'short' | 'variant' | null {
    const k = nameKey(name);
    if (!k) return null;
    if (this.keys.includes(k)) return 'exact';
    if (k.split(' ').length >= 3 && this.keys.some((o) => o.startsWith(k))) return 'short';
    // the name without its publisher's word before it ("Hunyuan-Large" in a "Tencent-Hunyuan-Large" card)
    if (k.split(' ').length >= 2 && this.keys.some((o) => o.endsWith(` ${k}`) && o.split(' ').length === k.split(' ').length + 1)) return 'short';
    if (this.keys.some((o) => k.startsWith(`${o} `))) return 'variant';
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// tables

/** A cell of a card's table: its text without markup and the exact source it was read from. */
export interface Cell {
  text: string;
  quote: string;
}

export interface CardTable {
  header: Cell[];
  rows: Cell[][];
}

const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const FENCE = /^\s*(```|~~~)/;

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A cell's text: tags and Markdown gone, line breaks (`<br>`) kept as newlines. */
function cellText(raw: string): string {
  // most cells are plain numbers or words: nothing to strip
  if (!/[<&[*_`\n]|[^\x00-\x7F]/.test(raw)) return raw.replace(/\s+/g, ' ').trim();
  return raw
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\p{Extended_Pictographic}|\uFE0F/gu, '')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The tables of a card's body, Markdown and HTML, outside code blocks. */
export function cardTables(body: string): CardTable[] {
  const tables: CardTable[] = [];
  const lines = body.split('\n').map((l) => l.replace(/\r$/, ''));
  let fenced = false;
  let current: CardTable | null = null;
  lines.forEach((line, i) => {
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced || !/^\s*\|/.test(line)) {
      current = null;
      return;
    }
    if (TABLE_RULE.test(line)) return;
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => ({ text: cellText(c), quote: line.trim() }));
    if (TABLE_RULE.test(lines[i + 1] ?? '')) {
      current = { header: cells, rows: [] };
      tables.push(current);
    } else if (current) current.rows.push(cells);
  });
  const html = body.replace(/```[\s\S]*?```/g, (m) => ' '.repeat(m.length));
  for (const t of html.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    const rows = [...t[0].replace(/<!--[\s\S]*?-->/g, '').matchAll(/<tr\b[\s\S]*?<\/tr>/gi)].map((r) =>
      [...r[0].matchAll(/<(t[hd])\b[^>]*>([\s\S]*?)<\/\1>/gi)].map((c) => ({ text: cellText(c[2]!), quote: c[0], head: c[1]!.toLowerCase() === 'th' })),
    );
    const headerAt = rows.findIndex((r) => r.length > 1 && r.every((c) => c.head));
    if (headerAt < 0) continue;
    tables.push({ header: rows[headerAt]!, rows: rows.slice(headerAt + 1).filter((r) => r.length > 1) });
  }
  return tables;
}

const WEIGHTS_FILE_NAME = new RegExp(`\\.${WEIGHTS_EXT}$`, 'i');
const QUANT_ONLY = new RegExp(`^${QUANT_TYPE}$`, 'i');

// a score: "71.5", ".563" (a leading zero dropped), "45%", "62.1 ± 0.4", marked "*" or "†"
const NUMERIC = /^[-+~]?(?:\d+(?:[.,]\d+)?|[.,]\d+)\s*%?(?:\s*±\s*\d+(?:[.,]\d+)?)?\s*[*†‡]*$/;
const isNumeric = (c: Cell | undefined) => !!c && NUMERIC.test(c.text.replace(/\s*\n.*$/s, '').trim());

/** The model a table cell names, or null: the first line (with a size the next line adds), without a parenthesised remark. */
function modelInCell(cell: Cell | undefined, gazetteer: Gazetteer, headings: ReadonlySet<string>, own: OwnModels): string | null {
  if (!cell) return null;
  const [first = '', second = ''] = cell.text.split('\n');
  let name = !/\d/.test(first) && /^\d+(?:\.\d+)?[BbMm]$|^\d+x\d+[Bb]$/.test(second) ? `${first} ${second}` : first;
  name = name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/[*†‡]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length < 2 || name.length > 60 || !/^[A-Za-z]/.test(name) || name.split(' ').length > 6) return null;
  if (WEIGHTS_FILE_NAME.test(name) || /[=:;,]/.test(name)) return null;
  // a quantisation type ("Q4_K_M", "IQ3_XS", "BF16", "INT8") is a format, not a model
  if (QUANT_ONLY.test(name)) return null;
  if (headings.has(name.split(/[\s-]/)[0]!.toLowerCase())) return null;
  const known = resolveName(gazetteer, name, 'Model', { labels: ['Model'] }).status === 'known';
  const family = MODEL_FAMILIES.has(name.split(/[\s-]/)[0]!.toLowerCase().replace(/\d.*$/, ''));
  // the card's own model by any of its names ("A.X 4.0"), a known model or family, or a name with a version
  return known || family || own.match(name) !== null || (/\d/.test(name) && /[A-Za-z]{2}/.test(name)) ? name : null;
}

/**
 * Benchmark tables: a table of scores whose header row (or first column) names the card's model and
 * others beside numeric cells sets those others against it, COMPETES_WITH from the card's model (the
 * variant the cell names: "Kimi K2 Instruct" in a Kimi K2 card) to each, the cell as quote. A table
 * that names none of the card's models, or several, is no comparison the card states for its model.
 */
export function benchmarkFacts(sink: RecordSink, model: EndpointOut | null, own: OwnModels, body: string, gazetteer: Gazetteer, modelAliases: readonly string[] = []): void {
  if (!model) return;
  const { tableHeadings } = cardKnowledge();
  for (const table of cardTables(body)) {
    const body = table.rows.filter((r) => r.length > 1);
    const cells = body.flatMap((r) => r.slice(1));
    if (body.length < 2 || cells.filter(isNumeric).length < cells.length * 0.3) continue;
    // the models along the header (columns) or down the first column (rows), each beside numbers
    const columns = table.header.map((c, j) => ({ cell: c, scored: j > 0 && body.some((r) => isNumeric(r[j]) || isNumeric(r[j - 1])) }));
    const rows = body.map((r) => ({ cell: r[0]!, scored: r.slice(1).some(isNumeric) }));
    for (const axis of [columns, rows]) {
      const named = axis
        .filter((a) => a.scored)
        .flatMap((a) => {
          const name = modelInCell(a.cell, gazetteer, tableHeadings, own);
          return name ? [{ name, quote: a.cell.quote, how: own.match(name) }] : [];
        });
      const exact = named.filter((n) => n.how === 'exact' || n.how === 'short');
      const subjects = exact.length ? exact : named.filter((n) => n.how === 'variant');
      if (subjects.length !== 1 || named.length < 2) continue;
      const subjectCell = subjects[0]!;
      // the card's model itself, or the model of the card the cell names (a copy's original, a variant)
      const isCard =
        [model.name, ...modelAliases].some((n) => nameKey(subjectCell.name) === nameKey(n)) ||
        (subjectCell.how === 'short' && (nameKey(model.name).startsWith(nameKey(subjectCell.name)) || nameKey(model.name).endsWith(` ${nameKey(subjectCell.name)}`)));
      const subject = isCard ? model : sink.entity(subjectCell.name, 'Model', { labels: ['Model'] });
      for (const other of named) {
        // the card's own releases of other sizes ("Phi-3-Small" beside "Phi-3-Mini") are its family, not its rivals
        if (other === subjectCell || own.match(other.name) === 'exact' || own.isSibling(other.name)) continue;
        sink.fact('COMPETES_WITH', subject, sink.entity(other.name, 'Model', { labels: ['Model'] }), other.quote, { confidence: 0.7 });
      }
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// repository ids

/** A repository id a card names: in a hub link, a download command or a loading call. */
export interface RepoId {
  owner: string;
  name: string;
  line: string;
}

/** A link to a model repository on the hub (datasets, spaces, docs and the like aside): owner and name. */
export const HUB_LINK = /\b(?:huggingface\.co|hf\.co)\/(?!datasets\/|spaces\/|docs\/|blog\/|papers\/|collections\/|models\b)([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)/g;
const IN_CODE = /(?:huggingface-cli download|hf download|from_pretrained\(|model(?:_name|_id|_path)?\s*=|vllm serve|ollama (?:run|pull) hf\.co\/)\s*["']?([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)/g;

// a Markdown link to a model's repository: its text and its target's owner and name
// (letters and digits only, dots too dropped: "Qwen2.5 7B" opens as "qwen25-7b" does)
const letters = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const HUB_MODEL_LINK =
  /\[([^\]\n]{2,60})\]\((?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/(?!datasets\/|spaces\/|docs\/|blog\/|papers\/|collections\/|models\b)([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)\/?\)/g;

/**
 * The models a card links under their own names ("[Heron 7B](https://huggingface.co/finch/heron-7b)", a compared model, a
 * sibling, a base): each a model entity of the card with its repository id among its names, whether or not its prose says
 * more of it. A link's text names the model when text and repository open alike; "here", "🤗 Link" or a file name do not.
 * Returns the `nameKey`s of the models it named.
 */
export function linkedModels(sink: RecordSink, body: string): Set<string> {
  const named = new Set<string>();
  for (const m of body.matchAll(HUB_MODEL_LINK)) {
    const [, raw, owner, repo] = m as unknown as [string, string, string, string];
    const text = raw
      .replace(/[*_`]/g, '')
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .trim();
    const a = letters(text);
    if (text.split(/\s+/).length > 5 || !/\d/.test(text + repo) || a.length < 4 || a.slice(0, 4) !== letters(repo).slice(0, 4)) continue;
    if (WEIGHTS_FILE_NAME.test(text) || WEIGHTS_FILE_NAME.test(repo)) continue;
    const model = sink.entity(text, 'Model', { labels: ['Model'], aliases: [`${owner}/${repo.replace(/\.git$/, '')}`] });
    if (model) named.add(nameKey(model.name));
  }
  return named;
}

/** The repository ids of a card (its front matter and body), each with the line that names it. */
export function repositoryIds(markdown: string): RepoId[] {
  const out: RepoId[] = [];
  const seen = new Set<string>();
  for (const raw of markdown.split('\n')) {
    if (!raw.includes('/')) continue;
    const line = raw.replace(/\r$/, '');
    for (const re of [HUB_LINK, IN_CODE])
      for (const m of line.matchAll(re)) {
        // a sentence's full stop after a link is no part of the name
        const name = m[2]!.replace(/\.git$/, '').replace(/\.+$/, '');
        const key = `${m[1]!.toLowerCase()}/${name.toLowerCase()}`;
        if (seen.has(key) || !/\d|[A-Z]/.test(name)) continue;
        seen.add(key);
        out.push({ owner: m[1]!, name, line: line.trim() });
      }
  }
  return out;
}

/** The lab or organisation a hub namespace stands for: the data's publishers, else a known one of that name; never a converter. */
export function publisherOf(namespace: string, gazetteer: Gazetteer): { label: Label; name: string; id: string } | null {
  const { publishers, converters } = cardKnowledge();
  const key = namespace.toLowerCase();
  if (converters.has(key)) return null;
  const id = publishers.get(key);
  const known = id ? gazetteer.get(id) : undefined;
  if (known) return { label: known.entity.label, name: known.entity.name, id: known.entity.id };
  const r = resolveName(gazetteer, namespace, 'Lab', { labels: ['Lab', 'Organization'] });
  return r.status === 'known' ? { label: r.known.entity.label, name: r.known.entity.name, id: r.known.entity.id } : null;
}

/**
 * Who publishes the card's own models: every repository id of one of them ("moonshotai/Kimi-K2-Instruct"
 * in a link, "huggingface-cli download Qwen/Qwen2-7B-Instruct-GGUF") whose owner is a known publisher
 * gives DEVELOPED_BY, the line as quote. Other models' repositories (a base model, a teacher, a
 * competitor) and converters' copies say nothing of who made them.
 */
export function publisherFacts(sink: RecordSink, model: EndpointOut | null, modelName: string, own: OwnModels, markdown: string, gazetteer: Gazetteer): void {
  const repos = repositoryIds(markdown);
  // the namespaces the card's own models are published under: another model there is a release of the same publisher
  // ("You can find the other models in this family here: owner/X-Nano, owner/X-Ultra")
  const ownOwners = new Set(repos.filter((r) => own.isOwn(r.name)).map((r) => r.owner.toLowerCase()));
  // the developer the card names for its own models ("Model Developer: X"), whose namespace publishes the others
  const developers = new Set(sink.records.flatMap((r) => (r.kind === 'fact' && r.rel === 'DEVELOPED_BY' && own.isOwn(r.subject.name) ? [r.object.id] : [])));
  for (const repo of repos) {
    const publisher = publisherOf(repo.owner, gazetteer);
    if (!publisher) continue;
    if (!own.isOwn(repo.name)) {
      if (!ownOwners.has(repo.owner.toLowerCase()) && !developers.has(publisher.id)) continue;
      own.alongside.add(nameKey(repo.name));
    }
    const endpoint = nameKey(repo.name) === nameKey(modelName) ? model : sink.entity(repo.name, 'Model', { labels: ['Model'], aliases: [`${repo.owner}/${repo.name}`] });
    sink.fact('DEVELOPED_BY', endpoint, sink.entity(publisher.name, publisher.label, { labels: [publisher.label] }), repo.line, { confidence: 0.8 });
  }
}

// ---------------------------------------------------------------------------------------------
// API platforms

// a host that serves a model's API: "platform.example.ai", "api.example.com", "console.example.cn"
const API_HOST = /\b((?:platform|api|console|open|openapi|developers?|cloud)\.([a-z0-9-]+)\.[a-z]{2,}(?:\.[a-z]{2,})?)\b/i;
const API_LINE = /\bAPIs?\b/;
const WE_SERVE = /\b[Ww]e (?:also )?(?:provide|offer|serve|host)\b/;
// a link (Markdown or HTML) to a page outside the hub, its words and its target
const PLATFORM_LINK = /\[([^\]\n]{3,60})\]\((https?:\/\/[^)\s]+)\)|<a\s[^>]*href="(https?:\/\/[^"]+)"[^>]*>((?:(?!<\/a>).){3,80})<\/a>/g;
// what a platform is called: a cloud, a studio, a platform or a console, by its maker's or product's name
const PLATFORM_NAME = /^((?:[A-Z][\w.-]*\s){1,3}(?:Cloud(?: [A-Z]{2,4})?|AI Studio|Model Studio|Open Platform|API Platform|Console))$/;
// a chat site: chat.<name>.<tld>
const CHAT_HOST = /https?:\/\/(chat\.([a-z0-9-]+)\.[a-z]{2,}(?:\.[a-z]{2,})?)\b/i;
// the host a line links to, for an API the line speaks of (never a hub, a code host or a paper)
const LINKED_HOST = /https?:\/\/((?!(?:www\.)?(?:huggingface\.co|hf\.co|github\.com|arxiv\.org|modelscope\.cn|aka\.ms)\b)[a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;
/** The word a host is registered under: "nvidia" of build.nvidia.com, "example" of api.example.com.cn. */
const domainWord = (host: string): string => {
  const parts = host.toLowerCase().split('.');
  const i = parts.length >= 3 && /^(?:com|co|org|net|gov|ac|edu)$/.test(parts[parts.length - 2]!) ? parts.length - 3 : parts.length - 2;
  return parts[Math.max(0, i)]!;
};

// a line that credits who made or helped make the model
const CREDITS = /\b(?:support(?:ed)? (?:from|by|of)|thanks? to|grateful|acknowledg\w*|sponsor(?:ed|ship)?|funded|funding|grants?|developed by|in (?:partnership|collaboration|cooperation) with)\b/i;

/**
 * Where a card says its model's API is served ("You can access X's API on https://platform.example.ai",
 * "We also provide an API at Example Platform: platform.example.ai"): an API platform (a Cloud, named as
 * the line names it, else by its host) that the card's model — or the card's model the line names — is
 * AVAILABLE_ON, operated by the card's publisher when "we" serve it or the host is the publisher's own.
 */
export function platformFacts(sink: RecordSink, model: EndpointOut | null, own: OwnModels, body: string, publisher: EndpointOut | null): void {
  if (!model) return;
  const lines = body.split('\n');
  let fenced = false;
  let heading = '';
  // operated by the card's publisher when "we" serve it, the host is the publisher's own name, or the platform's name opens with it
  const publisherWord = publisher ? nameKey(publisher.name).split(' ')[0]! : '';
  const operated = (cloud: EndpointOut | null, line: string, host: string | undefined, name: string) => {
    if (!publisher || !publisherWord) return;
    const ownHost = host !== undefined && host.length >= 3 && nameKey(publisher.name).replace(/ /g, '').startsWith(host.toLowerCase());
    if (WE_SERVE.test(line) || ownHost || nameKey(name).split(' ')[0] === publisherWord) sink.fact('OPERATED_BY', cloud, publisher, line.trim(), { confidence: 0.7 });
  };
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced) continue;
    const h = HEADING.exec(line);
    if (h) {
      heading = h[2]!;
      continue;
    }
    // a link whose words name a platform the model is on: "[Corvid on Example AI Studio](…)", "<a …>Example Cloud TI</a>"
    // (not in a line of credits: "with generous support from [Example Cloud](…)" names who helped make it)
    for (const m of CREDITS.test(line) ? [] : line.matchAll(PLATFORM_LINK)) {
      const text = (m[1] ?? m[4] ?? '')
        .replace(/<[^>]*>|&nbsp;?/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const on = /^(.*?)\s+on\s+(.+)$/.exec(text);
      const named = PLATFORM_NAME.exec(on ? on[2]! : text)?.[1];
      if (!named || (on && !own.isOwnOrFamily(on[1]!) && !own.match(on[1]!))) continue;
      const host = /^https?:\/\/([^/?#\s"]+)/.exec(m[2] ?? m[3] ?? '')?.[1]?.toLowerCase();
      const cloud = sink.entity(named, 'Cloud', { labels: ['Cloud'], props: { kind: 'api_platform' } });
      // the model the link names ("Corvid on …": the family or variant it names), else the card's
      const subject = on && nameKey(on[1]!) !== nameKey(model.name) ? sink.entity(on[1]!, 'Model', { labels: ['Model'] }) : model;
      sink.fact('AVAILABLE_ON', subject, cloud, line.trim(), { confidence: 0.7 });
      operated(cloud, line, host ? domainWord(host) : undefined, named);
    }
    // a chat site the card links for its model ("One click to <a href=https://chat.example.ai>Corvid</a>")
    const chat = CHAT_HOST.exec(line);
    // … when the line names the model (a bare badge says nothing of which model is there)
    if (chat && ` ${nameKey(line.replace(/<[^>]*>|\([^)]*\)/g, ' '))} `.includes(` ${nameKey(model.name)} `)) {
      const cloud = sink.entity(chat[1]!.toLowerCase(), 'Cloud', { labels: ['Cloud'], props: { kind: 'api_platform' } });
      sink.fact('AVAILABLE_ON', model, cloud, line.trim(), { confidence: 0.7 });
      operated(cloud, line, chat[2], chat[1]!);
    }
    // an API: the line says so, or the heading it stands under does
    if (!API_LINE.test(line) && !API_LINE.test(heading)) continue;
    const host = API_HOST.exec(line) ?? LINKED_HOST.exec(line);
    if (!host) continue;
    const named = /\b([A-Z][\w.-]*(?: [A-Z][\w.-]*)? (?:Platform|Open Platform|API Platform|Console|Cloud))\b/.exec(line)?.[1];
    const cloud = sink.entity(named ?? host[1]!.toLowerCase(), 'Cloud', { labels: ['Cloud'], props: { kind: 'api_platform' }, aliases: named ? [host[1]!.toLowerCase()] : [] });
    // the model whose API it is: one of the card's models the line names ("Kimi K2's API"), else the card's
    const which = [...line.matchAll(/([A-Z][\w.-]*(?: [A-Z0-9][\w.-]*)?)['’]s API/g)].map((m) => m[1]!).find((n) => own.isOwnOrFamily(n) || own.match(n));
    const subject = which && nameKey(which) !== nameKey(model.name) ? sink.entity(which, 'Model', { labels: ['Model'] }) : model;
    sink.fact('AVAILABLE_ON', subject, cloud, line.trim(), { confidence: 0.75 });
    operated(cloud, line, domainWord(host[1]!), named ?? '');
  }
}

// ---------------------------------------------------------------------------------------------
// sibling sizes

const SIZE = String.raw`\d+(?:\.\d+)?[BM]`;
// "three sizes: 2.4B, 7.8B and 32B", "available in 1B and 8B", "ranging from 2.4B to 32B parameters", "the **32B model**"
const SIZE_LIST = new RegExp(
  String.raw`\b(?:sizes?|variants?|versions?|available in|comes? in|released in|ranging from|from)\b[^.\n]{0,40}?(${SIZE}(?:(?:,\s*|\s+(?:and|or|to)\s+|,\s*(?:and|or)\s+)\*{0,2}${SIZE}\*{0,2}){1,5})`,
  'g',
);
const SIZE_MODEL = new RegExp(String.raw`\*{0,2}(${SIZE})\*{0,2}\s+(?:model|variant|version)\b`, 'g');

/**
 * The other sizes of the card's release that its prose names ("comes in 2.4B, 7.8B and 32B", "the 32B model"): models
 * named by the card's family and version with that size ("Corvid-2-32B" in a Corvid-2-7B card), developed by the card's
 * publisher when its structure names one.
 */
export function sizeSiblingFacts(sink: RecordSink, modelName: string, body: string, publisher: EndpointOut | null): void {
  const plain = modelName.replace(/^[\w.-]+\//, '');
  const own = new RegExp(String.raw`^(.*?[^\s-])([\s-])(${SIZE})(?![\w.])`).exec(plain);
  // only a card whose name carries a size ("X-3.5-2.4B-Instruct", "X-Deep-7.8B") has sizes to name
  if (!own) return;
  const [, family, sep, ownSize] = own;
  let fenced = false;
  const seen = new Set([ownSize!.toUpperCase()]);
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced || line.includes('|')) continue;
    const sizes = [...line.matchAll(SIZE_LIST)].flatMap((m) => [...m[1]!.matchAll(new RegExp(SIZE, 'g'))].map((x) => x[0]));
    for (const m of line.matchAll(SIZE_MODEL)) sizes.push(m[1]!);
    for (const size of sizes) {
      if (seen.has(size.toUpperCase())) continue;
      seen.add(size.toUpperCase());
      const sibling = sink.entity(`${family}${sep}${size}`, 'Model', { labels: ['Model'], confidence: 0.7 });
      if (publisher) sink.fact('DEVELOPED_BY', sibling, publisher, line.trim(), { confidence: 0.7 });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// a converted copy's own words

const COPY_OF = [
  // "This is quantized version of [owner/Model](…)", "This repository contains GGUF weights of Model"
  /^\W*This (?:is|repo(?:sitory)? (?:contains|provides|hosts)) (?:an? |the )?(?:[\w-]+ )?(?:quanti[sz]ed|GGUF|AWQ|GPTQ|MLX|converted) (?:version|copy|weights|files|models?)s? of (?:the )?(\[[^\]]+\]|`[^`]+`|[\w./-]+)/i,
  // "This is the [Model](…) model in GGUF format"
  /^\W*This (?:is|repo(?:sitory)? (?:contains|provides|hosts)) (?:an? |the )?(\[[^\]]+\]|`[^`]+`|[\w./-]+)(?:\([^)]*\))? model in (?:GGUF|AWQ|GPTQ|MLX|EXL2) format/i,
];

/** The model a converted copy's card says it was made from ("This is a quantized version of X"), with the line; null when it says none. */
export function copiedFrom(body: string): { name: string; line: string } | null {
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    for (const re of COPY_OF) {
      const m = re.exec(line);
      const name = m?.[1]?.replace(/^[[`]|[\]`]$/g, '').trim();
      if (name && /\d|[A-Z]/.test(name)) return { name, line };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// prose

/** A model mention a rule may use: a model, named without ambiguity. */
const isModel = (m: Mention | undefined): m is Mention => !!m && m.label === 'Model' && m.status !== 'ambiguous';

/** The models a sentence names before a position of its masked text. */
const modelsBefore = (frame: Frame, index: number): Mention[] =>
  listIndices(frame.masked.slice(0, index))
    .map((i) => frame.mentions[i])
    .filter(isModel);

/** Whom a card's comparison is about: the one model of the card's the sentence names, else (none named) the card's model. */
const comparedModel = (named: readonly Mention[], model: Mention | null): Mention | null => (named.length === 1 ? named[0]! : named.length === 0 ? model : null);

/** The text after the first match of a cue, or undefined when the cue is not in it. */
function textAfter(cue: RegExp, text: string): string | undefined {
  const m = cue.exec(text);
  return m ? text.slice(m.index + m[0].length) : undefined;
}

// after the phrase: a few words at most ("the state-of-the-art open models, including"), then the list
const COMPARED = new RegExp(`^[^⟨.;:!?]{0,90}?((?:${E}(?:\\s*\\([^)]*\\))?(?:\\s*,\\s*(?:and |or )?|\\s+(?:and|or)\\s+)?)+)`, 'u');

/**
 * "We compare to A, B and C", "compared with … including A, B": the models listed after a comparison
 * phrase compete with the card's model (or with the card's model the sentence names, "… Qwen1.5,
 * Qwen2 has surpassed …"). Only models: a lab or a benchmark in the list is left alone.
 */
export function comparisonRule(model: Mention | null, own: OwnModels): RelationRule {
  const { comparisons } = cardKnowledge();
  return {
    name: 'model-card-comparison',
    example: 'We compare to Acme-2, Bolt-7B and Crane 9B.',
    minMentions: 1,
    cue: comparisons,
    apply(frame: Frame): FactDraft[] {
      const after = textAfter(comparisons, frame.masked);
      if (after === undefined) return [];
      const listed = listIndices(COMPARED.exec(after)?.[1]).map((i) => frame.mentions[i]!);
      const models = listed.filter(isModel);
      if (!models.length) return [];
      const subject = comparedModel(
        frame.mentions.filter((m) => isModel(m) && own.isOwnOrFamily(m.name)),
        model,
      );
      if (!subject) return [];
      return models.filter((m) => !own.isOwnOrFamily(m.name) && m.name !== subject.name).map((m) => ({ rel: 'COMPETES_WITH' as const, subject, object: m, confidence: 0.75 }));
    },
  };
}

// a model the sentence names as what another was made from, not as a rival ("built on X", "a fine-tune of X")
const AS_BASE =
  /\b(?:based on|built (?:on|upon|from)|fine-?tuned (?:from|on)|derived from|distilled from|initiali[sz]ed from|a fine-?tune of|continued from|the base)\s+(?:the |its |our )?(?:[\w.-]+ ){0,2}?$/i;

/**
 * "Our model outperforms A and B", "It even beats proprietary models such as C (52.9%) and approaches the
 * performance of D": in a card, the models named after a verb of comparison compete with the card's model
 * (or with the card's model the sentence names). A sentence whose subject is another model ("A
 * outperforms B") is about those two, not the card's; a model named as a base ("built on E") is left alone;
 * so is a family without a version ("Llama"), which names no model to compare.
 */
export function outperformsRule(model: Mention | null, own: OwnModels): RelationRule {
  const { outperforms } = cardKnowledge();
  return {
    name: 'model-card-outperforms',
    example: 'Our Corvid-2-8B model outperforms Acme-7B and approaches the performance of Bolt-70B.',
    minMentions: 1,
    cue: outperforms,
    apply(frame: Frame): FactDraft[] {
      const cue = outperforms.exec(frame.masked);
      if (!cue) return [];
      const before = modelsBefore(frame, cue.index);
      // another model before the verb is the sentence's subject: "A outperforms B" in a card about C
      if (before.some((m) => !own.isOwnOrFamily(m.name))) return [];
      const subject = comparedModel(before, model);
      if (!subject) return [];
      const start = cue.index + cue[0].length;
      const after = frame.masked.slice(start);
      const seen = new Set<string>();
      const out: FactDraft[] = [];
      for (const { index: at, 1: i } of after.matchAll(/⟨(\d+)⟩/g)) {
        const mention = frame.mentions[Number(i)];
        if (!isModel(mention) || own.isOwnOrFamily(mention.name) || mention.name === subject.name || !/\d/.test(mention.name) || seen.has(mention.name)) continue;
        if (AS_BASE.test(after.slice(0, at))) continue;
        seen.add(mention.name);
        out.push({ rel: 'COMPETES_WITH', subject, object: mention, confidence: 0.7 });
      }
      return out;
    },
  };
}

// "X was created in a collaboration between A, B and C": the makers of a card's model named as partners in its making
const MADE_TOGETHER = new RegExp(
  `\\b(?:created|developed|built|trained|made) (?:jointly )?(?:in|through|as) (?:a |an |the )?(?:[a-z-]+ )?(?:collaboration|partnership|cooperation|joint effort|joint project) (?:between|of|with|among|by) (?:the )?${LIST}`,
  'u',
);

/**
 * "Corvid was created in a collaboration between A, the B group and C": in a card, a sentence about the making of a model that
 * names no other model names the card's model's developers (each one the list names).
 */
export function madeTogetherRule(model: Mention | null, own: OwnModels): RelationRule {
  return {
    name: 'model-card-made-together',
    example: 'Corvid was created in a collaboration between Acme Labs, Bolt AI and the Crane Institute.',
    minMentions: 1,
    cue: /collaboration|partnership|cooperation|joint/,
    apply(frame: Frame): FactDraft[] {
      const m = MADE_TOGETHER.exec(frame.masked);
      if (!model || !m) return [];
      // a sentence about another model's making is not about the card's
      if (modelsBefore(frame, m.index).some((k) => !own.isOwnOrFamily(k.name))) return [];
      return listIndices(m[1])
        .map((i) => frame.mentions[i])
        .filter((k): k is Mention => !!k && allowed('DEVELOPED_BY', model.label, k.label) && !k.demonym && k.status !== 'ambiguous')
        .map((k) => ({ rel: 'DEVELOPED_BY' as const, subject: model, object: k, confidence: 0.7 }));
    },
  };
}

// a sentence of a card about the hardware its model needs: to serve it ("BF16 requires 16 X GPUs for deployment", "tested on
// X", "fits on a single X") or to train it ("pre-trained on 2,048 X GPUs"); a user's fine-tuning is neither
const SERVES_ON = /\b(?:requires?|needs?|needed|required|tested|deploy(?:ed|ing|ment)?|inference|serv(?:e|ed|ing)|fits?|fitting|runs?|running|recommend(?:ed)?|supports?|supported)\b/;
const TRAINED_WITH = /\b(?:pre-?trained|trained|pre-?training|training (?:was|is|ran|took|happened)\b)/i;
const COUNT = /(\d[\d,]*)\s*(?:[x×]\s*)?$/;
const VERSIONED = /\b[A-Z][\w.]*(?:-[\w.]+)*-\d[\w.]*\b/g;

/**
 * "BF16 requires 16 X GPUs for deployment", "Tested on X", "We pre-trained it on 1,024 X GPUs": a card's sentence that
 * names chips and what they are needed for, and no model but the card's own, says where the card's model runs or was trained.
 */
export function hardwareRule(model: Mention | null, own: OwnModels): RelationRule {
  return {
    name: 'model-card-hardware',
    example: 'BF16 requires 16 H20 GPUs for deployment.',
    minMentions: 1,
    cue: /\b(?:requires?|needs?|needed|required|tested|deploy|inference|serv|fits?|fitting|runs?|running|recommend|support|trained|training)/i,
    apply(frame: Frame): FactDraft[] {
      if (!model) return [];
      // a placeholder for a maker's products ("AMD, Intel and NVIDIA GPUs") names no chip the model needs
      // (a member of a known chip's family, "H100 80GB", "Ascend 920", is a name of its own the text vouches for)
      const chips = frame.mentions.filter((m) => m.label === 'Chip' && (m.status === 'known' || m.defined) && !isPlaceholder(m.name));
      // another model named (a mention, or a versioned name nobody listed; not an acronym in brackets, "(CG-1)") is what the sentence is about
      const otherModel =
        frame.mentions.some((m) => m.label === 'Model' && !own.isOwnOrFamily(m.name)) ||
        [...frame.masked.matchAll(VERSIONED)].some((m) => !own.isOwnOrFamily(m[0]) && frame.masked[m.index - 1] !== '(');
      // the machine it was trained on, by its name ("trained on the LUMI supercomputer"), or the cloud ("trained on SageMaker"): a site, not a chip
      const sites = frame.mentions.filter((m) => (m.label === 'DataCenter' || m.label === 'Cloud') && m.status !== 'ambiguous');
      if ((!chips.length && !sites.length) || otherModel) return [];
      const trains = TRAINED_WITH.test(frame.masked) && !FINE_TUNING.test(frame.masked);
      const onSites = trains ? sites.map((site) => ({ rel: 'TRAINED_ON' as const, subject: model, object: site, confidence: 0.6 })) : [];
      // the chips a training sentence names are the machine's ("on 512 X GPUs on the Cedar supercomputer")
      // (not chips offered as an alternative: "on X GPUs at the LUMI supercomputer, or Y GPUs provided by …")
      const machines = trains
        ? sites.flatMap((site) => chips.filter((chip) => !/\bor\b/.test(between(frame, site, chip))).map((chip) => ({ rel: 'RUNS_ON' as const, subject: site, object: chip, confidence: 0.55 })))
        : [];
      if (!trains && (!SERVES_ON.test(frame.masked) || FINE_TUNING.test(frame.masked.split(/[,;]/)[0]!))) return [];
      return [
        ...onSites,
        ...machines,
        ...chips.map((chip) => {
          const count = COUNT.exec(frame.masked.slice(0, markerAt(frame, chip)))?.[1];
          const n = count ? Number(count.replace(/,/g, '')) : undefined;
          return {
            rel: trains ? ('TRAINED_ON' as const) : ('RUNS_ON' as const),
            subject: model,
            object: chip,
            confidence: 0.6,
            ...(n && Number.isSafeInteger(n) && n > 0 ? { props: { count: n } } : {}),
          };
        }),
      ];
    },
  };
}

const RELEASED = /\b(?:[Ww]e (?:are )?(?:introduc(?:e|ing)|present(?:ing)?|releas(?:e|ing)|open-?sourc(?:e|ing)|have open-?sourced|have released|announc(?:e|ing))\b)/;
const FOR_MODEL = new RegExp(`^\\W*For ${E}, [Ww]e `, 'u');

/**
 * "We introduce X", "For X, we release …": in a card, "we" is the card's publisher, and the card's
 * own models it introduces are developed by it (the publisher its structure names: a developer field
 * or the owner of its own repository ids). Another lab's model is never read this way.
 */
export function releaseRule(developer: Mention | null, own: OwnModels): RelationRule {
  return {
    name: 'model-card-release',
    example: 'We introduce Acme-2, a family of open models.',
    // the family it introduces may be a name no list holds, the only name in the sentence
    minMentions: 0,
    cue: RELEASED,
    apply(frame: Frame): FactDraft[] {
      if (!developer) return [];
      const after = textAfter(RELEASED, frame.masked);
      if (after === undefined) return [];
      const first = FOR_MODEL.exec(frame.masked);
      const list = first ? [Number(first[1])] : listIndices(COMPARED.exec(after)?.[1]);
      const models: Endpoint[] = list.map((i) => frame.mentions[i]).filter((m): m is Mention => isModel(m) && own.isOwnOrFamily(m.name));
      // the card's own family as the card writes it, a name no list holds ("We introduce Corvid Deep, …")
      const family = !first && !models.length ? own.familyIn(after) : null;
      if (family) models.push({ label: 'Model', name: family });
      return models.map((m) => ({ rel: 'DEVELOPED_BY' as const, subject: m, object: developer, confidence: 0.8 }));
    },
  };
}

// a sentence that opens with how the model was made, without naming it: "Created by distilling … from X
// to post-train Y", "Built by fine-tuning Y on …"
const MADE_BY = /^\W*(?:Created|Built|Made|Obtained|Produced|Trained|Developed) by (?:distill|fine-?tun|post-?train|continu|merg|train)/i;
const FROM_TEACHER = /\bfrom (?:the )?⟨(\d+)⟩/g;
const ONTO_BASE = /\b(?:post-?train|fine-?tune|finetune|train|initiali[sz]e)\s+(?:the )?⟨(\d+)⟩|\b(?:on top of|onto|into) (?:the )?⟨(\d+)⟩/g;

/**
 * "Created by distilling the reasoning of X to post-train Y": a card's sentence without a subject is
 * about the card's model (a copy's original), derived from X (distillation) and from Y (its base).
 */
export function madeByRule(model: Mention | null): RelationRule {
  return {
    name: 'model-card-made-by',
    example: 'Created by distilling the answers of Acme-70B to post-train Acme-7B-Base.',
    minMentions: 1,
    cue: /^\W*(?:Created|Built|Made|Obtained|Produced|Trained|Developed) by\b/i,
    apply(frame: Frame): FactDraft[] {
      if (!model || !MADE_BY.test(frame.masked)) return [];
      const distilled = /^\W*\w+ by distill/i.test(frame.masked);
      const models = (re: RegExp) => [...frame.masked.matchAll(re)].map((m) => frame.mentions[Number(m[1] ?? m[2])]).filter((m): m is Mention => isModel(m) && m.name !== model.name);
      return [
        ...models(FROM_TEACHER).map((m) => ({ rel: 'DERIVED_FROM' as const, subject: model, object: m, props: { relation: distilled ? 'distillation' : 'other' }, confidence: 0.7 })),
        ...models(ONTO_BASE).map((m) => ({ rel: 'DERIVED_FROM' as const, subject: model, object: m, props: { relation: 'finetune' }, confidence: 0.7 })),
      ];
    },
  };
}

// "This model was trained by X", "It was developed by X’s NLP team", "<the card's model> was created by X and Y": the makers of the
// card's model, known or not (a name nobody listed is taken when it has the shape of an organisation's: one capitalised word
// run together, "MosaicML", or words ending in a maker's word, "Example Labs")
const MADE_BY_MAKER = new RegExp(
  `^\\W*(?:(?:This|The|Our) (?:base |pretrained |pre-trained )?model|It|${E}) (?:was|is|has been) (?:(?:jointly|originally|primarily) )?(?:developed|trained|pre-?trained|created|built|made|released) by (?:the )?(.+)$`,
  'u',
);
const MAKER_SHAPE = /^(?:[A-Z][a-z]*[A-Z][\w-]*|[A-Z][\w-]*(?: [A-Z][\w-]*){0,3} (?:AI|Labs?|Research|Institute|University|Group|Inc\.?|Corporation|Technologies))$/;

/** The card's model's makers, as a sentence in its prose names them after "was developed by". */
export function madeByMakerRule(model: Mention | null, own: OwnModels): RelationRule {
  return {
    name: 'model-card-maker',
    example: 'This model was trained by Example Labs.',
    minMentions: 0,
    cue: /\b(?:developed|trained|created|built|made|released) by\b/,
    apply(frame: Frame): FactDraft[] {
      if (!model) return [];
      // the card's family written alone, a name no list holds ("BTLM was trained by …" in a BTLM-3B card), is the card's model
      const family = /^[A-Za-z][\w.]{2,}(?=[- ])/.exec(model.name)?.[0];
      const opening = family ? frame.masked.replace(new RegExp(`^(\\W*)${escapeRegExp(family)}(?= (?:was|is|has been) )`), '$1It') : frame.masked;
      const m = MADE_BY_MAKER.exec(opening);
      if (!m) return [];
      // a sentence naming another model is about that model
      const subject = m[1] !== undefined ? frame.mentions[Number(m[1])] : undefined;
      if (m[1] !== undefined && (!isModel(subject) || !own.isOwnOrFamily(subject!.name))) return [];
      // the makers: the list up to the first word that is no part of it ("… on 64 GPUs", "… for research")
      const list = m[2]!.split(/\s+(?:on|using|for|in|at|with|from|to|as|under|during|via|through)\b|[.;:(]/)[0]!.replace(/['’]s\b.*$/, '');
      const out: FactDraft[] = [];
      for (const part of list.split(/\s*(?:,|\band\b|&)\s*/)) {
        const item = part.trim().replace(/^the /, '');
        const marker = /^⟨(\d+)⟩$/.exec(item);
        if (marker) {
          const maker = frame.mentions[Number(marker[1])];
          if (maker && !maker.demonym && maker.status !== 'ambiguous' && allowed('DEVELOPED_BY', model.label, maker.label))
            out.push({ rel: 'DEVELOPED_BY', subject: model, object: maker, confidence: 0.75 });
        } else if (MAKER_SHAPE.test(item)) out.push({ rel: 'DEVELOPED_BY', subject: model, object: { label: 'Lab', name: item }, confidence: 0.65 });
      }
      return out;
    },
  };
}

const TAUGHT = /⟨(\d+)⟩ as (?:the|a|our) (teacher|student)\b/g;

/**
 * "We used X as the teacher model and Y as the student model": the card's model is distilled from both
 * (the teacher's outputs, the student's weights), DERIVED_FROM with the relation "distillation".
 */
export function teacherRule(model: Mention | null): RelationRule {
  return {
    name: 'model-card-distillation',
    example: 'We used Acme-70B as the teacher model and Acme-7B as the student model.',
    minMentions: 1,
    cue: /\bas (?:the|a|our) (?:teacher|student)\b/,
    apply(frame: Frame): FactDraft[] {
      if (!model) return [];
      return [...frame.masked.matchAll(TAUGHT)]
        .map((m) => frame.mentions[Number(m[1])])
        .filter((m): m is Mention => isModel(m) && m.name !== model.name)
        .map((m) => ({ rel: 'DERIVED_FROM' as const, subject: model, object: m, props: { relation: 'distillation' }, confidence: 0.75 }));
    },
  };
}

/** "<Teacher>-Distill-<Student>": a model the card names that way is distilled from the teacher, when the card names the teacher too. */
export function distilledFrom(records: readonly ExtractedRecord[], text: string): ExtractedRecord[] {
  const models = new Map<string, EndpointOut>();
  for (const r of records) if (r.kind === 'entity' && r.type === 'Model' && r.id && r.status !== 'ambiguous') models.set(nameKey(r.name), { type: r.type, name: r.name, id: r.id });
  const out: ExtractedRecord[] = [];
  for (const [key, m] of models) {
    const teacher = /^(.+?) distill(?:ed)? \S/.exec(key)?.[1];
    const t = teacher ? models.get(teacher) : undefined;
    if (!t) continue;
    out.push(lineageByName(m, t, 'distillation', text, 0.7));
  }
  return out;
}

/** A lineage read from two of the card's model names, quoted with the first line of the card naming the derived model. */
function lineageByName(model: EndpointOut, from: EndpointOut, relation: string, text: string, confidence: number): ExtractedRecord {
  const line = text
    .split('\n')
    .find((l) => l.includes(model.name.split('/').pop()!))
    ?.trim();
  return {
    kind: 'fact',
    rel: 'DERIVED_FROM',
    subject: model,
    object: from,
    props: { relation },
    ...(line ? { quote: line } : {}),
    source: '',
    confidence,
    extractor: `ingest/model-card-name@${EXTRACTOR_VERSION}`,
  };
}

// a repository id of a model: an owner, and a name with a word in it ("acme/Corvid-2", never "Q4/Q5")
const REPO_ID = /^[\w.-]{2,}\/(?=[\w.-]*[A-Za-z]{3})[\w.-]{4,}$/;

// the stage a release's last word names: pre-trained, supervised fine-tuning, preference tuning, the final post-trained release
const STAGES: [RegExp, number][] = [
  [/^(?:base|pretrain|pretrained|pt)$/, 0],
  [/^sft$/, 1],
  [/^(?:dpo|rpo|kto|simpo)$/, 2],
  [/^(?:instruct|chat|it|rl|rlvr|rlhf)$/, 3],
];
const stageOf = (word: string): number | undefined => STAGES.find(([re]) => re.test(word))?.[1];

/**
 * The card's own releases by their names: of two the card names with one stem, the later stage of training is
 * derived from the nearest earlier one it names ("<X>-SFT" from "<X>" or "<X>-Base", "<X>-DPO" from "<X>-SFT",
 * "<X>-Instruct" from "<X>-DPO", else "<X>-SFT", else "<X>-Base"); a stem beside its "-Base" release is the
 * post-trained one; and a release named with a quantisation or file format after an own release's name
 * ("<X>-FP8", "<X>-GGUF") is a quantised copy of it.
 */
export function releaseLineage(records: readonly ExtractedRecord[], text: string, own: OwnModels): ExtractedRecord[] {
  const models = new Map<string, EndpointOut>();
  for (const r of records)
    if (r.kind === 'entity' && r.type === 'Model' && r.id && r.status !== 'ambiguous' && (own.isOwn(r.name) || own.alongside.has(nameKey(r.name))) && !models.has(nameKey(r.name)))
      models.set(nameKey(r.name), { type: r.type, name: r.name, id: r.id });
  const { copyMark } = cardKnowledge();
  const out: ExtractedRecord[] = [];
  for (const [key, m] of models) {
    const words = key.split(' ');
    const last = words[words.length - 1]!;
    const stem = words.slice(0, -1).join(' ');
    if (words.length >= 2 && copyMark.test(last)) {
      const original = models.get(stem);
      if (original) out.push(lineageByName(m, original, 'quantized', text, 0.65));
      continue;
    }
    const stage = stageOf(last);
    // "<X>" itself, a release of its own (a repository, not a series' name): post-trained when the card names "<X>-Base" beside it
    if (stage === undefined) {
      if (!own.released.has(key)) continue;
      const base = [...models.keys()].find((k) => k.startsWith(`${key} `) && stageOf(k.slice(key.length + 1)) === 0);
      if (base) out.push(lineageByName(m, models.get(base)!, 'finetune', text, 0.6));
      continue;
    }
    if (stage === 0 || !stem) continue;
    // the nearest earlier stage the card names; the stem itself is the base when no "-Base" is named
    let from: EndpointOut | undefined;
    for (let s = stage - 1; s >= 0 && !from; s--)
      from = [...models.entries()].find(([k]) => k.startsWith(`${stem} `) && k.split(' ').length === words.length && stageOf(k.split(' ').pop()!) === s)?.[1];
    if (!from && own.released.has(stem)) from = models.get(stem);
    if (from && from.id !== m.id) out.push(lineageByName(m, from, 'finetune', text, 0.6));
  }
  return out;
}

/**
 * What a model card's prose says, reviewed against what the card is about: a developer is read for a
 * model that is not the card's own only when the sentence says who made it ("… developed by X"),
 * never from the maker's name opening the model's; a family ("Qwen", "LLaMA") is no model's developer
 * subject nor its base; a base stated again in prose, less precisely than a table or the front matter
 * states it ("Qwen-2.5" beside "Qwen2.5-Math-7B"), is left to them; names of datasets are no models; and
 * a developer named by its hub namespace ("mistralai") is the lab the namespace stands for.
 */
export function reviewCardRecords(
  records: ExtractedRecord[],
  structured: readonly ExtractedRecord[],
  own: OwnModels,
  datasets: readonly string[],
  text: string,
  gazetteer: Gazetteer,
): ExtractedRecord[] {
  const { makers, publishers } = cardKnowledge();
  const compact = (s: string) => nameKey(s).replace(/ /g, '');
  const dataKeys = new Set(datasets.map(compact));
  const isDataset = (name: string) => dataKeys.has(compact(name));
  const familyOnly = (name: string) => !/\d/.test(name);
  const bases = new Map<string, string[]>();
  for (const r of structured) if (r.kind === 'fact' && r.rel === 'DERIVED_FROM') bases.set(r.subject.id, [...(bases.get(r.subject.id) ?? []), compact(r.object.name)]);
  const dropped = new Set<string>();
  const availableOn = new Set(structured.flatMap((r) => (r.kind === 'fact' && r.rel === 'AVAILABLE_ON' ? [r.subject.id] : [])));
  // "mistralai" read as an organisation of its own is the lab publishing under that namespace
  const swapped = new Map<string, ExtractedRecord>();
  const replaced = new Set<string>();
  records = records.map((r) => {
    if (r.kind !== 'fact' || r.rel !== 'DEVELOPED_BY' || r.object.name.includes(' ') || !publishers.has(r.object.name.toLowerCase())) return r;
    const p = publisherOf(r.object.name, gazetteer);
    if (!p || p.id === r.object.id) return r;
    const known = gazetteer.get(p.id)!;
    swapped.set(p.id, {
      kind: 'entity',
      type: p.label,
      name: p.name,
      id: p.id,
      aliases: known.entity.aliases ?? [],
      props: known.entity.props ?? {},
      source: r.source,
      confidence: 0.9,
      status: 'known',
    });
    replaced.add(r.object.id);
    return { ...r, object: { type: p.label, name: p.name, id: p.id } };
  });
  records = [...records, ...swapped.values()];
  // a card's prose names licences, trademarks and in-house frameworks in the words laws use: only a rule the graph knows is one
  const guessedRules = new Set(records.flatMap((r) => (r.kind === 'entity' && r.type === 'Regulation' && r.status === 'proposed' && r.id ? [r.id] : [])));
  const kept = records.filter((r) => {
    if (r.kind === 'entity') return !guessedRules.has(r.id ?? '');
    if (guessedRules.has(r.subject.id) || guessedRules.has(r.object.id)) return false;
    const drop = () => {
      dropped.add(r.subject.id).add(r.object.id);
      return false;
    };
    if ((r.subject.type === 'Model' && isDataset(r.subject.name)) || (r.object.type === 'Model' && isDataset(r.object.name))) return drop();
    if (r.rel === 'DEVELOPED_BY') {
      if (familyOnly(r.subject.name) && !own.isOwn(r.subject.name)) return drop();
      // a repository id ("owner/model") names its publisher outright
      if (!own.isOwnOrFamily(r.subject.name) && !makers.test(r.quote ?? '') && !REPO_ID.test(r.subject.name)) return drop();
    }
    // a card's model "on" a cloud in its prose is offered there: the platforms its structure names say where, and win
    if (r.rel === 'HOSTED_ON' && r.subject.type === 'Model' && r.object.type === 'Cloud' && availableOn.has(r.subject.id)) return false;
    if (r.rel === 'DERIVED_FROM') {
      if (familyOnly(r.object.name)) return drop();
      const stated = bases.get(r.subject.id);
      const o = compact(r.object.name);
      if (stated?.some((b) => b !== o && (b.startsWith(o) || o.startsWith(b)))) return drop();
    }
    return true;
  });
  // an entity that stood only in a dropped fact (a dataset's id, a family named as a base) goes with it
  const used = new Set(kept.flatMap((r) => (r.kind === 'fact' ? [r.subject.id, r.object.id] : [])));
  const out = kept.filter((r) => r.kind === 'fact' || r.type !== 'Model' || used.has(r.id ?? '') || !(isDataset(r.name) || (dropped.has(r.id ?? '') && familyOnly(r.name))));
  // a maker known only from inside a model's name ("DeepSeek" in "DeepSeek-V3-0324") whose fact was dropped is not named by the card
  const standalone = (e: { name: string; aliases?: string[] }) => [e.name, ...(e.aliases ?? [])].some((n) => new RegExp(`(?<![\\w-])${escapeRegExp(n)}(?![\\w-])`, 'i').test(text));
  for (let i = out.length - 1; i >= 0; i--) {
    const r = out[i]!;
    if (r.kind !== 'entity' || !r.id || used.has(r.id)) continue;
    if (replaced.has(r.id) || (dropped.has(r.id) && r.type !== 'Model' && !standalone(r))) out.splice(i, 1);
  }
  const source = records[0]?.source ?? '';
  const stated = new Set(out.flatMap((r) => (r.kind === 'fact' ? [`${r.rel}|${r.subject.id}|${r.object.id}`] : [])));
  for (const f of [...distilledFrom([...structured, ...out], text), ...releaseLineage([...structured, ...out], text, own)])
    if (f.kind === 'fact' && !stated.has(`${f.rel}|${f.subject.id}|${f.object.id}`)) out.push({ ...f, source });
  // a card is about its models: a name its prose only mentions in passing (a rival, a family, a hub)
  // and relates to nothing is not one of the card's entities, unless the card links its repository under its name
  const related = new Set([...structured, ...out].flatMap((r) => (r.kind === 'fact' ? [r.subject.id, r.object.id] : [])));
  return out.filter((r) => r.kind === 'fact' || related.has(r.id ?? '') || own.isOwn(r.name) || (r.type === 'Model' && own.linked.has(nameKey(r.name))));
}
