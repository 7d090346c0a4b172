// The impact statuses stay apart for readers with the common colour-vision deficiencies:
// simulated with Machado et al. (2009) at full severity, every pair of status colours keeps a
// minimum CIELAB distance, in both themes. Status is also drawn as an icon and a word.
import { describe, expect, it } from 'vitest';
import { distance, simulate, type Deficiency } from '../../api/embed/colour-vision.js';
import { labelColours, statusPalette } from '../../api/embed/palette.js';
import { LABELS } from '../../schema/generated/model.js';

// CIE76 distances: about 2.3 is just noticeable; 20 reads as clearly different side by side
const MIN: Record<Deficiency | 'none', number> = { none: 25, protanopia: 20, deuteranopia: 20, tritanopia: 15 };

describe('colour-vision simulation', () => {
  it.each([
    ['#ffffff', 'deuteranopia', [1, 1, 1]],
    ['#000000', 'protanopia', [0, 0, 0]],
  ] as const)('keeps %s as it is under %s', (hex, d, rgb) => {
    simulate(hex, d).forEach((c, i) => expect(c).toBeCloseTo(rgb[i]!, 2));
  });
  it('makes red and green hard to tell apart under deuteranopia, as it should', () => {
    expect(distance('#d62728', '#2ca02c', 'none')).toBeGreaterThan(60);
    expect(distance('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(25);
  });
  it('shows the old status palette (red, orange, gold) collapsing, the reason for the new one', () => {
    expect(distance('#d35400', '#b7950b', 'deuteranopia')).toBeLessThan(12);
  });
});

describe('status palette', () => {
  for (const theme of ['light', 'dark'] as const) {
    const palette = Object.entries(statusPalette(theme));
    for (const deficiency of Object.keys(MIN) as (Deficiency | 'none')[]) {
      it(`keeps every pair of statuses at least ${MIN[deficiency]} apart under ${deficiency} (${theme})`, () => {
        for (let i = 0; i < palette.length; i++)
          for (let j = i + 1; j < palette.length; j++) {
            const [a, ca] = palette[i]!;
            const [b, cb] = palette[j]!;
            expect(distance(ca, cb, deficiency), `${a} ${ca} vs ${b} ${cb}`).toBeGreaterThanOrEqual(MIN[deficiency]);
          }
      });
    }
    it(`keeps "degraded" apart from every label colour (${theme})`, () => {
      const degraded = statusPalette(theme).DEGRADED;
      for (const label of LABELS) expect(distance(degraded, labelColours(label, theme).strong), label).toBeGreaterThanOrEqual(15);
    });
  }
});
