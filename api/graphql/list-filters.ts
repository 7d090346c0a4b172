// The shorthand arguments of each typed list (`models(developer: …)`), as data: each is a
// fragment of the list's `where` (graph/query.ts evaluates both alike). An id argument stands for
// that entity and its members (`nation:eu` for its member states), as IDFilter.within does.
import type { Label } from '../../schema/generated/model.js';
import type { Where } from '../../graph/query.js';

type Value = string | number | boolean;
type Shorthand = (value: Value) => Where;

const eq =
  (field: string): Shorthand =>
  (v) => ({ [field]: { eq: v } });
const via =
  (...fields: string[]): Shorthand =>
  (v) =>
    fields.length === 1 ? { [fields[0]!]: { id: { within: v } } } : { OR: fields.map((f) => ({ [f]: { id: { within: v } } })) };

/** Per list field: its label and the where fragment behind each shorthand argument. */
export const LIST_FILTERS: Record<string, { label: Label; shorthands: Record<string, Shorthand> }> = {
  nations: { label: 'Nation', shorthands: { kind: eq('kind'), region: eq('region'), memberOf: via('memberOf') } },
  labs: { label: 'Lab', shorthands: { kind: eq('kind'), nation: via('nation') } },
  organizations: { label: 'Organization', shorthands: { kind: eq('kind'), nation: via('nation') } },
  models: {
    label: 'Model',
    shorthands: { openWeights: eq('openWeights'), developer: via('developer'), license: eq('license'), family: eq('family'), trainedOn: via('trainedOn') },
  },
  chips: { label: 'Chip', shorthands: { designer: via('designer'), exportControlled: (v) => ({ exportControlled: v }), kind: eq('kind'), fabricatedBy: via('foundry') } },
  clouds: { label: 'Cloud', shorthands: { kind: eq('kind'), sovereign: eq('sovereign'), nation: via('nation'), operator: via('operator', 'parent') } },
  dataCenters: { label: 'DataCenter', shorthands: { nation: via('location'), operator: via('operator'), status: eq('status') } },
  deployments: {
    label: 'Deployment',
    shorthands: { nation: via('location'), dataClass: eq('dataClasses'), model: via('usesModel'), cloud: via('host'), sector: eq('sector'), status: eq('status') },
  },
  deals: { label: 'Deal', shorthands: { party: via('parties'), minUsd: (v) => ({ amountUsd: { gte: v } }), since: (v) => ({ date: { gte: v } }), kind: eq('kind') } },
  regulations: {
    label: 'Regulation',
    shorthands: {
      issuer: via('issuer'),
      appliesTo: via('appliesTo'),
      effect: (v) => ({ relation: { type: ['APPLIES_TO'], direction: 'OUT', effect: { eq: v } } }),
      status: eq('status'),
    },
  },
  documents: { label: 'Document', shorthands: { publisher: eq('publisher'), kind: eq('kind') } },
};
