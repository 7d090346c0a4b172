// Re-extraction: reads stored documents again with the current readers and extractor and
// supersedes the claims older extractor versions wrote. Only extraction claims
// (`ingest/<rule>@<version>`) are ever retracted: curated, imported and API claims stay. A document
// whose input was last read by this very version is skipped, so a second run changes nothing.
import { LABELS } from '../../schema/generated/model.js';
import type { DocumentInput, DocumentInputInfo, GraphStore } from '../../graph/store.js';
import { InvalidInput, StoreUnavailable } from '../../schema/errors.js';
import { relationId, type ClaimRecord } from '../../schema/records.js';
import { extractParsedWith } from '../document.js';
import { Gazetteer } from '../extract/gazetteer.js';
import { extractionTag } from '../extract/llm/combine.js';
import { emptyStats, type LlmExtractor, type LlmStats } from '../extract/llm/extractor.js';
import { isLlmExtractor } from '../extract/llm/prompt.js';
import { usesLlm, type ExtractorMode } from '../extract/llm/settings.js';
import { EXTRACTOR_VERSION, versionOfExtractor } from '../extract/version.js';
import { reparse } from './stored-input.js';
import { prepareWrite } from './to-batch.js';

export interface ReextractOptions {
  store: GraphStore;
  /** only documents whose id, URL or ingest job equals one of these, or whose URL starts with one */
  sources?: string[];
  /** compute and report, write nothing */
  dryRun?: boolean;
  now?: () => Date;
  progress?: (label: string, done: number, total?: number) => void;
  /** what reads the documents: the rules (default), a model, or both */
  extractor?: ExtractorMode;
  /** the model, for `llm` and `both` */
  llm?: LlmExtractor;
}

/** A relation a document's claims state: `REL subject -> object` by entity ids. */
export interface FactChange {
  rel: string;
  subject: string;
  object: string;
}

export interface DocumentReextraction {
  documentId: string;
  url: string;
  /** reextracted: read again (claims may or may not have changed); failed: left as it was */
  status: 'reextracted' | 'failed';
  /** the extractor versions of the claims it held before (empty when it held none) */
  fromVersions: string[];
  claimsAdded: number;
  claimsRetracted: number;
  /** relations the document now states that it did not, and those it no longer states */
  factsAdded: FactChange[];
  factsRemoved: FactChange[];
  entitiesAdded: number;
  error?: string;
  /** the model failed on it: the rules' records were used instead, and why */
  llmError?: string;
}

export interface ReextractReport {
  version: string;
  dryRun: boolean;
  /** stored documents the selection matched */
  matched: number;
  /** of those, already read by this version (skipped) */
  current: number;
  /** URLs of matching documents holding extraction claims of another version but no stored input (imported, or ingested before inputs were kept): ingest them again */
  withoutInput: string[];
  documents: DocumentReextraction[];
  totals: { claimsAdded: number; claimsRetracted: number; factsAdded: number; factsRemoved: number; entitiesAdded: number; failed: number; llmFailed: number };
  /** what the model cost and dropped, when one read the documents */
  llm?: LlmStats;
}

/** The version of the extractor an extraction claim came from (the rules' version, or a model's whole id), or undefined for other claims. */
const extractedBy = (extractor: string): string | undefined => versionOfExtractor(extractor) ?? (isLlmExtractor(extractor) ? extractor : undefined);

const factOf = (c: Pick<ClaimRecord, 'rel' | 'subject' | 'object'>): FactChange => ({ rel: c.rel, subject: c.subject, object: c.object });

/** Whether a stored input is one the selection names. */
function selected(info: DocumentInputInfo, documentUrl: string | undefined, sources: string[] | undefined): boolean {
  if (!sources?.length) return true;
  return sources.some((s) => info.documentId === s || info.url === s || documentUrl === s || info.job === s || info.url.startsWith(s) || !!documentUrl?.startsWith(s));
}

/** Re-runs the current extractor over the stored documents that need it; returns what changed per document. */
export async function reextract(opts: ReextractOptions): Promise<ReextractReport> {
  const { store } = opts;
  const now = opts.now ?? (() => new Date());
  const mode = opts.extractor ?? 'rules';
  if (usesLlm(mode) && !opts.llm) throw new InvalidInput(`--extractor ${mode}: no model configured (LLM_BASE_URL, LLM_MODEL)`);
  const tag = extractionTag(mode, opts.llm);
  const stats = usesLlm(mode) && opts.llm ? emptyStats(opts.llm.id) : undefined;
  const choice = { mode, ...(opts.llm ? { llm: opts.llm } : {}), ...(stats ? { stats } : {}) };
  const infos = await store.listDocumentInputs();
  const records = await store.getDocuments(infos.map((i) => i.documentId));
  const chosen = infos.filter((i) => selected(i, records.get(i.documentId)?.url, opts.sources));
  const todo = chosen.filter((i) => i.extractedWith !== tag);
  const claims = await store.allClaims();
  // documents holding extraction claims of another version that cannot be read again: no input kept
  const hasInput = new Set(infos.map((i) => i.documentId));
  const stale = new Set(claims.filter((c) => !hasInput.has(c.documentId) && (versionOfExtractor(c.extractor) ?? EXTRACTOR_VERSION) !== EXTRACTOR_VERSION).map((c) => c.documentId));
  const staleDocs = await store.getDocuments([...stale]);
  const withoutInput = [...stale]
    .map((id) => ({ id, url: staleDocs.get(id)?.url ?? id }))
    .filter((d) => !opts.sources?.length || opts.sources.some((s) => d.id === s || d.url === s || d.url.startsWith(s)))
    .map((d) => d.url)
    .sort();
  const report: ReextractReport = {
    version: tag,
    dryRun: !!opts.dryRun,
    matched: chosen.length,
    current: chosen.length - todo.length,
    withoutInput,
    documents: [],
    totals: { claimsAdded: 0, claimsRetracted: 0, factsAdded: 0, factsRemoved: 0, entitiesAdded: 0, failed: 0, llmFailed: 0 },
    ...(stats ? { llm: stats } : {}),
  };
  if (!todo.length) return report;

  // the live claims of the documents to read, by document (claims never move between documents)
  const wanted = new Set(todo.map((i) => i.documentId));
  const liveByDocument = new Map<string, ClaimRecord[]>();
  for (const c of claims) {
    if (!wanted.has(c.documentId)) continue;
    const list = liveByDocument.get(c.documentId);
    if (list) list.push(c);
    else liveByDocument.set(c.documentId, [c]);
  }

  let gazetteer: Gazetteer | null = null;
  let done = 0;
  for (const info of todo) {
    const url = records.get(info.documentId)?.url ?? info.url;
    const outcome: DocumentReextraction = {
      documentId: info.documentId,
      url,
      status: 'reextracted',
      fromVersions: [],
      claimsAdded: 0,
      claimsRetracted: 0,
      factsAdded: [],
      factsRemoved: [],
      entitiesAdded: 0,
    };
    try {
      // as the pipeline builds it: the store's entities (no relations), documents aside
      gazetteer ??= Gazetteer.build(await store.entitiesOf(LABELS.filter((l) => l !== 'Document')));
      const input: DocumentInput | undefined = (await store.getDocumentInputs([info.documentId])).get(info.documentId);
      if (!input) throw new Error('its stored input is gone');
      const parsed = await reparse(input, url, gazetteer);
      if (!parsed) throw new Error(`read as ${input.readAs}, it gives no document now`);
      const read = await extractParsedWith(parsed, gazetteer, choice, url);
      if (read.error) outcome.llmError = `${read.error.reason}: ${read.error.message}`;
      const prepared = await prepareWrite(parsed, read.records, store, { observedAt: now().toISOString().slice(0, 10), supersede: false });
      const live = liveByDocument.get(info.documentId) ?? [];
      const extracted = live.filter((c) => extractedBy(c.extractor) !== undefined);
      const fresh = prepared.batch.claims ?? [];
      const freshIds = new Set(fresh.map((c) => c.id));
      const liveIds = new Set(live.map((c) => c.id));
      const retract = extracted.filter((c) => !freshIds.has(c.id));
      const add = fresh.filter((c) => !liveIds.has(c.id));
      const before = new Map(extracted.map((c) => [relationId(c.subject, c.rel, c.object), c]));
      const after = new Map(fresh.map((c) => [relationId(c.subject, c.rel, c.object), c]));
      outcome.fromVersions = [...new Set(extracted.map((c) => extractedBy(c.extractor)!))].sort();
      outcome.factsAdded = [...after].filter(([k]) => !before.has(k)).map(([, c]) => factOf(c));
      outcome.factsRemoved = [...before].filter(([k]) => !after.has(k)).map(([, c]) => factOf(c));
      outcome.entitiesAdded = prepared.batch.entities?.length ?? 0;
      outcome.claimsAdded = add.length;
      outcome.claimsRetracted = retract.length;
      if (!opts.dryRun) {
        await store.write({
          documents: [prepared.document],
          entities: prepared.batch.entities ?? [],
          claims: add,
          retractClaims: retract.map((c) => c.id),
          inputs: [{ ...input, extractedWith: read.extractedWith }],
        });
        // entities new to the store become known to the documents after this one
        if (outcome.entitiesAdded) gazetteer = null;
      }
    } catch (err) {
      if (err instanceof StoreUnavailable) throw err;
      outcome.status = 'failed';
      outcome.error = (err as Error).message;
      outcome.factsAdded = [];
      outcome.factsRemoved = [];
      outcome.claimsAdded = outcome.claimsRetracted = outcome.entitiesAdded = 0;
      report.totals.failed++;
    }
    report.documents.push(outcome);
    if (outcome.llmError) report.totals.llmFailed++;
    report.totals.claimsAdded += outcome.claimsAdded;
    report.totals.claimsRetracted += outcome.claimsRetracted;
    report.totals.factsAdded += outcome.factsAdded.length;
    report.totals.factsRemoved += outcome.factsRemoved.length;
    report.totals.entitiesAdded += outcome.entitiesAdded;
    opts.progress?.('reextract', ++done, todo.length);
  }
  return report;
}
