/**
 * The category shapes of data/facility-categories.json (square for hospitals, triangle for village
 * clinics, star for culture …) as small white icons drawn inside each facility's coloured circle,
 * so categories can be told apart without relying on colour alone. This module is the geometry;
 * map-images.ts draws it when the map first asks for an icon.
 */
import type { FacilityCategory } from '../domain/facility-categories.ts';

export type SymbolShape = FacilityCategory['symbol']['shape'];

export const SHAPE_ICON_PREFIX = 'facility-shape-';

/** Logical size of an icon, CSS pixels; the layer scales it with the zoom. */
export const SHAPE_ICON_SIZE = 12;

export const SHAPES: readonly SymbolShape[] = ['circle', 'square', 'triangle', 'diamond', 'pentagon', 'hexagon', 'star'];

export function shapeIconId(shape: SymbolShape): string {
  return `${SHAPE_ICON_PREFIX}${shape}`;
}

/** Regular polygon of n corners on a circle of radius r, the first corner at the top. */
function polygon(n: number, r: number, rotate = 0): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + rotate + (2 * Math.PI * i) / n;
    return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
  });
}

/**
 * Corners of a shape centred on 0,0 and fitting in a circle of radius r (y grows downwards, as on
 * a canvas). Pure, so the geometry is tested without a canvas.
 */
export function shapeVertices(shape: SymbolShape, r: number): [number, number][] {
  switch (shape) {
    case 'circle':
      return polygon(24, r * 0.62);
    case 'square':
      return polygon(4, r, Math.PI / 4);
    case 'diamond':
      return polygon(4, r);
    case 'triangle':
      // Its centroid at the centre, so it sits visually in the middle of the circle.
      return polygon(3, r).map(([x, y]) => [x, y + r * 0.15]);
    case 'pentagon':
      return polygon(5, r);
    case 'hexagon':
      return polygon(6, r);
    case 'star':
      return polygon(10, r).map(([x, y], i) => (i % 2 === 0 ? [x, y] : [x * 0.45, y * 0.45]));
  }
}
