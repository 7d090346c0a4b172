// Acquisitions: "X acquired Y", "X agreed to buy Y", "X's acquisition of Y", and read around the word:
// "X said it would acquire Y for $N", "… related to its acquisition of Y", "X plans to buy Y". Gives a Deal
// named as other deals are, "<acquirer>-<target> [<amount>] acquisition" (the price where the sentence says "for $N"),
// with the acquirer and the target on it.
import { E, TAKEOVER, at, allowed, clauseActor, dealName, pattern, writtenName, type FactDraft, type Frame, type Mention, type RelationRule } from '../frame.js';
import { MONEY_SOURCE, parseMoney } from '../money.js';

const ACTIVE = pattern(
  `${E} (?:has |have |had )?(?:acquired|acquires|bought|buys|purchased|purchases|took over|takes over|snapped up|agreed to (?:acquire|buy|purchase)|will (?:acquire|buy|purchase)|is acquiring|completed (?:its|the) acquisition of|announced (?:its|the|a) (?:[a-z$0-9.-]+ )?acquisition of) (?:(?:all|100%|all the shares|the whole) of )?(?:the |rival |startup )?(?:⟨(\\d+)⟩ (?:[a-z-]+ ){1,2}|(?:[a-z-]+ ){0,2}(?:maker|makers|startup|company|firm|designer|developer|provider|operator|supplier|specialist|manufacturer|chipmaker) )?${E}`,
);
const NOMINAL = pattern(`${E}['’]s (?:[a-z$0-9.-]+ )?(?:acquisition|purchase|takeover) of ${E}`);

export const acquisition: RelationRule = {
  name: 'acquisition',
  cue: /acqui|bought|bu(?:y|ys|ying)\b|took over|takes over|snapped|purchase|takeover/i,
  example: 'Globex Inc. acquired Initech Ltd. to strengthen its federal software business.',
  apply(frame) {
    const out: FactDraft[] = [];
    const found: [string | undefined, string | undefined][] = [];
    for (const m of frame.masked.matchAll(ACTIVE)) {
      // "acquired the German startup Flakt": a demonym before the target only says where it is from
      const before = at(frame, m[2]);
      found.push([m[1], before && !before.demonym ? m[2] : m[3]]);
    }
    for (const m of frame.masked.matchAll(NOMINAL)) found.push([m[1], m[2]]);
    const pairs: [Mention | undefined, Mention | undefined][] = [...found.map(([b, t]) => [at(frame, b), at(frame, t)] as [Mention | undefined, Mention | undefined]), ...aroundTheWord(frame)];
    for (const [buyer, target] of pairs) {
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

// the price after the target: "bought Y for about $3.6 billion", "acquire Y in a $2 billion deal"
const PRICE = new RegExp(`^[^.;⟨]{0,40}?\\b(?:for|in a|in an)\\s+(?:about |around |roughly |nearly |some |approximately |an estimated )?(${MONEY_SOURCE})`);

function price(frame: Frame, target: Mention) {
  const marker = `⟨${frame.mentions.indexOf(target)}⟩`;
  const after = frame.masked.slice(frame.masked.indexOf(marker) + marker.length);
  const m = PRICE.exec(after);
  return m ? parseMoney(m[1]!) : null;
}

// the word, then the target right after it ("acquire ⟨Y⟩", "buy rival ⟨Y⟩", "acquisition of ⟨Y⟩")
const TAKE_WORD = new RegExp(`\\b${TAKEOVER}\\s+(?:(?:all|100%|a majority|control) of\\s+)?(?:the\\s+|rival\\s+|startup\\s+|chipmaker\\s+)?⟨(\\d+)⟩`, 'g');
const TAKERS = new Set(['Organization', 'Lab', 'Cloud']);
const TARGETS = new Set(['Organization', 'Lab']);

/** Acquirer and target read around the word: the target right after it, the acquirer the clause is about. */
function aroundTheWord(frame: Frame): [Mention | undefined, Mention | undefined][] {
  const out: [Mention | undefined, Mention | undefined][] = [];
  const text = frame.masked;
  for (const w of text.matchAll(TAKE_WORD)) {
    const target = at(frame, w[1]);
    if (!target || !TARGETS.has(target.label) || target.demonym) continue;
    // "the acquisition of ⟨Y⟩ by ⟨X⟩"
    let buyer = at(frame, /^\s+by\s+(?:the\s+)?⟨(\d+)⟩/.exec(text.slice(w.index + w[0].length))?.[1]);
    buyer ??= clauseActor(frame, w.index, TAKERS);
    if (buyer) out.push([buyer, target]);
  }
  return out;
}
