import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import { computeCoverage, computeCoveredRows } from './engine.ts';
import { coverageGeometry, serviceCircles } from './geometry.ts';
import { prepareCoverageGrid } from './grid.ts';
import { collection, offset, squareDistrict } from './test-support.ts';

const LON = 113;
const LAT = 22.5;
const west = squareDistrict('W', LON, LAT, 10_000);
const eastLon = west.geometry.coordinates[0]![1]![0]!;
const districts = collection(west, squareDistrict('E', eastLon, LAT, 10_000));
const grid = prepareCoverageGrid(districts);
const facilities = Array.from({ length: 30 }, (_, i) => offset(LON, LAT, (i * 3761) % 20_000, (i * 2179) % 10_000));

describe('gap and footprint geometry', () => {
  const r = 1200;
  const covered = computeCoveredRows(grid, facilities, r);
  const result = computeCoverage(grid, facilities, r);
  const geometry = coverageGeometry(grid, covered, { cellMetres: 100 });

  it('draws one merged feature per district in each layer', () => {
    expect(geometry.footprint.features.map((f) => f.properties.adcode)).toEqual(['W', 'E']);
    expect(geometry.gaps.features.map((f) => f.properties.kind)).toEqual(['gap', 'gap']);
    expect(geometry.positions).toBe(geometry.rectangles * 5);
  });

  it('covered and gap rectangles tile each district, and their areas match the computed shares', () => {
    geometry.footprint.features.forEach((f, i) => {
      const covArea = area(f);
      const gapArea = area(geometry.gaps.features[i]!);
      const whole = area(districts.features[i]!);
      expect((covArea + gapArea) / whole).toBeCloseTo(1, 2);
      // Drawing cells of 100 m against circles of 1.2 km: within a percentage point.
      expect(Math.abs(covArea / whole - result.districts[i]!.coveredAreaShare) * 100).toBeLessThan(1);
    });
  });

  it('coarsens the cells until the rectangle budget holds', () => {
    const capped = coverageGeometry(grid, covered, { cellMetres: 50, maxRectangles: 300 });
    expect(capped.rectangles).toBeLessThanOrEqual(300);
    expect(capped.cellMetres).toBeGreaterThan(50);
  });

  it('draws the whole district as a gap when nothing covers it', () => {
    const empty = coverageGeometry(grid, computeCoveredRows(grid, [], r), { cellMetres: 100 });
    expect(empty.footprint.features.every((f) => f.geometry.coordinates.length === 0)).toBe(true);
    expect(area(empty.gaps.features[0]!) / area(west)).toBeCloseTo(1, 2);
  });
});

describe('individual service circles', () => {
  it('draws one 64-vertex ring per facility, names kept as plain data', () => {
    const circles = serviceCircles([{ lon: LON, lat: LAT, id: 'a', name: '<b>卫生院</b>', category: 'township-health-centre' }], 800)!;
    expect(circles.features).toHaveLength(1);
    expect(circles.features[0]!.geometry.coordinates[0]).toHaveLength(65);
    expect(circles.features[0]!.properties).toEqual({ id: 'a', name: '<b>卫生院</b>', category: 'township-health-centre', radiusMetres: 800 });
  });

  it('returns null above the limit, where the merged footprint is drawn instead', () => {
    expect(serviceCircles(facilities, 500, 10)).toBeNull();
    expect(serviceCircles(facilities, 0)!.features).toHaveLength(0);
  });
});
