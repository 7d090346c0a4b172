// Text output for people: strings from the graph never reach the terminal as control sequences.
import { describe, expect, it } from 'vitest';
import { formatChokepoints, formatScenarioTable, terminalSafe } from '../../scenarios/format.js';

describe('terminal output', () => {
  it('shows escape sequences smuggled into ids as replacement characters', () => {
    expect(terminalSafe('org:\u001b]0;pwned\u0007x')).toBe('org:\ufffd]0;pwned\ufffdx');
    const out = formatChokepoints([{ entity: { id: 'org:\u001b[31mred', name: 'x', label: 'Organization' }, broken: 1, degraded: 0, atRisk: 0, share: 0.5 }]);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('org:\ufffd[31mred');
  });

  it('says how much supply a shortfall loses', () => {
    const out = formatScenarioTable({
      scenario: 'x',
      asOf: null,
      summary: { broken: 0, degraded: 1, atRisk: 0, unaffected: 0 },
      impacts: [{ deployment: { id: 'deployment:d', name: 'd' }, status: 'DEGRADED', lost: 0.62, causes: [], mitigations: [] }],
    });
    expect(out).toContain('DEGRADED 62% lost  deployment:d');
  });
});
