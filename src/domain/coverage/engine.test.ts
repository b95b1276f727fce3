import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { area, earthRadius } from '@turf/turf';
import { computeCoverage, computeCoveredRows, rowSampling } from './engine.ts';
import { prepareCoverageGrid, ROWS_PER_DIAMETER, withCensusPopulation, withPopulationPoints, type CoverageDistrictCollection } from './grid.ts';
import { EARTH_RADIUS_METRES } from './sphere.ts';
import { exactCoverageTurf } from './turf-reference.ts';
import { collection, offset, squareDistrict } from './test-support.ts';

/** Percentage points between two shares given as 0–1. */
const pp = (a: number, b: number) => Math.abs(a - b) * 100;

// A 10 km × 10 km square district near Jiangmen (made up for the tests, not data).
const LON = 113;
const LAT = 22.5;
const SIDE = 10_000;
const square = collection(squareDistrict('A', LON, LAT, SIDE));
const squareGrid = prepareCoverageGrid(square, { populationByAdcode: { A: 100_000 } });
const centre = offset(LON, LAT, SIDE / 2, SIDE / 2);

describe('spherical model', () => {
  it('uses the same earth radius as Turf, so the two methods measure the same circles', () => {
    expect(EARTH_RADIUS_METRES).toBe(earthRadius);
  });

  it("integrates the square's area to turf.area's value", () => {
    expect(squareGrid.districts[0]!.integratedAreaM2 / area(square.features[0]!)).toBeCloseTo(1, 4);
    expect(area(square.features[0]!) / SIDE ** 2).toBeCloseTo(1, 3);
  });
});

describe('one facility in a square district', () => {
  it.each([300, 1000, 2500, 5000])('covers πr²/side² of the area at r = %i m, as Turf does', (r) => {
    const engine = computeCoverage(squareGrid, [centre], r).districts[0]!;
    const turf = exactCoverageTurf(square, [centre], r).districts[0]!;
    const analytic = (Math.PI * r * r) / SIDE ** 2;
    expect(pp(engine.coveredAreaShare, analytic)).toBeLessThan(0.05);
    expect(pp(engine.coveredAreaShare, turf.coveredAreaShare)).toBeLessThan(0.2);
    // Turf's 64-gon is inscribed in the circle: slightly smaller, never larger.
    expect(turf.coveredAreaShare).toBeLessThan(analytic);
    expect(engine.coveredPopulationShare).toBeCloseTo(engine.coveredAreaShare, 12);
  });

  it('caps at the district: a circle larger than the square covers all of it', () => {
    const result = computeCoverage(squareGrid, [centre], 8000);
    expect(result.districts[0]!.coveredAreaShare).toBeCloseTo(1, 6);
    expect(result.city.coveredPopulationShare).toBeCloseTo(1, 6);
  });

  it('a facility at a corner covers a quarter circle', () => {
    const r = 2000;
    const share = computeCoverage(squareGrid, [{ lon: LON, lat: LAT }], r).districts[0]!.coveredAreaShare;
    expect(pp(share, (Math.PI * r * r) / 4 / SIDE ** 2)).toBeLessThan(0.05);
  });
});

describe('facilities outside the city, radius 0 and bad radii', () => {
  it('facilities far from every district cover nothing and are reported as outside', () => {
    const far = [offset(LON, LAT, -20_000, 5000), offset(LON, LAT, 5000, 30_000)];
    const result = computeCoverage(squareGrid, far, 1000);
    expect(result.city.coveredAreaShare).toBe(0);
    expect(result.facilities).toEqual({ used: 2, invalid: 0, outsideDistricts: 2 });
    expect(exactCoverageTurf(square, far, 1000).city.coveredAreaShare).toBe(0);
  });

  it('a facility just outside the edge still covers the part of its circle across it', () => {
    const r = 1000;
    const outside = offset(LON, LAT, -500, SIDE / 2);
    const engine = computeCoverage(squareGrid, [outside], r);
    const turf = exactCoverageTurf(square, [outside], r);
    expect(engine.facilities.outsideDistricts).toBe(1);
    expect(engine.city.coveredAreaShare).toBeGreaterThan(0);
    expect(pp(engine.city.coveredAreaShare, turf.city.coveredAreaShare)).toBeLessThan(0.02);
  });

  it('radius 0 covers nothing', () => {
    expect(computeCoverage(squareGrid, [centre], 0).city.coveredAreaShare).toBe(0);
    expect(exactCoverageTurf(square, [centre], 0).city.coveredAreaShare).toBe(0);
  });

  it('no facilities cover nothing', () => {
    expect(computeCoverage(squareGrid, [], 1000).city).toMatchObject({ coveredAreaShare: 0, coveredPopulationShare: 0 });
  });

  it('rejects a negative or non-finite radius', () => {
    expect(() => computeCoverage(squareGrid, [centre], -1)).toThrow(RangeError);
    expect(() => computeCoverage(squareGrid, [centre], Number.NaN)).toThrow(/radius/);
  });

  it('skips facilities without a valid position and counts them', () => {
    const result = computeCoverage(squareGrid, [centre, { lon: Number.NaN, lat: 22.5 }, { lon: 113, lat: 95 }], 1000);
    expect(result.facilities).toEqual({ used: 1, invalid: 2, outsideDistricts: 0 });
    expect(result.city.coveredAreaShare).toBeCloseTo(computeCoverage(squareGrid, [centre], 1000).city.coveredAreaShare, 12);
  });
});

describe('overlapping circles', () => {
  it('counts the union once: two circles r apart cover 2πr² minus their lens', () => {
    const r = 1000;
    const a = offset(LON, LAT, 4500, 5000);
    const b = offset(LON, LAT, 5500, 5000);
    // Lens of two circles of radius r whose centres are d = r apart: 2r²·acos(1/2) − (r/2)·√3·r.
    const lens = 2 * r * r * Math.acos(0.5) - (r / 2) * Math.sqrt(3) * r;
    const analytic = (2 * Math.PI * r * r - lens) / SIDE ** 2;
    const engine = computeCoverage(squareGrid, [a, b], r).city.coveredAreaShare;
    expect(pp(engine, analytic)).toBeLessThan(0.05);
    expect(pp(engine, exactCoverageTurf(square, [a, b], r).city.coveredAreaShare)).toBeLessThan(0.1);
  });

  it('a facility repeated many times covers what one does', () => {
    const once = computeCoverage(squareGrid, [centre], 1500).city.coveredAreaShare;
    const many = computeCoverage(squareGrid, Array(50).fill(centre), 1500).city.coveredAreaShare;
    expect(many).toBeCloseTo(once, 12);
  });
});

describe('districts side by side', () => {
  const west = squareDistrict('W', LON, LAT, SIDE);
  const eastLon = west.geometry.coordinates[0]![1]![0]!;
  const pair: CoverageDistrictCollection = collection(west, squareDistrict('E', eastLon, LAT, SIDE));
  const grid = prepareCoverageGrid(pair, { populationByAdcode: { W: 1000, E: 3000 } });

  it('a circle on the shared edge covers half a circle in each', () => {
    const r = 2000;
    const onEdge = { lon: eastLon, lat: centre.lat };
    const result = computeCoverage(grid, [onEdge], r);
    const half = (Math.PI * r * r) / 2 / SIDE ** 2;
    for (const d of result.districts) expect(pp(d.coveredAreaShare, half)).toBeLessThan(0.05);
    // The whole circle over twice the area of one square.
    expect(pp(result.city.coveredAreaShare, half)).toBeLessThan(0.05);
    const turf = exactCoverageTurf(pair, [onEdge], r, { populationByAdcode: { W: 1000, E: 3000 } });
    result.districts.forEach((d, i) => expect(pp(d.coveredAreaShare, turf.districts[i]!.coveredAreaShare)).toBeLessThan(0.1));
  });

  it('leaves the population share of a district without imported residents undefined, not zero', () => {
    const westOnly = withPopulationPoints(grid, [{ ...offset(LON, LAT, 5000, 5000), population: 10 }]);
    const result = computeCoverage(westOnly, [offset(LON, LAT, 5000, 5000)], 500);
    expect(result.districts.map((d) => [d.population, d.coveredPopulationShare])).toEqual([
      [10, 1],
      [0, null],
    ]);
    expect(result.city.coveredPopulationShare).toBe(1);
  });

  it('weights the city-wide population share by each district population', () => {
    const inWest = offset(LON, LAT, SIDE / 2, SIDE / 2);
    const result = computeCoverage(grid, [inWest], 2000);
    const [w, e] = result.districts;
    expect(e!.coveredPopulationShare).toBe(0);
    expect(result.city.population).toBe(4000);
    expect(result.city.coveredPopulationShare).toBeCloseTo((w!.coveredPopulationShare! * 1000) / 4000, 12);
    expect(result.city.coveredAreaShare).toBeCloseTo(w!.coveredAreaShare / 2, 4);
  });
});

describe('population points', () => {
  const inside = offset(LON, LAT, 5200, 5000); // 200 m from the centre
  const farInside = offset(LON, LAT, 9000, 9000); // ~5.7 km from the centre
  const outside = offset(LON, LAT, -3000, 5000);
  const points = [
    { ...inside, population: 300 },
    { ...farInside, population: 700 },
    { ...outside, population: 50 },
  ];
  const grid = withPopulationPoints(squareGrid, points);

  it('replaces the even census model and reports points outside every district', () => {
    const result = computeCoverage(grid, [centre], 1000);
    expect(result.populationModel).toBe('imported-points');
    expect(result.districts[0]!.population).toBe(1000);
    expect(result.districts[0]!.coveredPopulationShare).toBeCloseTo(0.3, 12);
    expect(result.populationPoints).toEqual({
      count: 2,
      population: 1000,
      outsideCount: 1,
      outsidePopulation: 50,
      invalidCount: 0,
    });
    const turf = exactCoverageTurf(square, [centre], 1000, { populationPoints: points });
    expect(turf.districts[0]!.coveredPopulationShare).toBeCloseTo(0.3, 12);
  });

  it('covers both points once the radius reaches the far one', () => {
    expect(computeCoverage(grid, [centre], 6000).city.coveredPopulationShare).toBeCloseTo(1, 12);
  });

  it('counts invalid rows and can return to the census model', () => {
    const withBad = withPopulationPoints(squareGrid, [...points, { lon: 113, lat: Number.NaN, population: 5 }, { ...inside, population: -1 }]);
    expect(withBad.populationPoints!.invalidCount).toBe(2);
    const back = withCensusPopulation(withBad);
    expect(back.populationModel).toBe('even-census-2020');
    expect(computeCoverage(back, [centre], 1000).districts[0]!.population).toBe(100_000);
  });
});

describe('row sampling', () => {
  it('samples about ROWS_PER_DIAMETER rows across a circle, always an odd stride', () => {
    for (const r of [50, 500, 1000, 3000, 10_000]) {
      const s = rowSampling(squareGrid, r);
      expect(s.stride % 2).toBe(1);
      const rowsAcross = (2 * r) / (squareGrid.rowMetres * s.stride);
      if (s.stride > 1) expect(rowsAcross).toBeGreaterThanOrEqual(ROWS_PER_DIAMETER);
    }
  });

  it("keeps each district's area the same at every radius, so a fully covered district is exactly 100 %", () => {
    for (const r of [100, 1000, 20_000]) {
      const result = computeCoverage(squareGrid, [centre], r);
      expect(result.method.kind === 'scanline' && result.method.rowMetres).toBe(squareGrid.rowMetres * rowSampling(squareGrid, r).stride);
    }
    expect(computeCoverage(squareGrid, [centre], 20_000).districts[0]!.coveredAreaShare).toBeCloseTo(1, 12);
  });

  it('keeps covered runs sorted and disjoint in every row', () => {
    const facilities = Array.from({ length: 40 }, (_, i) => offset(LON, LAT, (i * 997) % SIDE, (i * 613) % SIDE));
    const rows = computeCoveredRows(squareGrid, facilities, 700);
    for (let j = 0; j < rows.sampling.count; j++)
      for (let k = rows.runStart[j]!; k < rows.runStart[j + 1]!; k++) {
        expect(rows.end[k]!).toBeGreaterThan(rows.start[k]!);
        if (k + 1 < rows.runStart[j + 1]!) expect(rows.start[k + 1]!).toBeGreaterThan(rows.end[k]!);
      }
  });
});

describe('the seven districts of Jiangmen with real town seats', () => {
  const districts = JSON.parse(readFileSync(new URL('../../../public/geo/districts.geojson', import.meta.url), 'utf8')) as CoverageDistrictCollection;
  const grid = prepareCoverageGrid(districts);
  // Town seats (镇街驻地), WGS84, from GeoNames (CC BY 4.0), matched to NBS 2023 town codes.
  const seats = [
    { lon: 113.02985, lat: 22.52625 }, // 会城街道 440705001, geonameid 6856472
    { lon: 113.07264, lat: 22.57607 }, // 白沙街道 440703002, geonameid 8333969
    { lon: 113.1465, lat: 22.59683 }, // 外海街道 440704004, geonameid 1792241
    { lon: 112.7799, lat: 22.25135 }, // 台城街道 440781001, geonameid 1793700
    { lon: 112.68492, lat: 22.38124 }, // 长沙街道 440783002, geonameid 1796989
    { lon: 112.95776, lat: 22.77019 }, // 沙坪街道 440784001, geonameid 1795842
    { lon: 112.30424, lat: 22.18659 }, // 恩城街道 440785001, geonameid 1811729
  ];

  it('integrates each district to its Turf area within 0.1 %', () => {
    grid.districts.forEach((d, i) => {
      expect(d.integratedAreaM2 / area(districts.features[i]!)).toBeCloseTo(1, 3);
    });
  });

  it.each([1000, 3000])('agrees with the Turf union per district within 0.1 points at r = %i m', (r) => {
    const engine = computeCoverage(grid, seats, r);
    const turf = exactCoverageTurf(districts, seats, r);
    engine.districts.forEach((d, i) => {
      expect(d.adcode).toBe(turf.districts[i]!.adcode);
      expect(pp(d.coveredAreaShare, turf.districts[i]!.coveredAreaShare)).toBeLessThan(0.1);
    });
    expect(engine.city.coveredAreaShare).toBeGreaterThan(0);
    expect(pp(engine.city.coveredAreaShare, turf.city.coveredAreaShare)).toBeLessThan(0.05);
  });
});
