// The analyst's query language, derived from the domain model: per label a `<Label>Where` input
// (AND/OR/NOT, id, names, every property with the filter of its type, every relation by its
// `filterNames`), an order enum of its scalar properties, and the shared `EntityWhere` and
// `RelationWhere`. graph/query.ts evaluates exactly what this declares (filterPlan below).
import { screamingSnake, type DomainSpec, type LabelSpec, type PropertySpec, type RelationSpec } from './meta.js';

/** A relation walked from one end: the filter field that names it and the labels at its other end. */
export interface FilterHop {
  field: string;
  type: string;
  /** 'out': the entity is the relation's `from` end */
  end: 'out' | 'in';
  targets: string[];
}

/** Which filter input a property takes. */
export function filterInputOf(p: PropertySpec): string {
  switch (p.type) {
    case 'date':
      return 'DateFilter';
    case 'integer':
      return 'IntFilter';
    case 'number':
      return 'FloatFilter';
    case 'boolean':
      return 'BooleanFilter';
    default:
      return 'StringFilter';
  }
}

/** Whether a property can order a list (lists cannot). */
export const orderable = (p: PropertySpec): boolean => p.type !== 'list';

/** The relations a label's where input can walk, from either end. */
export function hopsOf(domain: DomainSpec, label: string | null): FilterHop[] {
  const hops: FilterHop[] = [];
  for (const r of domain.relations) {
    if (!r.filterNames) continue;
    if (label === null || r.from.includes(label)) hops.push({ field: r.filterNames.out, type: r.type, end: 'out', targets: r.to });
    if (label === null || r.to.includes(label)) hops.push({ field: r.filterNames.in, type: r.type, end: 'in', targets: r.from });
  }
  return hops;
}

/** Relation types that place their `from` end under a jurisdiction (the `nation` filter follows them). */
export const jurisdictionTypes = (domain: DomainSpec): RelationSpec[] => domain.relations.filter((r) => r.jurisdiction);

/** Whether a label's where input has `nation`: it is the from end of a jurisdiction relation to another label. */
export function hasNation(domain: DomainSpec, label: string): boolean {
  return jurisdictionTypes(domain).some((r) => r.from.includes(label) && !r.to.includes(label));
}

/** Whether a label can be an item restricted by a rule (the to end of a `restricts` relation, not a place). */
export function hasExportControl(domain: DomainSpec, label: string): boolean {
  const places = new Set(jurisdictionTypes(domain).flatMap((r) => r.to));
  return !places.has(label) && domain.relations.some((r) => r.restricts && r.to.includes(label));
}

/** Properties of every relation type, by name (a name used with two types takes the wider filter). */
export function relationProperties(domain: DomainSpec): Map<string, PropertySpec> {
  const out = new Map<string, PropertySpec>();
  for (const r of domain.relations)
    for (const [name, p] of Object.entries(r.properties)) {
      const known = out.get(name);
      if (!known) out.set(name, p);
      else if (filterInputOf(known) !== filterInputOf(p)) {
        const numeric = ['integer', 'number'];
        out.set(name, numeric.includes(known.type) && numeric.includes(p.type) ? { ...known, type: 'number' } : { ...known, type: 'string' });
      }
    }
  return out;
}

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, "'").replace(/\n/g, ' ')}"`;
const targetWhere = (targets: string[]) => (targets.length === 1 ? `${targets[0]}Where` : 'EntityWhere');

function hopLines(hops: FilterHop[]): string[] {
  return hops.map(
    (h) =>
      `  ${quote(
        h.end === 'out'
          ? `Has a ${h.type} relation (valid at the list's asOf) to an entity matching this.`
          : `Is the target of a ${h.type} relation (valid at the list's asOf) from an entity matching this.`,
      )}\n  ${h.field}: ${targetWhere(h.targets)}`,
  );
}

function commonLines(self: string): string[] {
  return [
    `  "Every one of these conditions holds."\n  AND: [${self}!]`,
    `  "At least one of these conditions holds."\n  OR: [${self}!]`,
    `  "This condition does not hold."\n  NOT: ${self}`,
    `  "The entity's id."\n  id: IDFilter`,
    `  "The name, compared without case."\n  name: StringFilter`,
    `  "Some alias matches (compared without case)."\n  aliases: StringFilter`,
    `  "The name or some alias matches (compared without case)."\n  nameOrAlias: StringFilter`,
    `  "The description, compared without case."\n  description: StringFilter`,
    `  "Some relation of the entity (either direction, valid at the list's asOf) matches this."\n  relation: RelationWhere`,
  ];
}

const nationLine = `  "Falls under a nation matching this through a jurisdiction relation (where it is located or headquartered)."\n  nation: NationWhere`;
const exportLine = `  "True when a regulation in force bans it or requires a licence for it (a relation that restricts: APPLIES_TO with effect ban or license_required); a classification text or a proposed rule does not count."\n  exportControlled: Boolean`;

function labelBlock(domain: DomainSpec, l: LabelSpec): string {
  const self = `${l.label}Where`;
  const props = Object.entries(l.properties).map(([name, p]) => `  ${quote(`${p.description}${p.type === 'list' ? ' (some item matches)' : ''}`)}\n  ${name}: ${filterInputOf(p)}`);
  const lines = [...commonLines(self), ...props];
  if (hasNation(domain, l.label)) lines.push(nationLine);
  if (hasExportControl(domain, l.label)) lines.push(exportLine);
  lines.push(...hopLines(hopsOf(domain, l.label)));
  const orderFields = Object.entries(l.properties).filter(([, p]) => orderable(p));
  return `"Conditions on a ${l.label} (fields together: all must hold; strings compare without case)."
input ${self} {
${lines.join('\n')}
}

"What a list of ${l.label} can be ordered by."
enum ${l.label}OrderField {
  "The id (code-point order)."
  ID
  "The name, without case."
  NAME
${orderFields.map(([name, p]) => `  ${quote(p.description)}\n  ${screamingSnake(name)}`).join('\n')}
}

"One sort key of a list of ${l.label}; ties are broken by id."
input ${l.label}Order {
  "The field to order by (entities without a value come last)."
  field: ${l.label}OrderField!
  "ASC (the default) or DESC."
  direction: SortDirection = ASC
}`;
}

/** The generated filter SDL for a domain. */
export function renderFilters(domain: DomainSpec): string {
  const entityLines = [...commonLines('EntityWhere'), `  "The entity is of one of these types."\n  type: [EntityType!]`, nationLine, exportLine, ...hopLines(hopsOf(domain, null))];
  const relProps = [...relationProperties(domain)].map(([name, p]) => `  ${quote(`${p.description} (a property some relation types carry)`)}\n  ${name}: ${filterInputOf(p)}`);
  return `"Conditions on an entity of any type (the other end of a relation that may reach several labels)."
input EntityWhere {
${entityLines.join('\n')}
}

"Conditions on a relation; inside an entity's filter it is judged from that entity."
input RelationWhere {
  "Every one of these conditions holds."
  AND: [RelationWhere!]
  "At least one of these conditions holds."
  OR: [RelationWhere!]
  "This condition does not hold."
  NOT: RelationWhere
  "The relation's id (rel:...)."
  id: IDFilter
  "The relation is of one of these types."
  type: [RelationType!]
  "OUT: the entity is the relation's from end; IN: its to end; BOTH (the default): either."
  direction: Direction
  "The entity at the other end matches this."
  other: EntityWhere
  "The relation's confidence (the highest of its live claims)."
  confidence: FloatFilter
  "Start of validity."
  validFrom: DateFilter
  "End of validity."
  validTo: DateFilter
  "Some live claim behind the relation matches this (only in lists of relations: their claims are read for it)."
  source: SourceWhere
${relProps.join('\n')}
}

"What a list of relations can be ordered by."
enum RelationOrderField {
  "The relation id."
  ID
  "The relation type."
  TYPE
  "The relation's confidence."
  CONFIDENCE
  "Start of validity."
  VALID_FROM
  "End of validity."
  VALID_TO
  "The name of the entity at the other end."
  OTHER_NAME
}

"One sort key of a list of relations; ties are broken by id."
input RelationOrder {
  "The field to order by (relations without a value come last)."
  field: RelationOrderField!
  "ASC (the default) or DESC."
  direction: SortDirection = ASC
}

${domain.labels.map((l) => labelBlock(domain, l)).join('\n\n')}
`;
}
