import { describe, expect, it } from 'vitest';
import { CATEGORY_CATALOGUE } from '../domain/facility-categories.ts';
import { SHAPES, shapeVertices, type SymbolShape } from './facility-icons.ts';

describe('category shape icons', () => {
  it('have the corners each shape should have, all within the given radius', () => {
    const corners: Record<SymbolShape, number> = { circle: 24, square: 4, diamond: 4, triangle: 3, pentagon: 5, hexagon: 6, star: 10 };
    for (const [shape, n] of Object.entries(corners) as [SymbolShape, number][]) {
      const v = shapeVertices(shape, 10);
      expect(v, shape).toHaveLength(n);
      for (const [x, y] of v) expect(Math.hypot(x, y), shape).toBeLessThanOrEqual(10 * 1.16);
    }
  });

  it('draw the square axis-aligned and the diamond on its corner', () => {
    const square = shapeVertices('square', Math.SQRT2);
    for (const [x, y] of square) {
      expect(Math.abs(Math.abs(x) - 1)).toBeLessThan(1e-9);
      expect(Math.abs(Math.abs(y) - 1)).toBeLessThan(1e-9);
    }
    const [top] = shapeVertices('diamond', 1);
    expect(top![0]).toBeCloseTo(0, 12);
    expect(top![1]).toBeCloseTo(-1, 12);
  });

  it('alternate outer and inner corners for the star', () => {
    const star = shapeVertices('star', 1).map(([x, y]) => Math.hypot(x, y));
    for (let i = 0; i < star.length; i++) expect(star[i]).toBeCloseTo(i % 2 === 0 ? 1 : 0.45, 12);
  });

  it('exist for every shape the category catalogue uses', () => {
    for (const c of CATEGORY_CATALOGUE.categories) {
      expect(SHAPES, c.id).toContain(c.symbol.shape);
      expect(shapeVertices(c.symbol.shape, 1).length).toBeGreaterThanOrEqual(3);
    }
  });
});
