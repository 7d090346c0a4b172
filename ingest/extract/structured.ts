// Record builders for facts a document states by its structure (front matter, table rows,
// policy headers) rather than in sentences: the same record shapes extract() emits.
import type { Label, RelationType } from '../../schema/generated/model.js';
import { relationProps } from '../../schema/generated/model.js';
import type { Props } from '../../schema/records.js';
import type { EndpointOut, EntityOut, FactOut } from './extract.js';
import { EXTRACTOR_VERSION } from './extract.js';
import { allowed } from './frame.js';
import type { Gazetteer } from './gazetteer.js';
import { resolveName } from '../resolve/resolver.js';

/** Collects structured records for one document, resolving names against the gazetteer. */
export class RecordSink {
  readonly records: (EntityOut | FactOut)[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly source: string,
    private readonly extractor: string,
  ) {}

  /** An entity by name: resolved to a known one when possible; null when the name is ambiguous (recorded as such). */
  entity(name: string, label: Label, opts: { labels?: readonly Label[]; props?: Props; aliases?: string[]; confidence?: number } = {}): EndpointOut | null {
    const r = resolveName(this.gazetteer, name, label, opts);
    if (r.status === 'ambiguous') {
      this.push({ kind: 'entity', type: label, name: r.name, aliases: [], props: {}, source: this.source, confidence: 0.3, status: 'ambiguous', candidates: r.candidates });
      return null;
    }
    if (r.status === 'known') {
      const e = r.known.entity;
      this.push({ kind: 'entity', type: e.label, name: e.name, id: e.id, aliases: e.aliases, props: { ...(opts.props ?? {}), ...e.props }, source: this.source, confidence: 0.9, status: 'known' });
      return { type: e.label, name: e.name, id: e.id };
    }
    this.push({
      kind: 'entity',
      type: r.label,
      name: r.name,
      id: r.id,
      aliases: opts.aliases ?? [],
      props: opts.props ?? {},
      source: this.source,
      confidence: opts.confidence ?? 0.7,
      status: 'proposed',
    });
    return { type: r.label, name: r.name, id: r.id };
  }

  /** A relation fact, when the schema allows it between the two endpoints and its props validate. */
  fact(rel: RelationType, subject: EndpointOut | null, object: EndpointOut | null, quote: string | undefined, opts: { props?: Props; confidence?: number } = {}): void {
    if (!subject || !object || subject.id === object.id || !allowed(rel, subject.type, object.type)) return;
    const props = opts.props ?? {};
    if (!relationProps[rel].safeParse(props).success) return;
    this.push({
      kind: 'fact',
      rel,
      subject,
      object,
      props,
      ...(quote ? { quote } : {}),
      source: this.source,
      confidence: opts.confidence ?? 0.85,
      extractor: `ingest/${this.extractor}@${EXTRACTOR_VERSION}`,
    });
  }

  private push(r: EntityOut | FactOut): void {
    const key = r.kind === 'entity' ? `e|${r.id ?? r.name}` : `f|${r.rel}|${r.subject.id}|${r.object.id}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.records.push(r);
  }
}

// Where a model card states hardware: the label of a row or line, or the heading above it, says
// whether the chips named are what the model was trained on or what it runs on.
const HARDWARE_CONTEXT = /hardware|\bGPUs?\b|accelerators?|\bchips?\b|\bcompute\b|infrastructure|\bdevices?\b|\btrain|\binference\b|\bserving\b|\bdeploy/i;
const RUNS_CONTEXT = /inference|serving|serve\b|deploy|\bruns?\b|running|tested|recommended|supported|requirements?|minimum|quick ?start|usage|how to|local/i;
const TRAINS_CONTEXT = /train|pre-?train|GPU[ -]?hours|compute|energy|\bhardware\b|\bGPUs?\b|accelerators?|cluster/i;
// what training itself is called, as against a word for the hardware ("GPU Type and Count") that says nothing of its use
const TRAINS_SAID = /train|GPU[ -]?hours|energy/i;
/** A user's fine-tuning (LoRA, SFT recipes): no training of the card's model, nor where it runs (a table's label or heading, a card's sentence). */
export const FINE_TUNING = /\bfine-?tun|\blora\b/i;
// a row that names a model of its own ("| Acme-7B-Air | FP8 | H100 x 2 |"): a versioned name, no chip's
const ROW_MODEL = /^[A-Za-z][\w.]*(?:-[\w.]+)+$/;
const QUANTISED_PRECISION = /^(?:FP8|FP4|NVFP4|MXFP4|INT8|INT4|W8A8|W4A16|AWQ|GPTQ)$/;
/** A Markdown heading: its level's marks and its words. */
export const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
// a count written right before the chip: "2048 H800", "2,048 NVIDIA H800", "8x H100", "512 × H100"
const COUNT_BEFORE = /(?:^|[\s|(:])(\d[\d,]*)\s*(?:[x×]\s*)?(?:NVIDIA\s+|Nvidia\s+|AMD\s+|Huawei\s+|Google\s+)?$/;

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.replace(/\*\*|__|`/g, '').trim());

/** One stated pair of a card: a label (row head, field name, column header) and the text it labels. */
interface Stated {
  label: string;
  value: string;
  line: string;
  heading: string;
  /** for a table cell: its row's head cell and its column's header */
  row?: string;
  column?: string;
}

/** The label/value pairs of a Markdown body: "label: value" lines, "**Label** value" lines, table rows (by row head and column header), and list items (labelled by the line that leads into the list). */
function statedPairs(body: string): Stated[] {
  const out: Stated[] = [];
  let heading = '';
  let header: string[] | null = null;
  // the prose line a list follows ("The model was tested on the following GPUs:")
  let lead = '';
  const lines = body.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const h = HEADING.exec(line);
    if (h) {
      heading = h[2]!.replace(/\*\*|__|`/g, '');
      header = null;
      lead = '';
      return;
    }
    if (/^\s*\|/.test(line)) {
      if (TABLE_RULE.test(line)) return;
      const cells = cellsOf(line);
      if (TABLE_RULE.test(lines[i + 1] ?? '')) {
        header = cells;
        return;
      }
      const head = cells[0] ?? '';
      cells.slice(1).forEach((cell, j) => out.push({ label: `${head} ${header?.[j + 1] ?? ''}`.trim(), value: cell, line: line.trim(), heading, row: head, column: header?.[j + 1] ?? '' }));
      return;
    }
    header = null;
    const plain = line.replace(/^\s*(?:[-*+•]|\d+\.)\s+/, '');
    const labelled = /^\s*(?:\*\*|__)?([^:*|]{2,60}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/.exec(plain) ?? /^\s*(?:\*\*|__)([^*]{2,60})(?:\*\*|__)\s+(.+)$/.exec(plain);
    if (labelled) out.push({ label: labelled[1]!.trim(), value: labelled[2]!, line: line.trim(), heading });
    else if (plain !== line && plain.trim().length > 0 && plain.length <= 160) out.push({ label: lead, value: plain, line: line.trim(), heading });
    else if (plain.trim()) lead = plain.trim().length <= 200 ? plain.trim() : '';
  });
  return out;
}

/**
 * Hardware a model card states by its structure ("| Training hardware | 2048 H800 |", "Hardware type:
 * H100-80GB", "GPUs: 512 H100-80G", a list of GPUs under "Hardware requirements"): TRAINED_ON when the
 * label or heading speaks of training, RUNS_ON when it speaks of inference, deployment or requirements;
 * the count when it is written right before the chip.
 */
export function hardwareFacts(sink: RecordSink, model: EndpointOut | null, body: string, gazetteer: Gazetteer): void {
  if (!model) return;
  for (const s of statedPairs(body)) {
    const context = `${s.label} ${s.heading}`;
    if (!HARDWARE_CONTEXT.test(context) && !/GPU[ -]?hours/i.test(s.value)) continue;
    if (FINE_TUNING.test(context) && !/pre-?train/i.test(context)) continue;
    // the label decides first when it says what the hardware is for; the heading when the label only names the hardware
    const rel: RelationType | null = RUNS_CONTEXT.test(s.label)
      ? 'RUNS_ON'
      : TRAINS_SAID.test(s.label)
        ? 'TRAINED_ON'
        : RUNS_CONTEXT.test(s.heading)
          ? 'RUNS_ON'
          : TRAINS_CONTEXT.test(s.label) || TRAINS_CONTEXT.test(s.heading) || /GPU[ -]?hours/i.test(s.value)
            ? 'TRAINED_ON'
            : null;
    if (!rel) continue;
    const row = s.row !== undefined ? plainName(s.row) : '';
    // a quantised precision in the row ("| Acme-7B | FP8 | …") is the card's quantised variant where the card names one ("Acme-7B-FP8")
    const precision = cellsOf(s.line)
      .find((c) => QUANTISED_PRECISION.test(c.trim()))
      ?.trim();
    const variant = precision && ROW_MODEL.test(row) && body.includes(`${row}-${precision}`) ? `${row}-${precision}` : row;
    const rowModel = ROW_MODEL.test(row) && !gazetteer.match(row).some((h) => h.candidates[0]?.entity.label === 'Chip') ? sink.entity(variant, 'Model', { labels: ['Model'] }) : null;
    for (const hit of gazetteer.match(s.value)) {
      const known = hit.candidates[0];
      if (!known || hit.candidates.length > 1 || known.entity.label !== 'Chip') continue;
      const chip = sink.entity(known.entity.name, 'Chip', { labels: ['Chip'] });
      const count = COUNT_BEFORE.exec(s.value.slice(0, hit.start))?.[1];
      const n = count ? Number(count.replace(/,/g, '')) : undefined;
      sink.fact(rel, rowModel ?? model, chip, s.line, n && Number.isSafeInteger(n) && n > 0 ? { props: { count: n } } : {});
    }
  }
}

// a column or label naming what a model was made from: "Base Model", "Finetuned from", "Original model", "Teacher"
const BASE_LABEL = /^(?:base(?: model)?|original model|parent model|(?:fine-?tuned|finetuned|distilled|quantized|quantised|derived|initiali[sz]ed) from(?: model)?|teacher(?: model)?)$/i;

/** A cell's or value's name without its Markdown: "[Qwen2.5-Math-1.5B](https://…)" → "Qwen2.5-Math-1.5B". */
export function plainName(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/\*\*|__|`|🤗/g, '')
    .trim();
}

/**
 * Lineage a model card states by its structure: a table whose column says "Base Model" relates each row's
 * model to the model in that column ("| Foo-Distill-7B | [Bar-7B](…) |"), and a labelled line ("Finetuned
 * from model: Bar-7B") relates the card's model to the one it names. DERIVED_FROM, the card's row as quote.
 */
export function lineageFacts(sink: RecordSink, model: EndpointOut | null, body: string): void {
  for (const s of statedPairs(body)) {
    const column = s.column !== undefined ? plainName(s.column) : undefined;
    const label = column ?? plainName(s.label);
    if (!BASE_LABEL.test(label)) continue;
    const base = plainName(s.value);
    const subjectName = s.row !== undefined ? plainName(s.row) : undefined;
    // names only: a cell of prose or a number is no model
    // (a lowercase name counts when the card links it to its repository: "[magistral-small](…/mistralai/magistral-small)")
    if (!/^[\w./-]+(?: [\w./-]+){0,3}$/.test(base) || !(/\d|[A-Z]/.test(base) || /huggingface\.co\/[\w.-]+\/[\w.-]+/.test(s.value))) continue;
    const subject = subjectName !== undefined ? (/^[\w./-]+(?: [\w./-]+){0,3}$/.test(subjectName) ? sink.entity(subjectName, 'Model', { labels: ['Model'] }) : null) : model;
    const object = sink.entity(base.split('/').pop()!, 'Model', { labels: ['Model'], aliases: base.includes('/') ? [base] : [] });
    sink.fact('DERIVED_FROM', subject, object, s.line, { confidence: 0.8 });
  }
}
