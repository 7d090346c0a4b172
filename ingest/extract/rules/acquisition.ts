// Acquisitions: "X acquired Y", "X agreed to buy Y", "X's acquisition of Y", and read around the word:
// "X said it would acquire Y for $N", "… related to its acquisition of Y", "X plans to buy Y". Gives a Deal
// named as other deals are, "<acquirer>-<target> [<amount>] acquisition" (the price where the sentence says "for $N"),
// with the acquirer and the target on it.
import { E, TAKEOVER, at, allowed, clauseActor, dealName, pattern, writtenName, type FactDraft, type Frame, type Mention, type RelationRule } from '../frame.js';
import { MONEY_SOURCE, parseMoney } from '../money.js';

// what is bought from a company, not the company: "bought Nvidia systems", "buys ASML equipment", "purchased Intel shares"
const PRODUCTS =
  '(?:systems|chips|GPUs|servers|equipment|tools|machines|scanners|products|hardware|software|shares|stock|stakes?|capacity|processors|accelerators|services|licen[cs]es|models|cards|racks|supercomputers|clusters)\\b';
const ACTIVE = pattern(
  `${E} (?:has |have |had )?(?:acquired|acquires|bought|buys|purchased|purchases|took over|takes over|snapped up|agreed to (?:acquire|buy|purchase)|will (?:acquire|buy|purchase)|is acquiring|completed (?:its|the) acquisition of|announced (?:its|the|a) (?:[a-z$0-9.-]+ )?acquisition of) (?:(?:all|100%|all the shares|the whole) of )?(?:the |rival |startup )?(?:⟨(\\d+)⟩ (?:[a-z-]+ ){1,2}|(?:[a-z-]+ ){0,2}(?:maker|makers|startups?|compan(?:y|ies)|firms?|designer|developer|provider|operator|supplier|specialist|manufacturer|chipmakers?) )?${E}((?:,? (?:and )?⟨\\d+⟩)*)(?! (?:[a-z-]+ )?${PRODUCTS})`,
);
// "ZT Systems, the server maker that AMD acquired last year": the target described, then bought in a relative clause
const ACQUIRED_IN_CLAUSE = pattern(`${E}, (?:a|an|the) (?:[a-z-]+ |AI ){0,4}?(?:that|which|whom) ${E} (?:has |had )?(?:acquired|bought|purchased|took over|snapped up)\\b`);
// (the target may come with what it is: "Nvidia's 2020 acquisition of networking solutions company Mellanox")
const TARGET_KIND = `(?:(?:the )?(?:[a-z-]+ ){0,3}(?:company|firm|startup|start-up|maker|provider|chipmaker|designer|developer|specialist|supplier|group|business) )?`;
const NOMINAL = pattern(`${E}['’]s (?:[a-z$0-9.-]+ )?(?:acquisition|purchase|takeover) of ${TARGET_KIND}${E}`);
// a takeover said to be done makes the target the buyer's subsidiary: a past verb ("acquired", "bought", "took over"), a
// completion ("completed its acquisition of", "has finalised the purchase of"), a past year ("X's 2020 acquisition of Y");
// never one agreed, planned, pending, blocked or failed
const DONE =
  /\b(?:acquired|bought|purchased|took over|snapped up|(?:completed|finali[sz]ed|closed|concluded) (?:its|the|a) (?:[a-z$0-9.-]+ )?(?:acquisition|purchase|takeover))\b|['’]s (?:19|20)\d\d (?:acquisition|purchase|takeover)\b/;
const NOT_DONE =
  /\b(?:failed|attempted|proposed|planned|pending|abandoned|blocked|aborted|scrapped|collapsed|potential|possible|rumou?red|agreed to|will|would|plans? to|seeks? to|wants? to|bid to|offered to|tried to|try to)\b/;
/** A buyer, a target and whether the takeover is said to be done. */
type Takeover = [Mention | undefined, Mention | undefined, boolean];

export const acquisition: RelationRule = {
  name: 'acquisition',
  cue: /acqui|bought|bu(?:y|ys|ying)\b|took over|takes over|snapped|purchase|takeover/i,
  example: 'Globex Inc. acquired Initech Ltd. to strengthen its federal software business.',
  apply(frame) {
    const out: FactDraft[] = [];
    const found: [string | undefined, string | undefined, boolean][] = [];
    for (const m of frame.masked.matchAll(ACTIVE)) {
      // "acquired the German startup Flakt": a demonym before the target only says where it is from
      const before = at(frame, m[2]);
      const isDone = done(frame.masked, m.index, m[0]);
      found.push([m[1], before && !before.demonym ? m[2] : m[3], isDone]);
      // "acquired Israeli startups A and B": each of the listed targets
      for (const more of (m[4] ?? '').matchAll(/⟨(\d+)⟩/g)) found.push([m[1], more[1], isDone]);
    }
    for (const m of frame.masked.matchAll(NOMINAL)) found.push([m[1], m[2], done(frame.masked, m.index, m[0])]);
    for (const m of frame.masked.matchAll(ACQUIRED_IN_CLAUSE)) found.push([m[2], m[1], true]);
    const pairs: Takeover[] = [...found.map(([b, t, d]): Takeover => [at(frame, b), at(frame, t), d]), ...aroundTheWord(frame)];
    const owned = new Set<Mention>();
    for (const [buyer, target, completed] of pairs) {
      if (completed && buyer && target && buyer !== target && !target.demonym && allowed('SUBSIDIARY_OF', target.label, buyer.label) && !owned.has(target)) {
        owned.add(target);
        out.push({ rel: 'SUBSIDIARY_OF', subject: target, object: buyer, confidence: 0.7 });
      }
      if (!buyer || !target || buyer === target || target.demonym || !allowed('PARTY_TO', buyer.label, 'Deal') || !allowed('PARTY_TO', target.label, 'Deal')) continue;
      if (buyer.id !== undefined && buyer.id === target.id) continue;
      const amount = price(frame, target);
      const { name, aliases } = dealName(buyer, target, amount, 'acquisition');
      const deal = {
        label: 'Deal' as const,
        name,
        // the form "A acquisition of B" finds the deal in other documents too
        aliases: [...aliases, `${writtenName(buyer)} acquisition of ${writtenName(target)}`],
        props: { kind: 'acquisition', ...(amount ? { amount: amount.amount, currency: amount.currency } : {}) },
      };
      out.push({ rel: 'PARTY_TO', subject: buyer, object: deal, props: { role: 'acquirer' }, confidence: 0.8 });
      out.push({ rel: 'PARTY_TO', subject: target, object: deal, props: { role: 'target' }, confidence: 0.8 });
    }
    return out;
  },
};

/** Whether a takeover's words say it is done (DONE), with nothing in them or just before them that it is not (NOT_DONE, a hedge). */
function done(text: string, index: number, words: string): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  return DONE.test(words) && !NOT_DONE.test(words) && !NOT_DONE.test(before.replace(/^.*⟩/, ''));
}

// the price after the target: "bought Y for about $3.6 billion", "acquire Y in a $2 billion deal"
const PRICE = new RegExp(`^[^.;⟨]{0,40}?\\b(?:for|in a|in an)\\s+(?:about |around |roughly |nearly |some |approximately |an estimated )?(${MONEY_SOURCE})`);

function price(frame: Frame, target: Mention) {
  const marker = `⟨${frame.mentions.indexOf(target)}⟩`;
  const after = frame.masked.slice(frame.masked.indexOf(marker) + marker.length);
  const m = PRICE.exec(after);
  return m ? parseMoney(m[1]!) : null;
}

// the word, then the target right after it ("acquire ⟨Y⟩", "buy rival ⟨Y⟩", "acquisition of ⟨Y⟩")
const TAKE_WORD = new RegExp(`\\b${TAKEOVER}\\s+(?:(?:all|100%|a majority|control) of\\s+)?(?:the\\s+|rival\\s+|startup\\s+|chipmaker\\s+)?⟨(\\d+)⟩(?! (?:[a-z-]+ )?${PRODUCTS})`, 'g');
const TAKERS = new Set(['Organization', 'Lab', 'Cloud']);
const TARGETS = new Set(['Organization', 'Lab']);

/** Acquirer and target read around the word: the target right after it, the acquirer the clause is about. */
function aroundTheWord(frame: Frame): Takeover[] {
  const out: Takeover[] = [];
  const text = frame.masked;
  for (const w of text.matchAll(TAKE_WORD)) {
    const target = at(frame, w[1]);
    if (!target || !TARGETS.has(target.label) || target.demonym) continue;
    // "the acquisition of ⟨Y⟩ by ⟨X⟩"
    let buyer = at(frame, /^\s+by\s+(?:the\s+)?⟨(\d+)⟩/.exec(text.slice(w.index + w[0].length))?.[1]);
    buyer ??= clauseActor(frame, w.index, TAKERS);
    // the words before the takeover's word since the clause's last mention say whether it is done
    const lead = text.slice(0, w.index).replace(/^.*⟩/, '');
    if (buyer) out.push([buyer, target, done(text, w.index - lead.length, lead + w[0])]);
  }
  return out;
}
