// Export measures stated as actions: "The US banned exports of Nvidia H20 chips to China",
// "Washington required licences for sales of the MI308 to China". Gives a Regulation named
// "<issuer> <measure> on <item> to <target>" with ENACTED_BY and APPLIES_TO for item and target.
import { E, at, allowed, pattern, type FactDraft, type NewEntity, type RelationRule } from '../frame.js';

const MEASURES: [RegExp, string, string][] = [
  [/^(banned|bans|barred|bars|blocked|blocks|prohibited|prohibits)$/i, 'export ban', 'ban'],
  [/^(restricted|restricts|curbed|curbs|limited|limits)$/i, 'export restriction', 'restriction'],
  [/^(required licen[cs]es for|requires licen[cs]es for|imposed licen[cs]e requirements on|imposes licen[cs]e requirements on)$/i, 'licence requirement', 'license_required'],
];
const VERB =
  '(banned|bans|barred|bars|blocked|blocks|prohibited|prohibits|restricted|restricts|curbed|curbs|limited|limits|required licen[cs]es for|requires licen[cs]es for|imposed licen[cs]e requirements on|imposes licen[cs]e requirements on)';
const RE = pattern(`${E} (?:has |have |had |will |also )?${VERB} (?:the |all )?(?:exports?|sales?|shipments?) of (?:[a-z-]+ ){0,2}?${E}(?: (?:chips?|GPUs?|accelerators?|models?|[a-z-]+))? to ${E}`);

export const exportBan: RelationRule = {
  name: 'export-ban',
  cue: /ban|bar|block|prohibit|restrict|curb|limit|licen[cs]/i,
  example: 'The US banned exports of Nvidia H20 chips to China.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const issuer = at(frame, m[1]);
      const item = at(frame, m[3]);
      const target = at(frame, m[4]);
      const measure = MEASURES.find(([re]) => re.test(m[2]!));
      if (!issuer || !item || !target || !measure || !allowed('ENACTED_BY', 'Regulation', issuer.label)) continue;
      const reg: NewEntity = { label: 'Regulation', name: `${issuer.surface} ${measure[1]} on ${item.surface} to ${target.surface}`, props: { kind: 'rule' } };
      out.push({ rel: 'ENACTED_BY', subject: reg, object: issuer, confidence: 0.7 });
      for (const t of [item, target])
        if (allowed('APPLIES_TO', 'Regulation', t.label) && t !== issuer) out.push({ rel: 'APPLIES_TO', subject: reg, object: t, props: { effect: measure[2], scope: 'exports' }, confidence: 0.7 });
    }
    return out;
  },
};
