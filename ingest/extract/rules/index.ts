// The relation rules, as one table: extraction runs each on every sentence.
import type { RelationRule } from '../frame.js';
import { acquisition } from './acquisition.js';
import { cloudCommitment } from './cloud-commitment.js';
import { competitors } from './competitors.js';
import { dealWith } from './deal-with.js';
import { derivedFrom } from './derived-from.js';
import { developedBy } from './developed-by.js';
import { equippedBy } from './equipped-by.js';
import { enactedBy, governmentInstrument, nationalInstrument, passiveIssuers } from './enacted-by.js';
import { fabricatedBy } from './fabricated-by.js';
import { headquarteredIn } from './headquartered-in.js';
import { fundingRound } from './funding-round.js';
import { investsIn } from './invests-in.js';
import { listing } from './listing.js';
import { locatedIn } from './located-in.js';
import { describedSite } from './site.js';
import { operatedBy } from './operated-by.js';
import { memberOf } from './member-of.js';
import { describedDeal, namedDeal } from './named-deal.js';
import { dealCovers } from './deal-covers.js';
import { nationalRegime } from './national-regime.js';
import { partnership } from './partnership.js';
import { possessive } from './possessive.js';
import { programme } from './programme.js';
import { regulatedParties } from './regulated-parties.js';
import { releaseTitle } from './release-title.js';
import { restriction } from './restriction.js';
import { regulationReach } from './reach.js';
import { runsOn } from './runs-on.js';
import { selection } from './selection.js';
import { subsidiaryOf } from './subsidiary-of.js';
import { substitutes } from './substitutes.js';
import { trainedOn } from './trained-on.js';
import { usesModel } from './uses-model.js';
import { relatePhrases } from '../relate/relate.js';

export const RULES: readonly RelationRule[] = [
  possessive,
  developedBy,
  releaseTitle,
  derivedFrom,
  headquarteredIn,
  trainedOn,
  runsOn,
  fabricatedBy,
  equippedBy,
  memberOf,
  investsIn,
  fundingRound,
  cloudCommitment,
  acquisition,
  dealWith,
  selection,
  partnership,
  programme,
  namedDeal,
  describedDeal,
  dealCovers,
  enactedBy,
  governmentInstrument,
  nationalInstrument,
  passiveIssuers,
  restriction,
  regulationReach,
  nationalRegime,
  listing,
  describedSite,
  regulatedParties,
  usesModel,
  substitutes,
  competitors,
  subsidiaryOf,
  locatedIn,
  operatedBy,
  // the generalising layer last: where a specific rule and it read the same pair, the more confident wins
  relatePhrases,
];
