// Edits that take more than one write to state, shared by the API and the command line: merging
// entities (claims moved to the kept one, names kept as aliases, the merged ones marked).
import { InvalidInput, NotFound } from '../schema/errors.js';
import { claimId, type ClaimRecord, type EntityRecord } from '../schema/records.js';
import type { GraphStore } from './store.js';

function existing(found: ReadonlyMap<string, EntityRecord>, id: string, field: string): EntityRecord {
  const e = found.get(id);
  if (!e) throw new NotFound(`${field}: no entity with id "${id}"`);
  return e;
}

const live = (c: ClaimRecord) => (c as ClaimRecord & { retracted?: boolean }).retracted !== true;

/**
 * Merges entities into `keep`: every live claim about a merged entity is retracted and written
 * again about `keep` (a claim between two of them, now a loop, is dropped), their names become
 * aliases of `keep`, and they are marked `mergedInto` (the store has no delete). One write.
 */
export async function mergeEntities(store: GraphStore, keep: string, merge: readonly string[]): Promise<{ entity: EntityRecord; movedClaims: number; version: number }> {
  const others = [...new Set(merge)].filter((m) => m !== keep);
  if (!others.length) throw new InvalidInput('merge: name at least one entity other than keep');
  const found = await store.getEntities([keep, ...others]);
  const kept = existing(found, keep, 'keep');
  const gone: EntityRecord[] = [];
  for (const m of others) {
    const e = existing(found, m, 'merge');
    if (e.label !== kept.label) throw new InvalidInput(`merge: ${m} is a ${e.label} and ${keep} a ${kept.label}; only entities of one type merge`);
    gone.push(e);
  }
  const moved: ClaimRecord[] = [];
  const retract: string[] = [];
  const swap = (id: string) => (others.includes(id) ? keep : id);
  for (const m of others)
    for (const c of (await store.claimsAbout(m)).filter(live)) {
      retract.push(c.id);
      const { id: _id, observedAt, confidence, ...rest } = c;
      const body = { ...rest, subject: swap(c.subject), object: swap(c.object) };
      delete (body as { retracted?: boolean }).retracted;
      if (body.subject === body.object) continue;
      moved.push({ ...body, id: claimId(body), observedAt, confidence });
    }
  const aliases = [...new Set([...kept.aliases, ...gone.flatMap((g) => [g.name, ...g.aliases])])].filter((a) => a !== kept.name);
  const result = await store.write({
    entities: [{ ...kept, aliases }, ...gone.map((g) => ({ ...g, props: { ...g.props, mergedInto: keep } }))],
    claims: moved,
    retractClaims: [...new Set(retract)],
  });
  return { entity: (await store.getEntities([keep])).get(keep)!, movedClaims: moved.length, version: result.version };
}
