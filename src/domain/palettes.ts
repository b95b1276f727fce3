/**
 * Colour ramps for the choropleth, all colour-blind-safe (ColorBrewer schemes marked
 * "colorblind safe", and viridis), taken from d3-scale-chromatic.
 *
 * Conventions:
 * - Value view: colour encodes magnitude, never merit. Darker = higher value for every
 *   indicator, including lower-is-better ones (e.g. a death rate); the ramp is not
 *   reversed, so the map reads the same way whatever the indicator.
 * - Target view: merit is shown there, with the diverging ramp over the gap to the target.
 *   The gap must be oriented so that negative = behind target and positive = ahead of it
 *   (value − target for higher-is-better indicators, target − value for lower-is-better).
 *   The first (red) colours are behind target, the last (blue) ones ahead; with an odd
 *   class count the neutral middle colour is "on target".
 */
import { interpolateViridis, schemeBlues, schemeOranges, schemeRdBu, schemeYlGnBu } from 'd3-scale-chromatic';
import type { Bilingual } from './url-state.ts';

export const SEQUENTIAL_PALETTE_IDS = ['blues', 'ylgnbu', 'viridis', 'oranges'] as const;
export type SequentialPaletteId = (typeof SEQUENTIAL_PALETTE_IDS)[number];
export const DIVERGING_PALETTE_ID = 'rdbu';
export type PaletteId = SequentialPaletteId | typeof DIVERGING_PALETTE_ID;
export const DEFAULT_SEQUENTIAL_PALETTE: SequentialPaletteId = 'blues';

export interface PaletteInfo {
  id: PaletteId;
  kind: 'sequential' | 'diverging';
  name: Bilingual;
}

export const PALETTES: readonly PaletteInfo[] = [
  { id: 'blues', kind: 'sequential', name: { zh: '蓝色', en: 'Blues' } },
  { id: 'ylgnbu', kind: 'sequential', name: { zh: '黄—绿—蓝', en: 'Yellow–green–blue' } },
  { id: 'viridis', kind: 'sequential', name: { zh: '翠绿（Viridis）', en: 'Viridis' } },
  { id: 'oranges', kind: 'sequential', name: { zh: '橙色', en: 'Oranges' } },
  { id: 'rdbu', kind: 'diverging', name: { zh: '红—蓝（落后—领先目标）', en: 'Red–blue (behind–ahead of target)' } },
];

/**
 * Districts without a value: a mid grey, achromatic so it is not read as a class, and
 * dark enough to stand apart from the lightest class of every ramp (contrast ≥ 2:1, tested).
 */
export const NO_DATA_COLOR = '#969696';
export const NO_DATA_LABEL: Bilingual = { zh: '无数据', en: 'No data' };

/** ColorBrewer schemes exist for 3 to 9 colours. */
const MIN_SCHEME = 3;
const MAX_COLORS = 9;

const SCHEMES: Record<Exclude<PaletteId, 'viridis'>, ReadonlyArray<readonly string[]>> = {
  blues: schemeBlues,
  ylgnbu: schemeYlGnBu,
  oranges: schemeOranges,
  rdbu: schemeRdBu,
};

export function isSequentialPaletteId(id: string): id is SequentialPaletteId {
  return (SEQUENTIAL_PALETTE_IDS as readonly string[]).includes(id);
}

export function paletteInfo(id: PaletteId): PaletteInfo {
  return PALETTES.find((p) => p.id === id)!;
}

/**
 * `k` hex colours, lightest (lowest value) first; for 'rdbu', red (behind target) first.
 * k = 1 or 2 (a classification reduced by ties) picks from the 3-colour scheme: the
 * middle colour, or both ends.
 * @throws RangeError if k is not an integer from 1 to 9.
 */
export function paletteColors(id: PaletteId, k: number): string[] {
  if (!Number.isInteger(k) || k < 1 || k > MAX_COLORS) {
    throw new RangeError(`a palette has 1 to ${MAX_COLORS} colours, asked for ${k}`);
  }
  if (id === 'viridis') {
    // viridis runs dark → light; reversed so that darker = higher, like the other ramps.
    if (k === 1) return [interpolateViridis(0.5)];
    return Array.from({ length: k }, (_, i) => interpolateViridis(1 - i / (k - 1)));
  }
  const scheme = SCHEMES[id];
  if (k < MIN_SCHEME) {
    const three = scheme[MIN_SCHEME]!;
    return k === 1 ? [three[1]!] : [three[0]!, three[2]!];
  }
  return [...scheme[k]!];
}
