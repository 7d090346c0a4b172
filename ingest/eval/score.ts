// Scores extracted fact records against gold fact records, by the rules of the project's scorer
// (the one the gold was written for): entities match on their normalised name or any alias
// (types are not compared); facts on relation type, subject and object, in that direction, either
// way round for the symmetric relations; a relaxed fact score lets names meet on half their words.
// Every record is keyed by the file name its `source` ends with, so a fact counts once per
// document that states it.

/** A fact record as gold files and `extract` hold it (only the fields scoring reads). */
export interface ScoredRecord {
  kind?: unknown;
  name?: unknown;
  id?: unknown;
  aliases?: unknown;
  source?: unknown;
  rel?: unknown;
  subject?: { name?: unknown; id?: unknown } | null;
  object?: { name?: unknown; id?: unknown } | null;
  inferred?: unknown;
  props?: { inferred?: unknown } | null;
}

/** Precision, recall and F1 over sets of keys, with what was missed (in gold, not predicted) and what was spurious. */
export interface Prf {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  spurious: string[];
}

export interface ScoreOptions {
  /** drop gold facts marked `"inferred": true` (at top level or in props) */
  explicitOnly?: boolean;
}

export interface DocumentScore {
  document: string;
  entities: Prf;
  facts: Prf;
  factsRelaxed: Prf;
}

export interface Score {
  entities: Prf;
  facts: Prf;
  factsRelaxed: Prf;
  /** per document (by file name), in the order documents first appear in gold, then in predictions */
  documents: DocumentScore[];
  /** facts per relation type, sorted by type */
  relations: { rel: string; facts: Prf }[];
}

/** Relations whose direction carries no meaning. */
export const SYMMETRIC_RELATIONS: ReadonlySet<string> = new Set(['PARTNERS_WITH', 'SUBSTITUTES']);

const STOP = new Set(['the', 'inc', 'ltd', 'llc', 'corp', 'corporation', 'co', 'company', 'sa', 'ag', 'plc', 'of']);

/** A name as the scorer compares it: lower case, no accents, words of letters, digits and inner dots, without legal suffixes. */
export function normaliseName(s: unknown): string {
  return String(s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w && !STOP.has(w))
    .join(' ');
}

/** The file name a record's source ends with. */
export const documentOf = (r: ScoredRecord): string =>
  String(r.source ?? '')
    .split(/[\\/]/)
    .pop()!;

const isInferred = (r: ScoredRecord) => r.inferred === true || r.props?.inferred === true;

function prf(goldKeys: string[], predKeys: string[]): Prf {
  const g = new Set(goldKeys);
  const p = new Set(predKeys);
  let tp = 0;
  for (const k of p) if (g.has(k)) tp++;
  return {
    ...figures(g.size, p.size, tp),
    missed: [...g].filter((k) => !p.has(k)),
    spurious: [...p].filter((k) => !g.has(k)),
  };
}

function figures(gold: number, predicted: number, matched: number): Omit<Prf, 'missed' | 'spurious'> {
  const precision = predicted ? matched / predicted : 0;
  const recall = gold ? matched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, matched, precision, recall, f1 };
}

/** Union-find over normalised names: every alias of an entity (gold or predicted) joins its name's class. */
class NameClasses {
  private readonly parent = new Map<string, string>();
  private readonly idName = new Map<string, string>();

  constructor(records: readonly ScoredRecord[]) {
    for (const r of records) {
      if (r.kind !== 'entity') continue;
      const n = normaliseName(r.name);
      this.union(n, n);
      for (const a of Array.isArray(r.aliases) ? r.aliases : []) this.union(n, normaliseName(a));
      if (r.id) this.idName.set(String(r.id), n);
    }
  }

  private find(x: string): string {
    while (this.parent.has(x) && this.parent.get(x) !== x) x = this.parent.get(x)!;
    return x;
  }

  private union(a: string, b: string): void {
    if (!a || !b) return;
    if (!this.parent.has(a)) this.parent.set(a, a);
    if (!this.parent.has(b)) this.parent.set(b, b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }

  /** The class an entity or endpoint belongs to: its name, else the name of its id, else its id. */
  key(ref: { name?: unknown; id?: unknown } | null | undefined): string {
    if (!ref) return '';
    const n = ref.name != null ? normaliseName(ref.name) : (this.idName.get(String(ref.id)) ?? normaliseName(ref.id));
    return this.parent.has(n) ? this.find(n) : n;
  }
}

const words = (k: string) => new Set(k.split(' ').filter(Boolean));

/** Whether two names meet on half their words or more (Jaccard). */
function close(a: string, b: string): boolean {
  if (a === b) return true;
  const A = words(a);
  const B = words(b);
  let both = 0;
  for (const w of A) if (B.has(w)) both++;
  return both / (A.size + B.size - both) >= 0.5;
}

/** Relaxed fact matching, one to one, greedy in prediction order; keys are `doc#REL|subject|object`. */
function relaxed(goldKeys: string[], predKeys: string[]): { matchedPred: Set<number>; gold: string[][]; pred: string[][] } {
  const g = [...new Set(goldKeys)].map((k) => k.split('|'));
  const p = [...new Set(predKeys)].map((k) => k.split('|'));
  const used = new Set<number>();
  const matchedPred = new Set<number>();
  p.forEach(([rel, s, o], pi) => {
    const i = g.findIndex(
      (x, j) => !used.has(j) && x[0] === rel && ((close(x[1]!, s!) && close(x[2]!, o!)) || (SYMMETRIC_RELATIONS.has(rel!.split('#').pop()!) && close(x[1]!, o!) && close(x[2]!, s!))),
    );
    if (i >= 0) {
      used.add(i);
      matchedPred.add(pi);
    }
  });
  return { matchedPred, gold: g, pred: p };
}

/** Scores predicted records against gold records, per document, in total and per relation type. */
export function score(goldRecords: readonly ScoredRecord[], predRecords: readonly ScoredRecord[], opts: ScoreOptions = {}): Score {
  const gold = goldRecords.filter((r) => !(opts.explicitOnly && isInferred(r)));
  const pred = [...predRecords];
  const names = new NameClasses([...gold, ...pred]);
  const doc = (r: ScoredRecord) => `${documentOf(r)}#`;
  const factKey = (r: ScoredRecord) => {
    let s = names.key(r.subject);
    let o = names.key(r.object);
    if (SYMMETRIC_RELATIONS.has(String(r.rel)) && s > o) [s, o] = [o, s];
    return `${doc(r)}${String(r.rel)}|${s}|${o}`;
  };
  const entityKeys = (rs: ScoredRecord[]) => rs.filter((r) => r.kind === 'entity').map((r) => `${doc(r)}${names.key(r)}`);
  const factKeys = (rs: ScoredRecord[]) => rs.filter((r) => r.kind === 'fact').map(factKey);

  const ge = entityKeys(gold);
  const pe = entityKeys(pred);
  const gf = factKeys(gold);
  const pf = factKeys(pred);
  const rx = relaxed(gf, pf);
  const relaxedOf = (inDoc: (k: string) => boolean): Prf => {
    const g = rx.gold.filter((x) => inDoc(x[0]!));
    const idx = rx.pred.map((x, i) => [x, i] as const).filter(([x]) => inDoc(x[0]!));
    const matched = idx.filter(([, i]) => rx.matchedPred.has(i)).length;
    return { ...figures(g.length, idx.length, matched), missed: [], spurious: [] };
  };

  const order: string[] = [];
  for (const r of [...gold, ...pred]) {
    const d = documentOf(r);
    if (!order.includes(d)) order.push(d);
  }
  const prefixed = (d: string) => (k: string) => k.startsWith(`${d}#`);
  const documents = order.map((d) => {
    const mine = prefixed(d);
    return { document: d, entities: prf(ge.filter(mine), pe.filter(mine)), facts: prf(gf.filter(mine), pf.filter(mine)), factsRelaxed: relaxedOf(mine) };
  });

  const relOf = (k: string) => k.slice(k.lastIndexOf('#', k.indexOf('|')) + 1, k.indexOf('|'));
  const rels = [...new Set([...gf, ...pf].map(relOf))].sort();
  const relations = rels.map((rel) => ({
    rel,
    facts: prf(
      gf.filter((k) => relOf(k) === rel),
      pf.filter((k) => relOf(k) === rel),
    ),
  }));

  return { entities: prf(ge, pe), facts: prf(gf, pf), factsRelaxed: relaxedOf(() => true), documents, relations };
}
