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
    this.push({ kind: 'entity', type: r.label, name: r.name, id: r.id, aliases: opts.aliases ?? [], props: opts.props ?? {}, source: this.source, confidence: opts.confidence ?? 0.7, status: 'proposed' });
    return { type: r.label, name: r.name, id: r.id };
  }

  /** A relation fact, when the schema allows it between the two endpoints and its props validate. */
  fact(rel: RelationType, subject: EndpointOut | null, object: EndpointOut | null, quote: string | undefined, opts: { props?: Props; confidence?: number } = {}): void {
    if (!subject || !object || subject.id === object.id || !allowed(rel, subject.type, object.type)) return;
    const props = opts.props ?? {};
    if (!relationProps[rel].safeParse(props).success) return;
    this.push({ kind: 'fact', rel, subject, object, props, ...(quote ? { quote } : {}), source: this.source, confidence: opts.confidence ?? 0.85, extractor: `ingest/${this.extractor}@${EXTRACTOR_VERSION}` });
  }

  private push(r: EntityOut | FactOut): void {
    const key = r.kind === 'entity' ? `e|${r.id ?? r.name}` : `f|${r.rel}|${r.subject.id}|${r.object.id}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.records.push(r);
  }
}
