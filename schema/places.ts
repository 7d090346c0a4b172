// Places, read once from the domain model: the labels jurisdiction relations point to (nations,
// blocs). A rule naming a place scopes by where things are; an outage of one takes down what sits there.
import { DOMAIN } from './generated/domain.js';
import { LABELS, type Label } from './generated/model.js';

/** Label indexes (into LABELS) of the places. */
export const PLACE_LABELS: ReadonlySet<number> = new Set(DOMAIN.relations.filter((r) => r.jurisdiction).flatMap((r) => r.to.map((l) => LABELS.indexOf(l as Label))));
