import { describe, expect, test } from 'vitest';
import {
  DIVERGING_PALETTE_ID,
  NO_DATA_COLOR,
  PALETTES,
  SEQUENTIAL_PALETTE_IDS,
  isSequentialPaletteId,
  paletteColors,
  type PaletteId,
} from './palettes.ts';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const ALL_IDS: PaletteId[] = [...SEQUENTIAL_PALETTE_IDS, DIVERGING_PALETTE_ID];

describe('paletteColors', () => {
  test('ColorBrewer colours as published (Blues, 5 classes)', () => {
    expect(paletteColors('blues', 5)).toEqual(['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']);
  });

  test('k hex colours for every palette and class count, all different', () => {
    for (const id of ALL_IDS) {
      for (let k = 1; k <= 9; k++) {
        const colors = paletteColors(id, k);
        expect(colors).toHaveLength(k);
        for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
        expect(new Set(colors).size).toBe(k);
      }
    }
  });

  test('sequential ramps: darker = higher value (luminance falls class by class), viridis included', () => {
    for (const id of SEQUENTIAL_PALETTE_IDS) {
      for (let k = 2; k <= 7; k++) {
        const l = paletteColors(id, k).map(luminance);
        for (let i = 1; i < k; i++) expect(l[i]!).toBeLessThan(l[i - 1]!);
      }
    }
  });

  test('diverging ramp: red (behind target) first, blue (ahead) last, lightest in the middle', () => {
    for (const k of [3, 5, 7]) {
      const colors = paletteColors('rdbu', k);
      const [r0, , b0] = [1, 3, 5].map((i) => parseInt(colors[0]!.slice(i, i + 2), 16));
      const [rk, , bk] = [1, 3, 5].map((i) => parseInt(colors[k - 1]!.slice(i, i + 2), 16));
      expect(r0!).toBeGreaterThan(b0!);
      expect(bk!).toBeGreaterThan(rk!);
      const l = colors.map(luminance);
      expect(Math.max(...l)).toBe(l[(k - 1) / 2]);
    }
    expect(paletteColors('rdbu', 1)).toEqual(['#f7f7f7']);
  });

  test('class counts the schemes do not have are refused', () => {
    expect(() => paletteColors('blues', 0)).toThrow(RangeError);
    expect(() => paletteColors('viridis', 10)).toThrow(RangeError);
    expect(() => paletteColors('rdbu', 2.5)).toThrow(RangeError);
  });
});

/** CIELAB (D65) of a #rrggbb colour, for colour differences (CIE76 ΔE). */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116)) as [number, number, number];
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

describe('no-data colour', () => {
  test('contrast ≥ 2:1 with the lightest class: the first of each sequential ramp, the diverging middle', () => {
    for (let k = 3; k <= 7; k++) {
      for (const id of SEQUENTIAL_PALETTE_IDS) expect(contrast(NO_DATA_COLOR, paletteColors(id, k)[0]!)).toBeGreaterThanOrEqual(2);
      if (k % 2 === 1) expect(contrast(NO_DATA_COLOR, paletteColors('rdbu', k)[(k - 1) / 2]!)).toBeGreaterThanOrEqual(2);
    }
  });
  test('clearly different (ΔE ≥ 20) from every class colour of every ramp', () => {
    for (const id of ALL_IDS) {
      for (let k = 3; k <= 7; k++) {
        for (const c of paletteColors(id, k)) expect(deltaE(NO_DATA_COLOR, c)).toBeGreaterThanOrEqual(20);
      }
    }
  });
  test('is a neutral grey', () => {
    expect(NO_DATA_COLOR.slice(1, 3)).toBe(NO_DATA_COLOR.slice(3, 5));
    expect(NO_DATA_COLOR.slice(3, 5)).toBe(NO_DATA_COLOR.slice(5, 7));
  });
});

test('every palette has a name in both languages; ids are told apart', () => {
  expect(PALETTES.map((p) => p.id).sort()).toEqual([...ALL_IDS].sort());
  for (const p of PALETTES) {
    expect(p.name.zh).not.toBe('');
    expect(p.name.en).not.toBe('');
  }
  expect(isSequentialPaletteId('viridis')).toBe(true);
  expect(isSequentialPaletteId('rdbu')).toBe(false);
  expect(isSequentialPaletteId('constructor')).toBe(false);
});
