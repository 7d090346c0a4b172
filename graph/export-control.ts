// Export control as the graph states it: an item is export-controlled when a regulation in force
// bans it or requires a licence for it, through a relation whose `restricts` flag in schema/
// says which property values restrict (APPLIES_TO with effect ban or license_required). A label's
// `exportClass` text or a proposed rule does not make it so: the NVIDIA H20 is sold to China under
// the rules in force, and only a proposal would ban it.
import { DOMAIN } from '../schema/generated/domain.js';
import { RELATION_TYPES } from '../schema/generated/model.js';
import { PLACE_LABELS } from '../schema/places.js';
import { dateMs, type Snapshot } from './snapshot.js';

/** How a rule in force restricts an item: a ban, or a licence requirement. */
export type ExportControlLevel = 'ban' | 'license';

/** Per relation type index, its `restricts` flag from schema/ (undefined when it restricts nothing). */
export const RESTRICTS = RELATION_TYPES.map((t) => DOMAIN.relations.find((r) => r.type === t)?.restricts);

/** Whether a regulation node is in force at asOfMs (NaN: any date): status in_force, effective on or before the date. */
export function regulationInForce(s: Snapshot, reg: number, asOfMs: number): boolean {
  const props = s.nodeProps.at(reg);
  if (props.status !== 'in_force') return false;
  const effective = dateMs(typeof props.effectiveDate === 'string' ? props.effectiveDate : undefined);
  return Number.isNaN(asOfMs) || Number.isNaN(effective) || effective <= asOfMs;
}

const cache = new WeakMap<Snapshot, Map<number, Map<number, ExportControlLevel>>>();

/**
 * The items (node indexes) regulations in force restrict at a date, each with its strongest level:
 * the `to` ends of restricting relations that are not places, valid at the date, from a regulation
 * in force. Cached per snapshot and date.
 */
export function exportControls(s: Snapshot, asOfMs = Number.NaN): ReadonlyMap<number, ExportControlLevel> {
  let perDate = cache.get(s);
  if (!perDate) cache.set(s, (perDate = new Map()));
  const key = Number.isNaN(asOfMs) ? -Infinity : asOfMs;
  const known = perDate.get(key);
  if (known) return known;
  const out = new Map<number, ExportControlLevel>();
  for (let e = 0; e < s.edgeCount; e++) {
    const r = RESTRICTS[s.edgeType[e]!];
    if (!r || !s.validAt(e, asOfMs)) continue;
    const value = String(s.edgeProps.at(e)[r.property]);
    const level: ExportControlLevel | null = r.hard.includes(value) ? 'ban' : r.conditional.includes(value) ? 'license' : null;
    const item = s.edgeTo[e]!;
    if (!level || PLACE_LABELS.has(s.labelOf[item]!) || !regulationInForce(s, s.edgeFrom[e]!, asOfMs)) continue;
    if (out.get(item) !== 'ban') out.set(item, level);
  }
  perDate.set(key, out);
  return out;
}

/** Whether node i is export-controlled at asOfMs (see exportControls). */
export function isExportControlled(s: Snapshot, i: number, asOfMs = Number.NaN): boolean {
  return exportControls(s, asOfMs).has(i);
}
