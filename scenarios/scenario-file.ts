// Scenario YAML (README: Scenarios): parsing with zod, loading files and the library, and
// checking every entity a shock names against a snapshot. Errors name the file, the line or
// the field path, and the bad value.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { isoDate } from '../schema/generated/model.js';
import { InvalidInput, NotFound } from '../schema/errors.js';
import { dateProblem } from '../schema/validate.js';
import type { Snapshot } from '../graph/snapshot.js';
import { ruleFor, shockSchema } from './rules/registry.js';
import { HORIZON } from './levels.js';

// a calendar date that exists (2019-00-10 is refused, naming the value), or a date YAML already parsed
const dateString = z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).superRefine((value, ctx) => {
  const problem = dateProblem('asOf', value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.replace(/^asOf: /, '') });
});

/** A scenario as YAML gives it, validated. */
export const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case name like h20-ban'),
    title: z.string().min(1),
    description: z.string().default(''),
    sources: z.array(z.string().min(1)).default([]),
    asOf: dateString.optional(),
    /** how far ahead the scenario looks: immediate, or months (6m, 24m); a short horizon lets an installed base run on (default: the long run) */
    horizon: z.string().regex(HORIZON, 'expected immediate or a number of months like 6m or 24m').optional(),
    /** evaluate the graph's own rules in force first; the result then says what the shocks change beyond them */
    baseline: z.boolean().default(false),
    shocks: z.array(shockSchema).min(1),
  })
  .strict();
export type Scenario = z.output<typeof scenarioSchema>;

/** The library folder shipped with the project. */
export const LIBRARY_DIR = fileURLToPath(new URL('./library/', import.meta.url));

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.length ? issue.path.join('.') : '(scenario)';
  return `${path}: ${issue.message}`;
}

/** Parses scenario YAML text; `origin` names the file in errors. */
export function parseScenario(text: string, origin = '(scenario)'): Scenario {
  const doc = parseDocument(text, { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? text.slice(0, yamlError.pos[0]).split('\n').length;
    throw new InvalidInput(`${origin}${line ? `:${line}` : ''}: invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  return fromObject(doc.toJS(), origin);
}

/** Validates an already-parsed scenario object (e.g. from GraphQL input). */
export function fromObject(raw: unknown, origin = '(scenario)'): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInput(`${origin}: ${describe(parsed.error)}`);
  return parsed.data;
}

/** Reads and validates one scenario file. */
export function loadScenarioFile(path: string): Scenario {
  if (!existsSync(path)) throw new NotFound(`scenario file not found: ${path}`);
  return parseScenario(readFileSync(path, 'utf8'), path);
}

/** Every scenario in a folder (the library by default), sorted by name; bad files are reported, not fatal. */
export function loadLibrary(dir: string = LIBRARY_DIR): { scenarios: Scenario[]; errors: InvalidInput[] } {
  const scenarios: Scenario[] = [];
  const errors: InvalidInput[] = [];
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const f of files) {
    try {
      const s = loadScenarioFile(join(dir, f));
      if (s.name !== basename(f).replace(/\.ya?ml$/, '')) throw new InvalidInput(`${join(dir, f)}: name: "${s.name}" should match the file name`);
      scenarios.push(s);
    } catch (err) {
      errors.push(err instanceof InvalidInput ? err : new InvalidInput(`${join(dir, f)}: ${(err as Error).message}`));
    }
  }
  scenarios.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { scenarios, errors };
}

/** A library scenario by name, or a scenario file when the argument ends in .yaml/.yml. */
export function findScenario(nameOrFile: string, dir: string = LIBRARY_DIR): Scenario {
  if (/\.ya?ml$/.test(nameOrFile)) return loadScenarioFile(nameOrFile);
  const path = join(dir, `${nameOrFile}.yaml`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(nameOrFile) || !existsSync(path)) {
    const known = loadLibrary(dir).scenarios.map((s) => s.name);
    throw new NotFound(`unknown scenario "${nameOrFile}" (known: ${known.join(', ')})`);
  }
  return loadScenarioFile(path);
}

/** Every problem with the entity ids a scenario names, as `shocks.i.field.j: ...` lines. */
export function scenarioProblems(snapshot: Snapshot, scenario: Scenario): string[] {
  const problems: string[] = [];
  scenario.shocks.forEach((shock, i) => {
    const rule = ruleFor(shock.type)!;
    const fields: [string, readonly string[] | null][] = [...Object.entries(rule.refs), ['regulation', ['Regulation']]];
    for (const [field, labels] of fields) {
      const value = (shock as Record<string, unknown>)[field];
      if (value === undefined) continue;
      const list = Array.isArray(value) ? (value as string[]) : [value as string];
      list.forEach((id, j) => {
        const path = `shocks.${i}.${field}${Array.isArray(value) ? `.${j}` : ''}`;
        const node = snapshot.indexOf(id);
        if (node === undefined) problems.push(`${path}: unknown entity "${id}"`);
        else if (labels && !labels.includes(snapshot.label(node))) problems.push(`${path}: expected ${labels.join(' or ')}, got ${snapshot.label(node)} "${id}"`);
      });
    }
  });
  return problems;
}

/** Throws InvalidInput naming the first bad field and value when a scenario names unknown entities. */
export function validateScenario(snapshot: Snapshot, scenario: Scenario): void {
  const problems = scenarioProblems(snapshot, scenario);
  if (problems.length) throw new InvalidInput(`scenario ${scenario.name}: ${problems.join('; ')}`);
}
