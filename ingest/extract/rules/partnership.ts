// Partnerships: "A, B and C have formed a standards alliance", "A partnered with B", "A and B
// signed a partnership", "X ..., in partnership with Y", "X's relationship with Y", and a supplier with its customer
// ("A will supply B with chips", "A is a key supplier for B"). Every pair of partners gets PARTNERS_WITH.
import { IN_CLAUSE, ASIDE, E, HEDGES, KIND_BEFORE, LIST, at, allowed, clauseActor, leadingActor, listIndices, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';
import { LEGAL_FORMS } from '../proposals/proposal.js';

// one character of a clause's words, names included (what is supplied, an aside)
const WORDS_AND_NAMES = `(?:${IN_CLAUSE}|⟨\\d+⟩)`;
const GROUP = '(alliance|partnership|consortium|joint venture|coalition|collaboration|pact|joint (?:plan|project|effort|initiative|bid|programme|program))';
// (an adverb may come before the verb, and the group's size with its abbreviation before the group: "A and B jointly announced a
// 2-gigawatt (2GW) partnership")
const FORMED = pattern(
  `${LIST} (?:have |has |had )?(?:(?:jointly|together|also|formally|officially|today|recently|now) )?(?:formed|created|launched|signed|announced|entered into|struck|sealed|established) (?:a |an |the )?(?:[a-z0-9-]+ (?:\\([A-Za-z0-9]{1,8}\\) )?){0,2}${GROUP}`,
);
// what an agreement may be worth, between it and its partner ("a deal worth billions of dollars with")
const WORTH = '(?: worth (?:[^⟨.;,]|\\.(?=\\d)){1,40}?)?';
// reported speech between the party and what it did: "Acme said (on Sunday) (that) it has signed …"
const SAID_IT = '(?:(?:said|says|announced|confirmed|added|stated)(?: (?:on )?[A-Z][a-z]+day| in a (?:statement|filing|release)| (?:last|this) (?:week|month))?,? (?:that )?it )?';
const WITH = pattern(
  `${LIST}${ASIDE} ${SAID_IT}(?:has |have |are |is )?(?:also |now |already |further |quietly |reportedly |officially )?(?:partnered|teamed up|is partnering|are partnering|partnering|will partner|(?:signed|struck|inked|sealed|reached|clinched) (?:a |an )?(?:[a-z0-9-]+ ){0,2}(?:partnership|agreement|deal)${WORTH}|formed (?:a |an )?(?:[a-z-]+ )?(?:partnership|alliance)) with ${KIND_BEFORE}${LIST}`,
);
// a group one party leads or founds, and its members: "X leads a consortium that includes A and B" (the leader partners with each)
const LEADS_GROUP = pattern(
  `${E}${ASIDE} (?:leads|led|heads|headed|is leading|formed|founded|set up) (?:a |an |the |one )(?:[a-z-]+ ){0,2}(?:consortium|alliance|coalition),? (?:which |that )?(?:includes|included|including|comprises|comprising|brings together) ${KIND_BEFORE}${LIST}`,
);
// "a consortium of A, B and C", "an alliance including A and B": every member partners with every other
const GROUP_OF = pattern(`\\b(?:consortium|alliance|coalition),? (?:made up of|comprising|including|of|that includes|which includes) ${KIND_BEFORE}${LIST}`);
// "X co-founded the venture with Y", "X is proud to co-found this campus with Y"
const CO_FOUNDED = pattern(`${E}${ASIDE} (?:(?:is|are) (?:proud|pleased|set|due) to |will |to |has |have |had )?co-?found(?:s|ed|ing)?\\b(?:[^.;]){0,60}? with ${LIST}`);

// two companies as one clause's subject, set to build one thing together: "Acme and Globex, a cloud firm from Freedonia, are set to
// construct a $1 billion data centre in Kenya", "Acme and Globex will jointly develop a model" (one thing, so one work; "Acme and
// Globex will build chips" may be each its own)
const BUILD_ONE = pattern(
  `${E}(?: ${LEGAL_FORMS}\\.?)? and ${E}(?:,${WORDS_AND_NAMES}{1,100}?,)? (?:(?:are|is|were|will|would|have|has|also|now) )*(?:(?:set|due|planning|going|expected|agreed|poised) to |plan to |aim to |intend to |to )?(?:jointly |together |also )?(?:build|construct|develop|launch|set up|establish|create|open|deploy|co-develop|co-invest in|invest in) (?:a|an|the|one) (?!(?:number|series|range|set|host|couple|pair) of\\b)`,
);
// "..., in partnership with Aramco": the sentence's actor partners
// (the partner may come with a description: "in collaboration with local telecommunications leader X")
const IN_PARTNERSHIP = pattern(`\\b(?:in (?:a )?(?:[a-z-]+ )?(?:partnership|collaboration|alliance) with(?: (?:the )?(?:[a-z-]+ ){0,2}[a-z-]+(?= ⟨))?|together with|jointly with|alongside) ${LIST}`);
// a supplier and its customer: "Acme will supply Globex with chips", "Acme sells its chips to Globex", "Acme is a key
// supplier for Globex", "Globex agreed to buy capacity from Acme"
const AUX = '(?:(?:has been |have been |had been |has |have |had |will |would |also |already |reportedly |is to |agreed to |plans to |is set to |began to |started to )){0,2}';
// what is supplied may name a product ("shipped its ⟨X1⟩ samples to"); the supplier may carry its acronym ("⟨Acme⟩ (⟨ACM⟩)")
const GOODS = `(?: ${WORDS_AND_NAMES}{1,80}?)?`;
const ACRONYM = '(?: \\(⟨\\d+⟩\\))?';
const SUPPLIES_TO = pattern(
  `${E}${ACRONYM}${ASIDE} ${AUX}(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|deliver|delivers|delivered|sell|sells|sold|ship|ships|shipped)${GOODS} (?:to|for) ${E}`,
);
// "Micron, which supplies AMD, …": a relative clause on the seller; "shipping X to customers including A and B"
const WHICH_SUPPLIES = pattern(`${E},? (?:which|who) (?:also |already )?(?:supplies|supplied|provides|sells to|ships to|delivers to) ${LIST}`);
const TO_CUSTOMERS = pattern(
  `${E}${ASIDE} ${AUX}(?:started |began |begins |starts )?(?:supply|supplies|supplied|supplying|ship|ships|shipped|shipping|deliver|delivers|delivered|delivering|sell|sells|sold|selling)${GOODS} to (?:[a-z-]+ ){0,2}(?:customers|clients|buyers)(?:,)? (?:including|such as|like) ${LIST}`,
);
// a promise or a first to supply, with its suppliers listed: "⟨A⟩ and ⟨B⟩ have signed letters of intent to supply memory for ⟨C⟩'s
// data centres", "⟨A⟩ was the first to provide its chips to ⟨C⟩"
const SUPPLY_PROMISE = pattern(
  `${LIST}${ASIDE} (?:has |have |had |also )*(?:(?:signed|inked|agreed|struck|reached) (?:a |an )?(?:[a-z-]+ ){0,3}(?:deals?|agreements?|contracts?|letters? of intent|memorand(?:um|a) of understanding|MoUs?|pacts?) to|(?:is|was|became|will be) the (?:first|second|third|only|sole|latest|main) (?:[a-z-]+ )?to) (?:supply|provide|deliver|ship|sell)${GOODS} (?:to|for) ${E}`,
);
// "⟨A⟩ and ⟨B⟩ are close collaborators": partners named as such, together
const COLLABORATORS = pattern(`${LIST},? (?:are|were|have been|had been|remain|became|have become) (?:[a-z-]+ ){0,2}(?:collaborators|partners|allies)\\b`);
const SUPPLIES_WITH = pattern(`${E}${ASIDE} ${AUX}(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|furnish\\w*|equip\\w*) ${E} with\\b`);
const SUPPLIER_OF = pattern(`${E},? (?:is |was |has been |became |has become |becomes |as |remains )?(?:a |an |the |its )?(?:[a-z-]+ ){0,2}(?:supplier|provider|vendor)s? (?:to|for|of) ${E}`);
// "⟨Acme⟩'s first delivery of ⟨X1⟩ samples to ⟨Globex⟩", "Acme's chip shipments to Globex"
const DELIVERY_TO = pattern(`${E}['’]s (?:[a-z-]+ ){0,2}(?:delivery|deliveries|shipment|shipments|supply|sale|sales)(?: of${GOODS})? to ${E}`);
const BUYS_FROM = pattern(
  `${E}${ASIDE} ${AUX}(?:buy|buys|bought|buying|purchase|purchases|purchased|order|orders|ordered|rent|rents|rented|source|sources|sourced)(?: ${IN_CLAUSE}{1,60}?)? from ${E}`,
);
// what makes a supply statement no fact: a denial, a condition or a possibility
const UNSURE = new RegExp(`\\b(?:${HEDGES}|ban\\w*|barred|block\\w*|prohibit\\w*|restrict\\w*)\\b|n't\\b`);
const TRADERS = new Set(['Organization', 'Lab', 'Cloud']);

// "OpenAI's relationship with Microsoft Azure", "Nvidia's long-running partnership with Foxconn"
// a second verb of the sentence's subject: "X is an investor in …, and is partnering with A and B"
const AND_PARTNERING = pattern(`, and (?:is |are |has |have |also |will )*(?:partnering|partnered|teamed up|partner) with ${LIST}`);
const NOMINAL = pattern(`${E}['’]s (?:[a-z-]+ ){0,3}(?:relationship|partnership|alliance|collaboration|tie-up) with ${LIST}`);
// read around the word: the partnership a clause's actor has ("X said its partnership with Y", "X will build it with partners
// A and B"), two owners of one partnership ("A and B's partnership"), work done jointly ("developed jointly by A and B") and a
// partner of another's ("A has been B's main partner")
const ITS_PARTNERSHIP = pattern(`\\b(?:its|their) (?:[a-z-]+ ){0,3}(?:relationship|partnership|alliance|collaboration|tie-up) with ${LIST}`);
const WITH_PARTNERS = pattern(`\\b(?:with|alongside) (?:its |their )?(?:[a-z-]+ )?partners?,? (?:including |such as )?${LIST}`);
const JOINT_OWNERS = pattern(`${E} and ${E}['’]s? (?:[a-z-]+ ){0,2}(?:partnership|alliance|collaboration|joint venture|tie-up)\\b`);
const JOINTLY = pattern(`\\b(?:developed|built|designed|created|run|operated|launched) jointly by ${LIST}|\\b(?:jointly|co-)(?:developed|built|designed|created|run|operated) by ${LIST}`);
const PARTNER_OF = pattern(`${E},? (?:is|was|has been|had been|became|has become|remains|will be) (?:a |an |the )?${E}['’]s (?:[a-z-]+ ){0,2}(?:partner|supplier|provider|vendor|customer|client)\\b`);
// "Microsoft's Chinese partner 21Vianet", "OpenAI's latest computing supplier is Google": the owner's partner or supplier, named after the
// role (as an appositive or after a copula)
const OWNER_ROLE = pattern(`${E}['’]s (?:(?:[a-z-]+|⟨\\d+⟩) ){0,3}(?:partner|supplier|provider|vendor|customer|client)s?,? (?:(?:is|was|will be|has been|remains) )?(?:the |now )?${LIST}`);
// "Microsoft has also turned to CoreWeave for additional computing power": a buyer turning to a supplier of capacity
const TURNED_TO = pattern(
  `${E}${ASIDE} ${AUX}(?:also )?(?:turned|turns|turning|turn) to ${E} for (?:[A-Za-z-]+ ){0,3}(?:computing|compute|capacity|chips|GPUs|cloud|infrastructure|servers|power|data centers|data centres)\\b`,
);
// "announcing infrastructure agreements with A, B and C": agreements in the plural with a list, one each, a partner each
const AGREEMENTS_WITH = pattern(`\\b(?:agreements|deals|partnerships|contracts|pacts|tie-ups|collaborations) with ${LIST}`);
// "…, YTL Power said": the speaker acts where no actor leads the clause
const SPEAKER = /,\s*(?:the\s+)?⟨(\d+)⟩\s+(?:said|says|announced|added|confirmed)\b[^⟨]*$/;

export const partnership: RelationRule = {
  name: 'partnership',
  cue: /⟩ and ⟨|turn(?:ed|s|ing)? to|customer|client|alliance|partner|consortium|co-?found|joint |coalition|collaborat|pact|teamed|together|jointly|alongside|relationship|tie-up|agreement|deal|suppl|provid|deliver|sell|sold|ship|furnish|equip|vendor|buy|bought|purchas|order|rent|sourc/i,
  example: 'Samsung, SK hynix, and Micron have formed a memory standards alliance.',
  apply(frame) {
    const out: FactDraft[] = [];
    const pairs = (parties: Mention[], purpose: string | undefined) => {
      for (let i = 0; i < parties.length; i++)
        for (let j = i + 1; j < parties.length; j++) {
          const a = parties[i]!;
          const b = parties[j]!;
          if (a.id !== b.id && allowed('PARTNERS_WITH', a.label, b.label)) out.push({ rel: 'PARTNERS_WITH', subject: a, object: b, confidence: 0.75, ...(purpose ? { props: { purpose } } : {}) });
        }
    };
    const usable = (ids: number[]) => ids.map((i) => at(frame, i)).filter((m): m is Mention => !!m && !m.demonym);
    // one trading party with each of a list's trading parties ("X leads a consortium that includes A and B", "X co-founded … with A")
    const withEach = (first: number, list: string) => {
      const one = usable([first])[0];
      if (one && TRADERS.has(one.label)) for (const other of usable(listIndices(list))) if (other !== one && TRADERS.has(other.label)) pairs([one, other], undefined);
    };
    for (const m of frame.masked.matchAll(FORMED)) pairs(usable(listIndices(m[1])), m[2]);
    for (const m of frame.masked.matchAll(BUILD_ONE))
      if (!UNSURE.test(m[0]))
        pairs(
          usable([Number(m[1]), Number(m[2])]).filter((x) => TRADERS.has(x.label)),
          undefined,
        );
    if (/consortium|alliance|coalition/.test(frame.masked)) {
      // a group with a leader pairs the leader with each member, not the members among themselves
      const led: [number, number][] = [];
      for (const m of frame.masked.matchAll(LEADS_GROUP)) {
        led.push([m.index, m.index + m[0].length]);
        withEach(Number(m[1]), m[2]!);
      }
      for (const m of frame.masked.matchAll(GROUP_OF)) {
        if (led.some(([from, to]) => m.index >= from && m.index < to)) continue;
        const members = usable(listIndices(m[1])).filter((x) => TRADERS.has(x.label));
        if (members.length >= 2) pairs(members, undefined);
      }
    }
    if (/co-?found/.test(frame.masked)) for (const m of frame.masked.matchAll(CO_FOUNDED)) withEach(Number(m[1]), m[2]!);
    const speaker = at(frame, SPEAKER.exec(frame.masked)?.[1]);
    const actor = leadingActor(frame) ?? (speaker && TRADERS.has(speaker.label) ? speaker : undefined);
    // "… alongside ⟨Nvidia⟩'s ⟨H20⟩": what stands beside is the product, not its owner; a government acting alongside a company
    // is no partner of it
    if (actor && !actor.demonym)
      for (const m of frame.masked.matchAll(IN_PARTNERSHIP))
        if (!/['’]s\b/.test(m[1]!) && !(actor.label === 'Nation' && m[0].startsWith('alongside'))) for (const other of usable(listIndices(m[1]))) if (other !== actor) pairs([actor, other], undefined);
    for (const m of frame.masked.matchAll(AGREEMENTS_WITH)) {
      const owner = clauseActor(frame, m.index, TRADERS) ?? actor;
      const others = usable(listIndices(m[1]));
      if (owner && !owner.demonym && others.length >= 2) for (const other of others) if (other !== owner) pairs([owner, other], undefined);
    }
    if (/partner|jointly|co-|relationship|alliance|collaboration|tie-up|supplier|provider|vendor|customer|client/.test(frame.masked)) {
      for (const re of [ITS_PARTNERSHIP, WITH_PARTNERS])
        for (const m of frame.masked.matchAll(re)) {
          const owner = clauseActor(frame, m.index, TRADERS) ?? (re === WITH_PARTNERS ? actor : undefined);
          if (owner && !owner.demonym) for (const other of usable(listIndices(m[1]))) if (other !== owner) pairs([owner, other], undefined);
        }
      for (const m of frame.masked.matchAll(JOINT_OWNERS)) pairs(usable([Number(m[1]), Number(m[2])]), undefined);
      for (const m of frame.masked.matchAll(JOINTLY)) pairs(usable(listIndices(m[1] ?? m[2]!)), undefined);
      for (const m of frame.masked.matchAll(PARTNER_OF)) pairs(usable([Number(m[1]), Number(m[2])]), undefined);
    }
    for (const m of frame.masked.matchAll(SUPPLY_PROMISE)) {
      const buyer = at(frame, m[2]);
      if (buyer && !buyer.demonym && TRADERS.has(buyer.label) && !UNSURE.test(m[0]))
        for (const seller of usable(listIndices(m[1]))) if (seller !== buyer && TRADERS.has(seller.label)) pairs([seller, buyer], undefined);
    }
    if (/collaborators|partners|allies/.test(frame.masked))
      for (const m of frame.masked.matchAll(COLLABORATORS)) {
        const members = usable(listIndices(m[1])).filter((x) => TRADERS.has(x.label));
        if (!UNSURE.test(m[0]) && members.length >= 2) pairs(members, undefined);
      }
    for (const re of [WHICH_SUPPLIES, TO_CUSTOMERS])
      for (const m of frame.masked.matchAll(re)) {
        const seller = at(frame, m[1]);
        if (seller && !seller.demonym && TRADERS.has(seller.label) && !UNSURE.test(m[0]))
          for (const buyer of usable(listIndices(m[2]))) if (buyer !== seller && TRADERS.has(buyer.label)) pairs([seller, buyer], undefined);
      }
    if (/partner|supplier|provider|vendor|customer|client/.test(frame.masked))
      for (const m of frame.masked.matchAll(OWNER_ROLE)) {
        const owner = at(frame, m[1]);
        if (owner && !owner.demonym && TRADERS.has(owner.label)) for (const other of usable(listIndices(m[2]))) if (other !== owner && TRADERS.has(other.label)) pairs([owner, other], undefined);
      }
    if (/\bturn(?:ed|s|ing)? to\b/.test(frame.masked))
      for (const m of frame.masked.matchAll(TURNED_TO)) {
        const both = usable([Number(m[1]), Number(m[2])]);
        if (both.every((x) => TRADERS.has(x.label))) pairs(both, undefined);
      }
    for (const m of frame.masked.matchAll(NOMINAL)) {
      const first = at(frame, m[1]);
      // "relationship with Palantir and the US defense ecosystem": a nation there is a modifier unless both are nations
      if (first && !first.demonym) for (const other of usable(listIndices(m[2]))) if (other.label !== 'Nation' || first.label === 'Nation') pairs([first, other], undefined);
    }
    if (/suppl|provid|deliver|sell|sold|ship|furnish|equip|vendor|buy|bought|purchas|order|rent|sourc/.test(frame.masked))
      for (const [re, seller, buyer] of [
        [SUPPLIES_TO, 1, 2],
        [SUPPLIES_WITH, 1, 2],
        [SUPPLIER_OF, 1, 2],
        [DELIVERY_TO, 1, 2],
        [BUYS_FROM, 2, 1],
      ] as const)
        for (const m of frame.masked.matchAll(re)) {
          const a = at(frame, m[seller]);
          const b = at(frame, m[buyer]);
          if (a && b && !a.demonym && !b.demonym && TRADERS.has(a.label) && TRADERS.has(b.label) && !UNSURE.test(m[0])) pairs([a, b], undefined);
        }
    if (actor && !actor.demonym && TRADERS.has(actor.label))
      for (const m of frame.masked.matchAll(AND_PARTNERING)) for (const other of usable(listIndices(m[1]))) if (other !== actor && TRADERS.has(other.label)) pairs([actor, other], undefined);
    for (const m of frame.masked.matchAll(WITH)) {
      // "Oracle and OpenAI are partnering with SoftBank": the joint subjects together and each with every partner
      // named ("X is partnering with A and B" says nothing about A and B)
      const firsts = usable(listIndices(m[1]));
      pairs(firsts, undefined);
      for (const other of usable(listIndices(m[2]))) for (const first of firsts) if (other !== first) pairs([first, other], undefined);
    }
    return out;
  },
};
