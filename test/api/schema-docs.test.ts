// Every type, field and argument of the GraphQL schema is described: the IDE's docs and
// introspection explain the whole surface.
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../api/graphql/sdl.js';

describe('schema documentation', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const undescribed = { types: [] as string[], fields: [] as string[], args: [] as string[] };
  let fields = 0;
  let args = 0;
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name)) continue;
    if (!t.description) undescribed.types.push(t.name);
    if (!(isObjectType(t) || isInterfaceType(t) || isInputObjectType(t))) continue;
    for (const f of Object.values(t.getFields())) {
      fields++;
      if (!f.description) undescribed.fields.push(`${t.name}.${f.name}`);
      for (const a of 'args' in f ? f.args : []) {
        args++;
        if (!a.description) undescribed.args.push(`${t.name}.${f.name}(${a.name})`);
      }
    }
  }

  it('describes every type, field and argument', () => {
    expect(fields).toBeGreaterThan(500);
    expect(args).toBeGreaterThan(150);
    expect(undescribed).toEqual({ types: [], fields: [], args: [] });
  });

  it("takes each label's property descriptions from the domain model", () => {
    const chip = schema.getType('Chip');
    expect(isObjectType(chip) && chip.getFields().segment!.description).toMatch(/market the part is built for/);
    const where = schema.getType('ModelWhere');
    expect(isInputObjectType(where) && where.getFields().developer!.description).toMatch(/DEVELOPED_BY/);
  });
});
