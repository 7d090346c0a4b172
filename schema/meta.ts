// The meta-schema: what a label or relation YAML file in schema/ may say, and the loader that
// validates them. Everything else (TypeScript types, zod validators, GraphQL object types, store
// migrations, the scenario engine's reach rules) derives from what this loads.
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export const propertySpec = z
  .object({
    type: z.enum(['string', 'integer', 'number', 'boolean', 'date', 'enum', 'list']),
    values: z.array(z.string().min(1)).min(1).optional(),
    required: z.boolean().default(false),
    /** a replacement must share this value where both ends know it (a foundry for a foundry, a data-centre accelerator for one, a code model for a code model): mitigations read it */
    role: z.boolean().default(false),
    /** with `role`: the value an entity that gives none is taken to have (a site is open unless it says otherwise); without one, an unknown value matches any */
    default: z.union([z.string(), z.boolean()]).optional(),
    /** of a list of data classes: the values that bind data to no place (public data); a dependent listing nothing else needs no home-located replacement */
    placeFree: z.array(z.string().min(1)).min(1).optional(),
    /** of an organisation's kind: the values that mark a public body (it makes and enforces rules; "the company" never stands for it) */
    publicBodies: z.array(z.string().min(1)).min(1).optional(),
    description: z.string().min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.type === 'enum' && !p.values) ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum needs values' });
    if (p.default !== undefined && p.values && !p.values.includes(String(p.default)))
      ctx.addIssue({ code: 'custom', path: ['default'], message: `"${String(p.default)}" is not one of the property's values` });
    for (const key of ['placeFree', 'publicBodies'] as const)
      p[key]?.forEach((v, i) => {
        if (!p.values?.includes(v)) ctx.addIssue({ code: 'custom', path: [key, i], message: `"${v}" is not one of the property's values` });
      });
  });

/** What a replacement for the needed end must be, for mitigations: located where data bound to a place is, or carry some property values. */
const replacementRule = z
  .object({
    /** the needed end holds or sees the dependent's data (a host, a model's provider behind an API): for data bound to a place, a replacement must be located there */
    holdsData: z.boolean().default(false),
    /** property values a replacement must have (self-hosted weights need `openWeights: true`) */
    needs: z.record(z.string().regex(NAME), z.union([z.string(), z.boolean()])).default({}),
  })
  .strict();

export const labelSpec = z
  .object({
    label: z.string().regex(NAME),
    idPrefix: z.string().regex(/^[a-z]+$/),
    description: z.string().min(1),
    /** the label this one is a kind of, for relations between two entities of one kind (a lab is an organisation: they compete) */
    kindOf: z.string().regex(NAME).optional(),
    properties: z.record(z.string().regex(NAME), propertySpec).default({}),
  })
  .strict();

/** How failure travels along a relation: the scenario engine reads this, never the type name. */
export const dependencySpec = z
  .object({
    /** the endpoint that needs the other one */
    dependent: z.enum(['from', 'to']),
    /** hard: the dependent fails with it; upstream: the dependent is only at risk */
    strength: z.enum(['hard', 'upstream']),
    /** the failure layer this dependency belongs to (serving, weights, provider, supply) */
    layer: z
      .string()
      .regex(/^[a-z_]+$/)
      .optional(),
    /** parallel relations of this type from one dependent to the same label are alternatives */
    alternatives: z.boolean().default(false),
    /** the failure layers of the dependency that reach the dependent at all (default: every layer) */
    carries: z
      .array(z.string().regex(/^[a-z_]+$/))
      .min(1)
      .optional(),
    /** properties giving each member's part of the supply: `share` (0..1 of the whole) or `count` (units, shares by ratio) */
    capacity: z
      .object({ share: z.string().regex(NAME).optional(), count: z.string().regex(NAME).optional() })
      .strict()
      .optional(),
    /** what is already installed keeps running when this supply stops: a short scenario horizon puts the dependent at risk, not broken */
    installedBase: z.boolean().default(false),
    /** which failure layers of the dependency reach the dependent, by the value of one property */
    passes: z
      .object({ property: z.string().regex(NAME), layers: z.record(z.string(), z.array(z.string().regex(/^[a-z_]+$/))) })
      .strict()
      .optional(),
  })
  .strict();

export const relationSpec = z
  .object({
    type: z.string().regex(/^[A-Z][A-Z_]*$/),
    description: z.string().min(1),
    from: z.array(z.string().regex(NAME)).min(1),
    to: z.array(z.string().regex(NAME)).min(1),
    properties: z.record(z.string().regex(NAME), propertySpec).default({}),
    /** the `from` end falls under the `to` end's jurisdiction (a nation or bloc) */
    jurisdiction: z.boolean().default(false),
    /** with `jurisdiction`: the `from` end physically sits in the `to` end (where data is, what a strike or an outage of the place takes down) */
    location: z.boolean().default(false),
    /** the `to` end controls the `from` end (its jurisdiction is inherited through this relation) */
    control: z.boolean().default(false),
    symmetric: z.boolean().default(false),
    /** a `from` end has one `to` end at most (an organisation's home): one read with several at once states none of them */
    single: z.boolean().default(false),
    /** stated by an act done once (an investment, a development, an enactment), not a state that may end: what was done "previously" still holds */
    act: z.boolean().default(false),
    /** both ends are of one kind (a chip compared with a chip, a model with a model): a pair of two labels states nothing */
    sameKind: z.boolean().default(false),
    /** the field names list filters use for this relation: `out` from its `from` end (a model's `developer`), `in` from its `to` end (a lab's `develops`) */
    filterNames: z
      .object({ out: z.string().regex(NAME), in: z.string().regex(NAME) })
      .strict()
      .optional(),
    /** the two ends can replace each other (same kind): what mitigations are made of */
    substitution: z.boolean().default(false),
    /** a rule relation (a regulation applying to an item or a destination): which values of `property` restrict supply, hard (a ban) or conditionally (a licence) */
    restricts: z
      .object({ property: z.string().regex(NAME), hard: z.array(z.string()).min(1), conditional: z.array(z.string()).default([]) })
      .strict()
      .optional(),
    dependency: dependencySpec.optional(),
    /** values of one property the `to` end never has (a chip is designed by no foundry, agency or fund): extraction states no such relation */
    notTo: z
      .object({ property: z.string().regex(NAME), values: z.array(z.string().min(1)).min(1) })
      .strict()
      .optional(),
    /** what a replacement for the `to` end must be (mitigations), for every relation or by the value of one of its properties */
    replacement: z.union([replacementRule, z.object({ property: z.string().regex(NAME), values: z.record(z.string(), replacementRule) }).strict()]).optional(),
  })
  .strict();

export type ReplacementRule = z.infer<typeof replacementRule>;
export type PropertySpec = z.infer<typeof propertySpec>;
export type LabelSpec = z.infer<typeof labelSpec>;
export type RelationSpec = z.infer<typeof relationSpec>;
export type DependencySpec = z.infer<typeof dependencySpec>;
export interface DomainSpec {
  labels: LabelSpec[];
  relations: RelationSpec[];
}

/** Fields every where input has besides properties and relation names. */
export const RESERVED_FILTER_NAMES: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT', 'id', 'type', 'name', 'aliases', 'nameOrAlias', 'description', 'nation', 'relation', 'exportControlled']);

/** Layer name of a dependency relation that declares none. */
export const DIRECT_LAYER = 'direct';
/** Layer masks are 16-bit words (typed arrays in the scenario engine): a schema naming more layers is refused. */
export const MAX_FAILURE_LAYERS = 16;

/** Every failure layer the relations name (their `layer`, `carries` and `passes` layers, `direct` for none), sorted. */
export function failureLayers(relations: readonly RelationSpec[]): string[] {
  const names = new Set<string>();
  for (const r of relations) {
    if (!r.dependency) continue;
    names.add(r.dependency.layer ?? DIRECT_LAYER);
    r.dependency.carries?.forEach((l) => names.add(l));
    for (const ls of Object.values(r.dependency.passes?.layers ?? {})) ls.forEach((l) => names.add(l));
  }
  return [...names].sort();
}

/** A schema file that does not validate: names the file and the field. */
export class SchemaFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field}: ${detail}`);
    this.name = 'SchemaFileError';
  }
}

function loadFile<T>(file: string, spec: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SchemaFileError(file, '(yaml)', (err as Error).message.split('\n')[0] ?? 'unreadable');
  }
  const parsed = spec.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SchemaFileError(file, issue.path.join('.') || '(root)', issue.message);
  }
  return parsed.data;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

/** Loads and cross-checks schema/labels/*.yaml and schema/relations/*.yaml under `root`. */
export function loadDomain(root: string): DomainSpec {
  const labels = yamlFiles(join(root, 'labels')).map((f) => loadFile(f, labelSpec));
  const labelNames = new Set<string>();
  for (const [i, l] of labels.entries()) {
    if (labelNames.has(l.label)) throw new SchemaFileError(yamlFiles(join(root, 'labels'))[i]!, 'label', `duplicate label ${l.label}`);
    labelNames.add(l.label);
  }
  labels.forEach((l, i) => {
    if (l.kindOf !== undefined && !labelNames.has(l.kindOf))
      throw new SchemaFileError(yamlFiles(join(root, 'labels'))[i]!, 'kindOf', `unknown label "${l.kindOf}" (known: ${[...labelNames].join(', ')})`);
  });
  const relFiles = yamlFiles(join(root, 'relations'));
  const relations = relFiles.map((f) => loadFile(f, relationSpec));
  const seen = new Set<string>();
  relations.forEach((r, i) => {
    const file = relFiles[i]!;
    if (seen.has(r.type)) throw new SchemaFileError(file, 'type', `duplicate relation type ${r.type}`);
    seen.add(r.type);
    for (const end of ['from', 'to'] as const)
      r[end].forEach((l, j) => {
        if (!labelNames.has(l)) throw new SchemaFileError(file, `${end}.${j}`, `unknown label "${l}" (known: ${[...labelNames].join(', ')})`);
      });
    // fields that name one of the relation's own properties
    const named: [string, string | undefined][] = [
      ['restricts.property', r.restricts?.property],
      ['dependency.capacity.share', r.dependency?.capacity?.share],
      ['dependency.capacity.count', r.dependency?.capacity?.count],
      ['dependency.passes.property', r.dependency?.passes?.property],
      ['replacement.property', r.replacement && 'property' in r.replacement ? r.replacement.property : undefined],
    ];
    for (const [field, prop] of named) if (prop && !r.properties[prop]) throw new SchemaFileError(file, field, `"${prop}" is not a property of ${r.type}`);
    // notTo names a property of the `to` labels and values it can take
    if (r.notTo) {
      const specs = labels.filter((l) => r.to.includes(l.label)).flatMap((l) => l.properties[r.notTo!.property] ?? []);
      if (!specs.length) throw new SchemaFileError(file, 'notTo.property', `"${r.notTo.property}" is not a property of ${r.to.join(' or ')}`);
      r.notTo.values.forEach((v, j) => {
        if (!specs.some((s) => s.values?.includes(v))) throw new SchemaFileError(file, `notTo.values.${j}`, `"${v}" is not a value of ${r.notTo!.property}`);
      });
    }
  });
  // filter names are fields of every label's where input: each unique, and no property's name
  const filterNames = new Map<string, string>();
  const propNames = new Set(labels.flatMap((l) => Object.keys(l.properties)));
  relations.forEach((r, i) => {
    for (const end of ['out', 'in'] as const) {
      const name = r.filterNames?.[end];
      if (!name) continue;
      const taken = filterNames.get(name) ?? (propNames.has(name) || RESERVED_FILTER_NAMES.has(name) ? 'a property or built-in filter' : undefined);
      if (taken) throw new SchemaFileError(relFiles[i]!, `filterNames.${end}`, `"${name}" is already ${taken}`);
      filterNames.set(name, `the filter name of ${r.type}`);
    }
  });
  const layers = failureLayers(relations);
  if (layers.length > MAX_FAILURE_LAYERS) {
    // name the file whose layer goes past the limit
    const i = relations.findIndex((_r, j) => failureLayers(relations.slice(0, j + 1)).length > MAX_FAILURE_LAYERS);
    throw new SchemaFileError(relFiles[i]!, 'dependency.layer', `${layers.length} failure layers (${layers.join(', ')}); the engine holds at most ${MAX_FAILURE_LAYERS}`);
  }
  labels.forEach((l, i) => {
    const expected = basename(yamlFiles(join(root, 'labels'))[i]!, '.yaml');
    if (expected !== kebab(l.label)) throw new SchemaFileError(`${expected}.yaml`, 'label', `file name should be ${kebab(l.label)}.yaml`);
  });
  return { labels, relations };
}

/** DataCenter -> data-center */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** DataCenter -> DATA_CENTER */
export function screamingSnake(name: string): string {
  return kebab(name).replace(/-/g, '_').toUpperCase();
}
