// Tables: CSV or JSONL imports of curated datasets. JSONL lines that are already fact records
// pass through; other rows (CSV, or plain JSON objects) are read by column name: name/model,
// type, organisation/developer, country, hardware, license, base_model, parameters. Each fact
// quotes its row as written.
import { describeZodError, factRecordSchema, type Props } from '../../schema/records.js';
import { LABELS, type Label } from '../../schema/generated/model.js';
import { InvalidInput } from '../../schema/errors.js';
import type { EntityOut, ExtractedRecord, FactOut } from '../extract/extract.js';
import { RecordSink } from '../extract/structured.js';
import { decodeBody } from './decode.js';
import type { ParseContext, ParsedDocument, RawInput, Source } from './source.js';

export interface TableProblem {
  line: number;
  reason: string;
}

/** Splits one CSV line (RFC 4180 quoting) into cells. */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

const pick = (row: Record<string, string>, ...keys: string[]) => keys.map((k) => row[k]).find((v) => v !== undefined && v !== '');

function rowRecords(row: Record<string, string>, quote: string, sink: RecordSink): void {
  const name = pick(row, 'name', 'model', 'model_name');
  if (!name) throw new Error('no name or model column');
  const typeCell = pick(row, 'type', 'label');
  const label = (LABELS as readonly string[]).includes(typeCell ?? '') ? (typeCell as Label) : 'Model';
  const props: Props = {};
  const license = pick(row, 'license', 'licence');
  if (license) props.license = license;
  const open = pick(row, 'open_weights', 'openWeights', 'open');
  if (open) props.openWeights = /^(true|yes|1|y)$/i.test(open);
  const params = pick(row, 'parameters_b', 'params_b', 'parameters', 'params');
  if (params && Number.isFinite(Number(params.replace(/[bB]$/, '')))) props.parametersB = Number(params.replace(/[bB]$/, ''));
  const subject = sink.entity(name, label, { labels: [label], props });
  const orgName = pick(row, 'organisation', 'organization', 'developer', 'lab', 'company');
  const org = orgName ? sink.entity(orgName, 'Lab', { labels: ['Lab', 'Organization'] }) : null;
  if (org) sink.fact('DEVELOPED_BY', subject, org, quote);
  const countryName = pick(row, 'country', 'nation', 'hq_country');
  if (countryName) {
    const nation = sink.entity(countryName, 'Nation', { labels: ['Nation'] });
    sink.fact('HEADQUARTERED_IN', org ?? subject, nation, quote);
  }
  for (const hw of (pick(row, 'hardware', 'trained_on', 'chips') ?? '')
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    sink.fact('TRAINED_ON', subject, sink.entity(hw, 'Chip', { labels: ['Chip'] }), quote);
  }
  for (const base of (pick(row, 'base_model', 'derived_from') ?? '')
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    sink.fact('DERIVED_FROM', subject, sink.entity(base, 'Model', { labels: ['Model'] }), quote);
  }
}

/** Parses a CSV or JSONL table; rows that cannot be read are returned as problems with their line numbers. */
export function parseTable(text: string, url: string, ctx: ParseContext): { document: ParsedDocument; problems: TableProblem[] } {
  const sink = new RecordSink(ctx.gazetteer, url, 'table');
  const passthrough: ExtractedRecord[] = [];
  const problems: TableProblem[] = [];
  const lines = text.split(/\r?\n/);
  const jsonl = /\.jsonl$/i.test(url) || /^\s*\{/.test(lines.find((l) => l.trim()) ?? '');
  let header: string[] | null = null;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) return;
    try {
      if (jsonl) {
        const json: unknown = JSON.parse(raw);
        if (json && typeof json === 'object' && 'kind' in json) {
          const rec = factRecordSchema.safeParse(json);
          if (!rec.success) throw new Error(describeZodError(rec.error));
          passthrough.push(
            rec.data.kind === 'entity'
              ? ({ aliases: [], props: {}, source: url, confidence: 0.9, status: 'known', ...rec.data } as EntityOut)
              : ({ props: {}, quote: raw, source: url, confidence: 0.9, extractor: 'ingest/table@1', ...rec.data } as unknown as FactOut),
          );
          return;
        }
        const row = Object.fromEntries(Object.entries(json as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(';') : String(v ?? '')]));
        rowRecords(row, raw, sink);
        return;
      }
      const cells = csvCells(raw);
      if (!header) {
        header = cells.map((c) => c.toLowerCase().replace(/\s+/g, '_'));
        return;
      }
      if (cells.length !== header.length) throw new Error(`expected ${header.length} cells, found ${cells.length}`);
      rowRecords(Object.fromEntries(header.map((h, k) => [h, cells[k]!])), raw, sink);
    } catch (err) {
      problems.push({ line: lineNo, reason: (err as Error).message });
    }
  });
  if (!jsonl && !header) throw new InvalidInput(`table ${url}: empty`);
  return { document: { url, kind: 'table', title: url.split(/[\\/]/).pop() ?? url, text: '', hashText: text, records: [...sink.records, ...passthrough] }, problems };
}

export const tableSource: Source = {
  kind: 'table',
  accepts: (input: RawInput) => /\.(csv|jsonl|ndjson)$/i.test(input.url) || /text\/csv|application\/(x-)?ndjson|jsonl/i.test(input.contentType ?? ''),
  async parse(input, ctx) {
    const { document, problems } = parseTable(decodeBody(input.body, input.contentType), input.url, ctx);
    return { documents: [{ ...document, problems: problems.map((p) => `line ${p.line}: ${p.reason}`) }], items: [] };
  },
};
