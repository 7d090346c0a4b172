// Policy documents (Federal Register rules, EUR-Lex acts, statutes, memos) as HTML or text: the
// title, issuing body, document number and dates become a Regulation with ENACTED_BY; sentences
// stating an effect on named entities become APPLIES_TO through a rule bound to that regulation.
import type { Props } from '../../schema/records.js';
import { instrumentOf } from '../extract/instrument.js';
import { appliesToRule } from '../extract/rules/applies-to.js';
import { RecordSink } from '../extract/structured.js';
import type { EndpointOut } from '../extract/extract.js';
import { decodeBody } from './decode.js';
import { isoDateOf, parseHtml } from './html.js';
import type { ParsedDocument, RawInput, Source, ParseContext } from './source.js';

const MONTH_DATE = '(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2},? \\d{4}|\\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}|\\d{4}-\\d{2}-\\d{2}';

const line = (text: string, label: string) => new RegExp(`^\\s*(?:${label})\\s*:?\\s*(.+)$`, 'im').exec(text);
const iso = (d: string | undefined) => (d ? isoDateOf(d)?.slice(0, 10) : undefined);

/** "Regulation (EU) 2024/1689" however the act writes its own designation. */
function euNumber(text: string): string | undefined {
  const m = /\b(Regulation|Directive|Decision) \((EU|EC|Euratom)\) (?:No )?(\d{2,4}\/\d{1,4})/i.exec(text);
  return m ? `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} (${m[2]!.toUpperCase() === 'EURATOM' ? 'Euratom' : m[2]!.toUpperCase()}) ${m[3]}` : undefined;
}

function documentNumber(text: string): string | undefined {
  return (
    /\b(?:FR Doc\.?|Document Number:?|Doc(?:ument)? No\.?)\s*([0-9]{4}-[0-9]{4,6})/i.exec(text)?.[1] ??
    /\bCELEX(?: number)?:?\s*([0-9A-Z()]{6,})/i.exec(text)?.[1] ??
    euNumber(text) ??
    /\b(?:Executive Order|E\.O\.)\s*(\d{5})/.exec(text)?.[1] ??
    /\bPublic Law\s*(\d{2,3}-\d{1,3})/i.exec(text)?.[1]
  );
}

/** The issuing bodies a policy text names: a Federal Register AGENCY line, an EU act's authors, an "Issued by" line. */
function issuers(text: string): string[] {
  const agency = line(text, 'AGENCY|Agency|Issuing body|Issued by|From');
  // "AGENCY: Bureau of Industry and Security, Commerce." names the bureau, then its department
  if (agency) return [agency[1]!.split(/[;,]/)[0]!.replace(/\.$/, '').trim()].filter(Boolean);
  const eu = /\bof the (European Parliament) and of the (Council)\b/i.exec(text.slice(0, 3000));
  if (eu) return ['European Parliament', 'Council of the European Union'];
  if (/\bCommission (?:Implementing |Delegated )?(?:Regulation|Decision|Directive)\b/i.test(text.slice(0, 3000))) return ['European Commission'];
  if (/^\s*Executive Order \d{5}/im.test(text.slice(0, 3000)) || /\bBy the authority vested in me as President\b/i.test(text)) return ['White House'];
  return [];
}

/** A Federal Register document's title: the last line before its AGENCY: line that is not a header (department, CFR parts, docket, RIN). */
function federalRegisterTitle(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim());
  const agencyAt = lines.findIndex((l) => /^AGENCY:/.test(l));
  if (agencyAt <= 0) return undefined;
  const header = (l: string) => !l || /^\d+ CFR\b/.test(l) || /^\[/.test(l) || /^(RIN|Billing Code|FR Doc)\b/i.test(l) || l === l.toUpperCase();
  for (let i = agencyAt - 1; i >= 0; i--) if (!header(lines[i]!)) return lines[i]!.replace(/\.$/, '');
  return undefined;
}

/** Parses a policy document (HTML or text) into a document with its Regulation and relations. */
export function parsePolicy(raw: string, url: string, ctx: ParseContext, isHtml: boolean): ParsedDocument {
  const base = isHtml ? parseHtml(raw, url) : { url, kind: 'policy' as const, text: raw.replace(/\r\n/g, '\n'), records: [] };
  const text = base.text;
  const firstLine = text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? url;
  const title = (base.title || line(text, 'Title')?.[1] || federalRegisterTitle(text) || firstLine).slice(0, 300).trim();
  const sink = new RecordSink(ctx.gazetteer, base.url, 'policy');
  const action = line(text, 'ACTION')?.[1];
  const inst = instrumentOf((action ?? title).replace(/\.$/, ''));
  const effective = new RegExp(`effective(?: on| date:?)? (${MONTH_DATE})`, 'i').exec(text)?.[1];
  const published = new RegExp(`(?:published|date of publication|dated?)[: ]+(?:on )?(${MONTH_DATE})`, 'i').exec(text)?.[1];
  const number = documentNumber(text);
  const props: Props = {
    ...(inst ? { kind: inst.kind } : {}),
    ...(number ? { documentNumber: number } : {}),
    ...(iso(published) ?? base.publishedAt ? { publishedDate: (iso(published) ?? base.publishedAt!).slice(0, 10) } : {}),
    ...(iso(effective) ? { effectiveDate: iso(effective)! } : {}),
  };
  // a title that names a regulation the graph knows ("REGULATION (EU) 2024/1689 OF ...") is that regulation
  const knownHits = ctx.gazetteer.match(title).filter((h) => h.candidates.length === 1 && h.candidates[0]!.entity.label === 'Regulation');
  const regName = knownHits[0]?.candidates[0]?.entity.name ?? title;
  const regulation = sink.entity(regName, 'Regulation', { labels: ['Regulation'], props, confidence: 0.85, ...(regName !== title ? { aliases: [title] } : {}) });
  const bodies: EndpointOut[] = [];
  for (const name of issuers(text)) {
    const body = sink.entity(name, 'Organization', { labels: ['Organization', 'Nation'], props: { kind: 'agency' } });
    if (body) bodies.push(body);
    const quote = line(text, 'AGENCY|Agency|Issuing body|Issued by|From')?.[0]?.trim() ?? firstLine;
    sink.fact('ENACTED_BY', regulation, body, quote, { confidence: 0.9 });
  }
  return {
    ...base,
    kind: 'policy',
    title,
    ...(props.publishedDate ? { publishedAt: props.publishedDate as string } : {}),
    records: sink.records,
    extraRules: regulation ? [appliesToRule({ label: 'Regulation', name: regulation.name, props }, bodies.map((b) => b.id), regulation.id)] : [],
  };
}

const POLICY_URL = /federalregister\.gov|eur-lex\.europa\.eu|govinfo\.gov|congress\.gov|legislation\.gov\.uk|bis\.doc\.gov|whitehouse\.gov\/presidential-actions|\.gov\.cn\/zhengce/i;

export const policySource: Source = {
  kind: 'policy',
  accepts: (input: RawInput) => POLICY_URL.test(input.url) || /(^|>)\s*(AGENCY:|ACTION:)/m.test(decodeBody(input.body, input.contentType).slice(0, 5000)),
  async parse(input, ctx) {
    const raw = decodeBody(input.body, input.contentType);
    const isHtml = /html/i.test(input.contentType ?? '') || /^\s*(<!doctype html|<html)/i.test(raw.slice(0, 200));
    return { documents: [parsePolicy(raw, input.url, ctx, isHtml)], items: [] };
  },
};
