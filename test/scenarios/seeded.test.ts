import { describe, expect, it } from 'vitest';
import { relationsFromClaims } from '../../graph/claims.js';
import { Snapshot } from '../../graph/snapshot.js';
import { loadSeeds } from '../../seeds/load.js';
import { runScenario } from '../../scenarios/engine.js';
import { loadLibrary } from '../../scenarios/scenario-file.js';

// The seeded graph, when the seed folder loads and holds deployments; otherwise these tests skip.
function seeded(): Snapshot | null {
  try {
    const s = loadSeeds();
    const snap = Snapshot.fromRecords(s.entities, relationsFromClaims(s.claims));
    return snap.ids.some((id) => id.startsWith('deployment:')) ? snap : null;
  } catch {
    return null;
  }
}

const snap = seeded();

describe.skipIf(!snap)('library scenarios on the seeded graph', () => {
  for (const sc of loadLibrary().scenarios)
    it(`${sc.name} hits something and spares something`, () => {
      const r = runScenario(snap!, sc);
      expect(r.summary.broken + r.summary.degraded + r.summary.atRisk).toBeGreaterThan(0);
      expect(r.summary.unaffected).toBeGreaterThan(0);
    });
});
