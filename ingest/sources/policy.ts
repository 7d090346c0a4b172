// Policy documents (Federal Register rules with or without their headers, EU and national law
// articles, US Code sections, bills, memos) as HTML or text: the title (never a department header or
// a citation line), issuing body, document number and dates become a Regulation with ENACTED_BY;
// sentences stating an effect on named entities become APPLIES_TO through a rule bound to that
// regulation.
import type { Props } from '../../schema/records.js';
import { instrumentOf } from '../extract/instrument.js';
import { LEXICON, NATIONS_BY_ISO, nationInName, type LexiconEntry } from '../extract/lexicon.js';
import { escapeRegExp } from '../extract/regex.js';
import { issuerOpening } from '../extract/rules/enacted-by.js';
import { appliesToRule } from '../extract/rules/applies-to.js';
import { RecordSink } from '../extract/structured.js';
import type { EndpointOut } from '../extract/extract.js';
import { decodeBody } from './decode.js';
import { isoDateOf, parseHtml } from './html.js';
import { reflowWrapped } from './reflow.js';
import type { ParsedDocument, RawInput, Source, ParseContext } from './source.js';

const MONTH_DATE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2},? \\d{4}|\\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}|\\d{4}-\\d{2}-\\d{2}';

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

// the line that names a document's issuer: a label and its colon ("AGENCY: …", "Issued by: …"); "From the Federal Register Online …" is none
// (a Chinese ministry's release labels its fields in brackets: "[Issuing Unit] …")
const ISSUING_FIELD = 'Issuing (?:Unit|Authority|Body|Department)|Issued by';
const ISSUER_LINE = new RegExp(`^\\s*(?:(?:AGENCY|Agency|Issuing body|Issued by|From)\\s*:|\\[(?:${ISSUING_FIELD})\\])\\s*(.+)$`, 'm');

// a copy whose preamble ran together ("… Bureau of Industry and Security, Commerce. ACTION: …", its AGENCY label
// moved elsewhere): the agency and its department just before ACTION:
const AGENCY_BEFORE_ACTION =
  /\b((?:Bureau|Office|Agency|Administration|Service) (?:of|for) (?:the )?[A-Z][\w&'’-]*(?: (?:and|of|for|the|[A-Z][\w&'’-]*)){0,6}), ((?:(?:Department|Ministry) of (?:the )?)?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})\.?\s+ACTION:/;

/** The agency a Federal Register preamble names and the department it belongs to ("AGENCY: Bureau of …, Department of Commerce."), with the words that say so. */
export function agencyLine(text: string): { agency: string; parent?: string; quote: string } | undefined {
  const agency = ISSUER_LINE.exec(text) ?? /(?:^|>)\s*AGENCY:\s*(?:<[^>]+>)?\s*\n?\s*([^<\n]+)/m.exec(text);
  // "AGENCY: Bureau of Industry and Security, Commerce." names the bureau, then its department
  // (a copy whose text ran together can put a sentence after "AGENCY:": no agency's name, so none)
  const parts = agency?.[1]!.split(/[;,]/).map((p) => p.replace(/\.$/, '').trim());
  if (parts?.[0] && AGENCY_HEADER.test(parts[0])) return { agency: parts[0], ...parentOf(parts[1]), quote: agency![0].trim() };
  const flat = /\bAGENCY:/.test(text) ? AGENCY_BEFORE_ACTION.exec(text.slice(0, 20000)) : null;
  return flat ? { agency: flat[1]!, ...parentOf(flat[2]), quote: flat[0].replace(/\s*ACTION:$/, '') } : undefined;
}

/** The department after an agency's name: "Department of Commerce", or the department by its one word ("Commerce", "the Treasury"). */
function parentOf(part: string | undefined): { parent?: string } {
  const p = part?.replace(/^the /, '').trim();
  if (!p || p.split(' ').length > 6) return {};
  if (/^(?:(?:U\.S\.|US|United States) )?(?:Department|Ministry) (?:of|for) /.test(p)) return { parent: p };
  return /^[A-Z][a-z]+$/.test(p) && p !== 'Office' ? { parent: `Department of ${p === 'Treasury' ? 'the Treasury' : p}` } : {};
}

// the enacting formula of a President's order ("By the authority vested in me as President by the Constitution …, it is hereby ordered")
const PRESIDENT_ORDERS = /\bBy\s+the\s+authority\s+vested\s+in\s+me\s+as\s+President\b/i;

/**
 * The issuing bodies a policy text names: a Federal Register AGENCY line's agency (`agency`, read once by the caller), an
 * EU act's authors, an "Issued by" line.
 */
function issuers(text: string, agency: ReturnType<typeof agencyLine>): string[] {
  const named = agency?.agency;
  if (named) return [named];
  // a header line of agencies, the department first ("Commerce Department, Industry and Security Bureau"): the most specific, in its usual word order
  const header = text.split('\n', 1)[0]!.trim();
  if (header.includes(',') && AGENCY_HEADER.test(header)) {
    const last = header
      .split(/[,;]\s*/)
      .filter(Boolean)
      .pop()!;
    const inverted = /^(.+) (Bureau|Office|Agency|Administration|Service)$/.exec(last);
    return [inverted ? `${inverted[2]} of ${inverted[1]}` : last];
  }
  // an act of the Union's legislature is the Union's too
  const eu = /\bof the (European Parliament) and of the (Council)\b/i.exec(text.slice(0, 3000));
  if (eu) return ['European Parliament', 'Council of the European Union', 'European Union'];
  if (/\bCommission (?:Implementing |Delegated )?(?:Regulation|Decision|Directive)\b/i.test(text.slice(0, 3000))) return ['European Commission'];
  // a President's order is the nation's, as a bill of Congress is
  if (/^\s*Executive Order \d{5}/im.test(text.slice(0, 3000)) || PRESIDENT_ORDERS.test(text)) return ['United States'];
  // a bill of Congress ("Be it enacted by the Senate and House of Representatives of the United States of America …") is the nation's
  if (/\bBe it enacted by the Senate and House of Representatives of the United States\b/.test(text.replace(/\s+/g, ' '))) return ['United States'];
  // a section of the US Code is federal law: enacted by the United States
  if (/^\s*\d+ U\.? ?S\.? ?C\.? §+ ?\d+/m.test(text.slice(0, 3000))) return ['United States'];
  return [];
}

// What marks a policy text, each read off its structure or its way of naming itself, with a weight;
// a text is a policy text at 2. A news story about a rule says "the rule", never "this rule".
const POLICY_SIGNALS: [RegExp, number][] = [
  [/(?:^|>)\s*(?:AGENCY|ACTION)\s*:/m, 2], // a Federal Register preamble
  [/<(?:RULE|PRORULE|NOTICE|PRESDOCU|SUBAGY|PREAMB)>/, 2], // Federal Register XML
  [/(?:^|>)\s*(?:SUMMARY|DATES|ADDRESSES|FOR FURTHER INFORMATION CONTACT|SUPPLEMENTARY INFORMATION)\s*:/m, 1],
  [/\b\d+ CFR (?:[Pp]arts? )?\d+/, 1],
  [/\bRIN \d{4}-[A-Z]{2}\d{2}\b/, 1],
  [/\bFed\. ?Reg\.|\bFR Doc\b/, 1],
  [/\b[Tt]his (?:interim final|final|proposed) rule\b/, 1],
  [/^\s*(?:Article|ARTICLE|Art\.) \d+[a-z]?\s*$/m, 1], // an article's heading line
  [/^\s*(?:CHAPTER|TITLE|PART) [IVXLC\d]+\s*$/m, 1],
  [/^\s*\d+ U\.? ?S\.? ?C\.? §+ ?\d+/m, 2], // a US Code section
  [/^\s*§+ ?\d+[\w.-]*\.?\s/m, 1],
  [/\bBe it enacted\b|^\s*A BILL\s*$|\[Congressional Bills\b|\bThis Act may be cited as\b/m, 2], // bills and acts
  [PRESIDENT_ORDERS, 2], // a President's order
  [new RegExp(`^\\s*\\[(?:${ISSUING_FIELD}|Issuing Document Number|Document Number|Issuing Date)\\]`, 'm'), 2], // a ministry's release, its fields in brackets
  [/^\s*SEC(?:TION)?\. \d+\./m, 1],
  [/\bPub(?:lic|\.) ?L(?:aw|\.) ?(?:No\. ?)?\d{2,3}[-–]\d+/, 1],
  [/\b[Tt]his (?:Regulation|Directive|Act|Law|Decree|Ordinance|Chapter|Title|section)\b (?:shall|applies|lays down|does not|is without)/, 1],
  // an EU act's designation at a line's start with its authors ("Regulation (EU) 2031/12 of the European Parliament and of the Council …")
  [
    /^\s*(?:REGULATION|DIRECTIVE|DECISION|Regulation|Directive|Decision) \((?:EU|EC|Euratom)\) (?:No )?\d{2,4}\/\d{1,4} (?:OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL|of the European Parliament and of the Council)\b/m,
    2,
  ],
  // an act's citations and recitals
  [/^\s*Having regard to (?:the )?[A-Z]/m, 1],
  [/^\s*Whereas:\s*$/m, 1],
];

/** How strongly a text reads as a policy text (rule, act, article, section, bill). */
export function policyScore(text: string): number {
  // the Federal Register's list of issuing agencies on the first line ("Commerce Department, Industry and Security Bureau")
  const first = text.slice(0, 300).split('\n', 1)[0]!.trim();
  let score = first.includes(',') && AGENCY_HEADER.test(first) ? 1 : 0;
  for (const [re, weight] of POLICY_SIGNALS) if (re.test(text)) score += weight;
  // legal drafting: obligations stated with "shall", many times over
  if ((text.match(/\bshall\b/g)?.length ?? 0) >= 3) score += 1;
  return score;
}

// lines that head a policy text without naming it: departments and agencies, citations, dates, markers
const AGENCY_HEADER =
  /^(?:(?:(?:[A-Z][\w.&'’-]*|and|of|for|the|on|&) )*(?:Department|Bureau|Office|Agency|Administration|Commission|Service|Council|Ministry|Secretariat)(?: (?:of|for)(?: the)?(?: (?:[A-Z][\w.&'’-]*|and|of|the|&))+)?(?:[,;]\s*|$))+$/;
const CITATION_LINE = /^(?:\d+ (?:CFR\b|Fed\. ?Reg\.|FR\b)|Federal Register|\[|<|\(|RIN\b|Billing Code\b|FR Doc\b|Docket\b|Vol\.|No\.|Page \d)/i;
const DATE_LINE = new RegExp(`^(?:\\w+day, )?(?:${MONTH_DATE})\\.?$`, 'i');

const ARTICLE_HEADING = /^(?:Article|ARTICLE|Art\.) \d+[a-z]?$/;

// a citation a saved copy puts after the title: "(90 FR 5298, FR Doc 2025-00711)", ", 96790-96830 [2024-28270]"
const CITATION_TAIL = /(?:\s*\((?:\d+ FR \d+|FR Doc)[^)]*\)|,?\s*(?:\d+[-–]\d+\s*)?\[\d{4}-\d{4,6}\])+\s*$/;

// what may come before a statute's name in a title (a publisher's or a section's name, then a dash or a colon) and after it
// (its abbreviation, the articles or sections quoted)
const SEPARATED = /\s(?:[–—|-]|:)\s$/;
const ARTICLES_TAIL = /^(?:\s*\([A-Z][A-Za-z]{1,9}\))?(?:,?\s*(?:Art(?:icle)?s?\.?|Sections?|§+|Chapters?)\s*[\dIVXL]+(?:[\s,]*(?:and|to|-|–)?\s*[\dIVXL]+)*)?\s*$/;

/** Whether a line heads a document without being its title. */
const isHeaderLine = (l: string): boolean =>
  !l || AGENCY_HEADER.test(l) || CITATION_LINE.test(l) || DATE_LINE.test(l) || (l === l.toUpperCase() && /[A-Z]/.test(l)) || /^(?:Article|Art\.) \d+[a-z]?$/i.test(l);

/** A Federal Register document's title: the last line before its AGENCY: line that is not a header (department, CFR parts, docket, RIN, citation, date). */
function federalRegisterTitle(text: string): string | undefined {
  const subject = /<SUBJECT>([^<]+)<\/SUBJECT>/.exec(text)?.[1]?.trim();
  if (subject) return subject;
  const lines = text.split('\n').map((l) => l.trim());
  const agencyAt = lines.findIndex((l) => /^(?:<[^>]+>)?AGENCY:/.test(l));
  if (agencyAt <= 0) return undefined;
  // the title is the run of lines just above AGENCY: that are no header (a long title wraps over several)
  let end = agencyAt - 1;
  while (end >= 0 && isHeaderLine(lines[end]!)) end--;
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && !isHeaderLine(lines[start - 1]!) && end - start < 5) start--;
  return lines
    .slice(start, end + 1)
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '');
}

/** An article's heading: "Article 53" then its heading line ("Obligations for providers of …"), with the article's number. */
function articleTitle(text: string): { title: string; article: string } | undefined {
  // (a heading is a whole line: a longer line is the article's first paragraph)
  const m = /^\s*(?:Article|ARTICLE|Art\.) (\d+[a-z]?)\s*\n(?:\s*\n)*\s*([^\n]{3,200})(?=\n|$)/m.exec(text.slice(0, 3000));
  if (!m) return undefined;
  const heading = m[2]!.trim();
  // a numbered paragraph straight after the number is no heading
  if (/^(?:\d+\.|\(\w+\))\s/.test(heading) || /[.;:]$/.test(heading)) return undefined;
  // a heading run over two lines ("… as general-purpose AI models with\nsystemic risk")
  const rest = text
    .slice(m.index + m[0].length)
    .match(/^\n([^\n]{2,120})\n\s*\n/)?.[1]
    ?.trim();
  const joined = rest && /^[a-z]/.test(rest) ? `${heading} ${rest}` : heading;
  return { title: `Article ${m[1]}: ${joined}`, article: m[1]! };
}

/** An EU act's own title line: "REGULATION (EU) 2024/1689 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL". */
function euActTitle(text: string): string | undefined {
  return /^\s*((?:REGULATION|DIRECTIVE|DECISION|Regulation|Directive|Decision) \((?:EU|EC|Euratom)\) (?:No )?\d{2,4}\/\d{1,4}[^\n]*)$/m.exec(text.slice(0, 3000))?.[1]?.trim();
}

/** The short title an act gives itself: "This Act may be cited as the “… Act of 2026”." */
function shortTitle(text: string): string | undefined {
  const m = /\bThis Act may be cited as (?:the )?(?:``|["“'‘])?([^"”'’\n]*(?:\n[^"”'’\n]*)?)(?:''|["”'’])/.exec(text);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : undefined;
}

/** The line (trimmed) where a pattern first matches, or undefined. */
function lineOf(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  const start = text.lastIndexOf('\n', m.index) + 1;
  const end = text.indexOf('\n', m.index + m[0].length);
  return text.slice(start, end < 0 ? text.length : end).trim();
}

/**
 * The designation a numbered instrument's title opens on, by which it is cited: the Union's "Regulation (EU) 2021/821" before
 * "of the European Parliament and of the Council …", a ministry's "Announcement No. 61 of 2025" before the colon of its title.
 */
function designationOf(title: string): string | undefined {
  const eu = /^((?:Regulation|Directive|Decision) \((?:EU|EC|Euratom)\) (?:No )?\d{2,4}\/\d{1,4})\b./i.exec(title);
  if (eu) return eu[1];
  const numbered = /^([^:]{3,80}\bNo\. ?\d+[^:]*): \S/.exec(title);
  return numbered?.[1]?.trim();
}

/** The first line that is not a header: a department, citation, date or article number. */
function firstTitleLine(text: string): string | undefined {
  for (const raw of text.split('\n').slice(0, 40)) {
    const l = raw.trim();
    if (isHeaderLine(l)) continue;
    // a sentence is no title
    return l.length <= 250 && !/[.;:,]$/.test(l) && !/^(?:With|In|On|The|This|Under|As) [^.]*\b(?:rule|regulation|act|notice)\b.*\.\s/i.test(l) ? l : undefined;
  }
  return undefined;
}

/**
 * The known act a text belongs to when it is one of its articles or refers to itself only as "this
 * Regulation" or "this Directive" (a chapter cut from the act): the act whose defined terms it uses, at least
 * two of them and more than any other act's. Its name as the graph knows it.
 */
function actByTerms(text: string, ctx: ParseContext, isArticle: boolean): string | undefined {
  if (!isArticle && !/\bthis\s+(?:Regulation|Directive)\b/i.test(text)) return undefined;
  const lower = text.toLowerCase();
  const counts = LEXICON.filter((e) => e.terms).map((e) => ({ e, n: e.terms!.filter((t) => lower.includes(t.toLowerCase())).length }));
  counts.sort((a, b) => b.n - a.n);
  const [best, next] = counts;
  if (!best || best.n < 2 || (next && next.n === best.n)) return undefined;
  return ctx.gazetteer.get(best.e.id)?.entity.name ?? best.e.name;
}

/**
 * Who a policy text's obligations do not fall on: its issuers, the agencies it names (they enforce,
 * notify and are notified) and its own jurisdiction (a US rule protects the United States; an EU act
 * binds providers, not the Union).
 */
function notRegulated(text: string, bodies: readonly EndpointOut[], ctx: ParseContext, named?: LexiconEntry): string[] {
  const ids = new Set(bodies.map((b) => b.id));
  // the body the instrument's name opens on ("MOFCOM Announcement No. 61") and its nation
  if (named) ids.add(named.id);
  if (named?.country) ids.add(`nation:${named.country.toLowerCase()}`);
  for (const b of bodies) {
    const country = ctx.gazetteer.get(b.id)?.country;
    if (country) ids.add(`nation:${country.toLowerCase()}`);
  }
  if (/\bMember States?\b|\bthe Union\b|\((?:EU|EC)\) (?:No )?\d/.test(text)) ids.add('nation:eu');
  if (/\bU\.? ?S\.? ?C\.?\s*§|\bCFR\b|\bFederal Register\b|\bFed\. ?Reg\.|\bCongress\b/.test(text)) ids.add('nation:us');
  // (an agency the text itself binds, "The Commission shall …", "The Secretary may …", is one of the parties it regulates: the
  // subjects of the text's obligations, read once)
  const bound = new Set([...text.matchAll(BOUND_SUBJECT)].map((m) => m[1]!));
  const binds = (names: readonly string[]) => names.some((n) => bound.has(n.replace(/^the /, '')));
  for (const k of ctx.gazetteer.all())
    if (k.entity.label === 'Organization' && k.entity.props.kind === 'agency' && !ids.has(k.entity.id) && !binds([k.entity.name, ...k.entity.aliases])) ids.add(k.entity.id);
  return [...ids];
}

// the subject that opens a sentence, an item or a line and is bound by it: "The Commission shall …", "(2) The AI Office may …"
const BOUND_SUBJECT = /(?:^|[.;:]\s+|\n\s*|\(\w{1,3}\)\s*)(?:The |the )?([A-Z][\w&.'’-]*(?: (?:of |for |and |the |on )*[A-Z][\w&.'’-]*){0,6}) (?:shall|may|must)\b/g;

/** Parses a policy document (HTML or text) into a document with its Regulation and relations. */
export function parsePolicy(raw: string, url: string, ctx: ParseContext, isHtml: boolean): ParsedDocument {
  const base = isHtml ? parseHtml(raw, url) : { url, kind: 'policy' as const, text: raw.replace(/\r\n/g, '\n'), records: [] };
  const text = base.text;
  const firstLine =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? url;
  const article = articleTitle(text);
  const action = line(text, 'ACTION')?.[1];
  const found =
    base.title ||
    /^\s*title\s*:\s*(.+)$/im.exec(text)?.[1]?.replace(/^["']|["']$/g, '') ||
    federalRegisterTitle(text) ||
    euActTitle(text) ||
    shortTitle(text) ||
    (ARTICLE_HEADING.test(firstLine) ? article?.title : (firstTitleLine(text) ?? article?.title));
  const number = documentNumber(text);
  const header = agencyLine(text);
  const issuing = issuers(text, header);
  const headerIssuer = issuing[0];
  // with no title anywhere, "<issuer> <instrument>" as the rule names itself ("this interim final rule"), with its number when it has one
  const selfNamed = /\b[Tt]his ((?:interim final|final|proposed) rule|(?:executive )?order|regulation|directive|notice)\b/.exec(text)?.[1];
  const title = (found || (headerIssuer && selfNamed ? `${headerIssuer} ${selfNamed}${number ? ` ${number}` : ''}` : firstLine)).replace(CITATION_TAIL, '').slice(0, 300).trim();
  const sink = new RecordSink(ctx.gazetteer, base.url, 'policy');
  const inst = instrumentOf((action ?? selfNamed ?? title).replace(/\.$/, ''));
  const effective = new RegExp(`effective(?: on| date:?)? (${MONTH_DATE})`, 'i').exec(text)?.[1];
  const published = new RegExp(`(?:published|date of publication|dated?)[: ]+(?:on )?(${MONTH_DATE})`, 'i').exec(text)?.[1];
  const props: Props = {
    ...(inst ? { kind: inst.kind } : {}),
    ...(article ? { article: article.article } : {}),
    ...(number ? { documentNumber: number } : {}),
    ...((iso(published) ?? base.publishedAt) ? { publishedDate: (iso(published) ?? base.publishedAt!).slice(0, 10) } : {}),
    ...(iso(effective) ? { effectiveDate: iso(effective)! } : {}),
  };
  // a title that names a regulation the graph knows ("REGULATION (EU) 2024/1689 OF ...") is that regulation;
  // an article or chapter that calls itself only "this Regulation" is one of the act whose terms it uses
  // (the known name opens the title: "Example Chips Act" is no CHIPS Act)
  // (or, after a publisher's or a section's name and a dash or a colon, closes it with no more than its abbreviation and the
  // articles quoted: "Data office – Personal Information Protection Law (PIPL) Articles 12 and 14")
  const knownHits = ctx.gazetteer
    .match(title)
    .filter(
      (h) => (h.start === 0 || (SEPARATED.test(title.slice(0, h.start)) && ARTICLES_TAIL.test(title.slice(h.end)))) && h.candidates.length === 1 && h.candidates[0]!.entity.label === 'Regulation',
    );
  // (a text opening on an article's number is an article, with or without a heading)
  const regName = knownHits[0]?.candidates[0]?.entity.name ?? actByTerms(text, ctx, article !== undefined || ARTICLE_HEADING.test(firstLine)) ?? designationOf(title) ?? title;
  const regulation = sink.entity(regName, 'Regulation', { labels: ['Regulation'], props, confidence: 0.85, ...(regName !== title ? { aliases: [title] } : {}) });
  // with no issuer named, a statute whose name carries its nation ("… of the People's Republic of China", "China Data Security Law")
  // is that nation's where the text names the nation too (the line naming it is the quote)
  if (issuing.length === 0 && regulation) {
    const iso = nationInName(regName);
    const nation = iso ? NATIONS_BY_ISO.get(iso) : undefined;
    const names = nation ? [nation.name, ...(nation.aliases ?? [])].filter((n) => n.length > 3).map((n) => escapeRegExp(n).replace(/'/g, "['’]")) : [];
    if (nation && names.length > 0 && new RegExp(`\\b(?:${names.join('|')})\\b`).test(text)) issuing.push(nation.name);
  }
  const bodies: EndpointOut[] = [];
  for (const name of issuing) {
    const body = sink.entity(name, 'Organization', { labels: ['Organization', 'Nation'], props: { kind: 'agency' } });
    if (body) bodies.push(body);
    // the AGENCY line, a statute's enactment note ("(Added Pub. L. …)"), the plainest line that names the issuer, else the first line
    const named = text.split('\n').filter((l) => l.includes(name));
    const quote =
      (header && name === header.agency ? header.quote : undefined) ??
      ISSUER_LINE.exec(text)?.[0]?.trim() ??
      (name === 'United States' ? lineOf(PRESIDENT_ORDERS, text) : undefined) ??
      (/^(?:European Parliament|Council of the European Union|European Union)$/.test(name) ? lineOf(/\bof the European Parliament and of the Council\b/i, text) : undefined) ??
      /\((?:[^()\n]|\([^()\n]*\))*?\bPub(?:lic|\.) ?L(?:aw|\.) ?\d{2,3}[-–]\d+(?:[^()\n]|\([^()\n]*\))*\)/.exec(text)?.[0] ??
      /^.*\bPub(?:lic|\.) ?L(?:aw|\.) ?\d{2,3}[-–]\d+.*$/m.exec(text)?.[0].trim() ??
      (named.find((l) => !l.includes('<')) ?? named[0])?.trim() ??
      firstLine;
    sink.fact('ENACTED_BY', regulation, body, quote, { confidence: 0.9 });
    // the agency belongs to the department its AGENCY line names after it
    if (header?.parent && name === header.agency) {
      const parent = sink.entity(header.parent, 'Organization', { labels: ['Organization'], props: { kind: 'agency' } });
      sink.fact('SUBSIDIARY_OF', body, parent, header.quote, { confidence: 0.85 });
    }
  }
  return {
    ...base,
    // the header lines above were read as lines; the sentences below are read across the wrapping
    text: isHtml ? text : reflowWrapped(text),
    kind: 'policy',
    title,
    ...(props.publishedDate ? { publishedAt: props.publishedDate as string } : {}),
    records: sink.records,
    extraRules: regulation ? [appliesToRule({ label: 'Regulation', name: regulation.name, props }, notRegulated(text, bodies, ctx, issuerOpening(regulation.name)), regulation.id)] : [],
  };
}

const POLICY_URL = /federalregister\.gov|eur-lex\.europa\.eu|govinfo\.gov|congress\.gov|legislation\.gov\.uk|bis\.doc\.gov|whitehouse\.gov\/presidential-actions|\.gov\.cn\/zhengce/i;

export const policySource: Source = {
  kind: 'policy',
  accepts: (input: RawInput) => POLICY_URL.test(input.url) || policyScore(decodeBody(input.body, input.contentType).slice(0, 20000)) >= 2,
  async parse(input, ctx) {
    const raw = decodeBody(input.body, input.contentType);
    const isHtml = /html/i.test(input.contentType ?? '') || /^\s*(<!doctype html|<html)/i.test(raw.slice(0, 200));
    return { documents: [parsePolicy(raw, input.url, ctx, isHtml)], items: [] };
  },
};
