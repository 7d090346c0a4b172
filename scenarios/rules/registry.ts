// The shock rules by type. Adding a shock type means adding its rule file here and its tests.
import { z } from 'zod';
import apiCutoff from './api-cutoff.js';
import cloudActRuling from './cloud-act-ruling.js';
import dataLocalization from './data-localization.js';
import exportControl from './export-control.js';
import licenseChange from './license-change.js';
import outage from './outage.js';
import sanction from './sanction.js';
import type { ShockRule } from './rule.js';

/** Every shock rule, in a fixed order. */
export const RULES = [exportControl, sanction, apiCutoff, cloudActRuling, dataLocalization, outage, licenseChange] as const;

/** A shock as scenario YAML gives it, validated. */
export const shockSchema = z.discriminatedUnion('type', [exportControl.schema, sanction.schema, apiCutoff.schema, cloudActRuling.schema, dataLocalization.schema, outage.schema, licenseChange.schema]);
export type Shock = z.output<typeof shockSchema>;

/** The rule for a shock type. */
export function ruleFor(type: string): ShockRule | undefined {
  return (RULES as readonly ShockRule[]).find((r) => r.type === type);
}
