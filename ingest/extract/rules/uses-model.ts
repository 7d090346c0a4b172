// Deployments: "the bank is using Acme's Zephyr model", "X deployed Y for ...". Gives a
// Deployment "<operator> use of <model>" that USES_MODEL the model and is OPERATED_BY the user.
import { isPublicBody } from '../../../schema/validate.js';
import type { Props } from '../../../schema/records.js';
import { E, at, allowed, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';

const RE = pattern(
  `${E} (?:is |are |was |were |has been |have been |had been |will be |began |started |has |have |will |plans to |is set to |agreed to |(?:is|are) expected to )?(?:using|uses|used|use|deploying|deploys|deployed|deploy|adopting|adopts|adopted|adopt|relies on|relying on|rely on|rolled out|rolling out|integrating|integrated|integrate) (?:[a-z-]+ ){0,2}?(?:⟨\\d+⟩['’]s )?${E}`,
);

// Deployments must say what data they process; the sentence's words and the operator's kind say it.
const DATA_CUES: [RegExp, string][] = [
  [/\b(defen[cs]e|military|intelligence|national security|warfighting)\b/i, 'defense'],
  [/\b(bank\w*|financ\w*|payments?|insur\w*)\b/i, 'financial'],
  [/\b(health\w*|hospitals?|patients?|clinical|medical)\b/i, 'health'],
  [/\b(citizens?|personal data|customers?|consumers?)\b/i, 'personal'],
];

function dataClassProps(text: string, user: Mention): Props {
  const classes = new Set(DATA_CUES.filter(([re]) => re.test(text)).map(([, c]) => c));
  if (user.label === 'Nation' || isPublicBody(user.props)) classes.add('government');
  return classes.size ? { dataClasses: [...classes] } : { dataClasses: ['public'], dataClassesBasis: 'default' };
}

const SELF_HOSTED = /\b(self-host|on-prem|on premises|locally|own servers|own infrastructure|air-gapped|downloaded the weights)/i;

export const usesModel: RelationRule = {
  name: 'uses-model',
  cue: /\b(?:us(?:e|es|ed|ing)\b|deploy|adopt|rel(?:ies|ying) on|roll|integrat)/i,
  example: "Morgan Stanley is using OpenAI's GPT-4o model for research summaries.",
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const user = at(frame, m[1]);
      const model = at(frame, m[2]);
      if (!user || !model || user.demonym || !allowed('USES_MODEL', 'Deployment', model.label) || !allowed('OPERATED_BY', 'Deployment', user.label)) continue;
      const deployment = { label: 'Deployment' as const, name: `${user.surface} use of ${model.surface}`, props: dataClassProps(frame.text, user) };
      // the schema requires "via"; without a self-hosting cue the usual way in is an API
      const via = SELF_HOSTED.test(frame.text) ? 'self_hosted' : 'api';
      out.push({ rel: 'USES_MODEL', subject: deployment, object: model, props: { via, viaBasis: via === 'api' ? 'default' : 'stated' }, confidence: 0.7 });
      out.push({ rel: 'OPERATED_BY', subject: deployment, object: user, confidence: 0.7 });
    }
    return out;
  },
};
