import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { censusPopulationByAdcode } from './census-population.ts';
import { computeCoverage } from './engine.ts';
import { prepareCoverageGrid, withPopulationPoints } from './grid.ts';
import { gridCandidates, suggestSites } from './suggest.ts';
import { collection, metresToDegrees, offset } from './test-support.ts';
import type { CoverageDistrictCollection } from './grid.ts';

// A made-up 2.4 km × 1.2 km district holding 2,880 residents (1,000 per km²).
const LON = 113;
const LAT = 22.5;
function rectangle(width: number, height: number): CoverageDistrictCollection {
  const { dLat } = metresToDegrees(height, LAT);
  const { dLon } = metresToDegrees(width, LAT + dLat / 2);
  return collection({
    type: 'Feature',
    properties: { adcode: 'R', name: 'rectangle' },
    geometry: {
      type: 'Polygon',
      coordinates: [[[LON, LAT], [LON + dLon, LAT], [LON + dLon, LAT + dLat], [LON, LAT + dLat], [LON, LAT]]],
    },
  });
}
const district = rectangle(2400, 1200);
const grid = prepareCoverageGrid(district, { populationByAdcode: { R: 2880 } });
const at = (x: number, y: number, name: string) => ({ ...offset(LON, LAT, x, y), name });

describe('greedy maximal covering, worked by hand', () => {
  // r = 500 m. P1 sits in the middle of the western square: its whole circle is inside
  // (π·0.25 km² → 785.4 residents). P3 is 150 m north of P1: the top edge cuts a segment of
  // r²·acos(0.9) − 450·√(r² − 450²) = 14,681 m² off its circle, and it shares with P1 a lens of
  // 2r²·acos(0.15) − 75·√(4r² − 150²) = 635,963 m². P2 sits on the south-east corner: a quarter
  // circle (196,350 m²), far from both. So: P1 (785.4), then P2 (196.3), then P3
  // (785,398 − 14,681 − 635,963 m² → 134.8).
  const p1 = at(600, 600, 'P1');
  const p2 = at(2400, 0, 'P2');
  const p3 = at(600, 750, 'P3');

  it('picks P1, P2, P3 in that order with the hand-worked gains', () => {
    const result = suggestSites(grid, [], 500, 3, { points: [p3, p2, p1] });
    expect(result.sites.map((s) => s.name)).toEqual(['P1', 'P2', 'P3']);
    const gains = result.sites.map((s) => s.gain);
    expect(gains[0]).toBeCloseTo(785.4, -0.3);
    expect(gains[1]).toBeCloseTo(196.35, -0.3);
    expect(gains[2]).toBeCloseTo(134.75, -0.3);
    expect(result.baseCoveredShare).toBe(0);
    expect(result.sites[2]!.cumulativeCoveredShare).toBeCloseTo((785.4 + 196.35 + 134.75) / 2880, 3);
  });

  it('agrees with the engine: adopting the suggestions gives the suggested cumulative share', () => {
    const result = suggestSites(grid, [], 500, 3, { points: [p1, p2, p3] });
    const adopted = computeCoverage(grid, result.sites, 500).city.coveredPopulationShare!;
    expect(adopted).toBeCloseTo(result.sites[2]!.cumulativeCoveredShare, 9);
  });

  it('counts existing facilities: with P1 built, P2 comes first', () => {
    const result = suggestSites(grid, [p1], 500, 1, { points: [p2, p3] });
    expect(result.sites[0]!.name).toBe('P2');
    expect(result.baseCoveredShare).toBeCloseTo(785.4 / 2880, 3);
  });

  it('stops early when no candidate adds anyone', () => {
    const result = suggestSites(grid, [], 500, 5, { points: [p1, p1, at(-5000, 0, 'far')] });
    expect(result.sites.map((s) => s.name)).toEqual(['P1']);
  });

  it('rejects a k that is not a whole number', () => {
    expect(() => suggestSites(grid, [], 500, 1.5, { points: [p1] })).toThrow(RangeError);
  });
});

describe('candidates on a grid', () => {
  it('places candidates inside the districts, spacing apart', () => {
    const candidates = gridCandidates(grid, 200);
    // 2.4 km × 1.2 km at 200 m spacing: 12 × 6 positions.
    expect(candidates).toHaveLength(72);
    const suggestion = suggestSites(grid, [], 500, 2, { spacingMetres: 200 });
    expect(suggestion.candidatesConsidered).toBe(72);
    // The first site has a whole circle inside: its gain is the full circle's residents.
    expect(suggestion.sites[0]!.gain).toBeCloseTo(785.4, -0.5);
    expect(suggestion.sites[1]!.gain).toBeLessThanOrEqual(suggestion.sites[0]!.gain);
  });
});

describe('with imported population points', () => {
  it('goes where the residents are', () => {
    const points = [
      { ...offset(LON, LAT, 300, 300), population: 50 },
      { ...offset(LON, LAT, 2000, 900), population: 400 },
      { ...offset(LON, LAT, 2100, 800), population: 100 },
    ];
    const withPoints = withPopulationPoints(grid, points);
    const result = suggestSites(withPoints, [], 500, 2, { points: [at(300, 300, 'west'), at(2050, 850, 'east')] });
    expect(result.populationModel).toBe('imported-points');
    expect(result.sites.map((s) => [s.name, s.gain])).toEqual([
      ['east', 500],
      ['west', 50],
    ]);
    expect(result.sites[1]!.cumulativeCoveredShare).toBeCloseTo(1, 12);
  });
});

describe('the town seats of Jiangmen as candidates', () => {
  const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
  const districts = read('public/geo/districts.geojson') as CoverageDistrictCollection;
  const population = censusPopulationByAdcode(read('data/indicators/values-census-2020.json'));
  const realGrid = prepareCoverageGrid(districts, { populationByAdcode: population });
  const seats = (read('public/geo/towns.geojson') as FeatureCollection<Point, { code: string; name: string }>).features.map((f) => ({
    lon: f.geometry.coordinates[0]!,
    lat: f.geometry.coordinates[1]!,
    id: f.properties.code,
    name: f.properties.name,
  }));

  it('picks first the seat whose circle alone reaches the most residents, as brute force finds it', () => {
    const radius = 2000;
    const alone = seats.map((s) => computeCoverage(realGrid, [s], radius).city.coveredPopulationShare!);
    const best = seats[alone.indexOf(Math.max(...alone))]!;
    const result = suggestSites(realGrid, [], radius, 3, { points: seats });
    expect(result.candidatesConsidered).toBe(seats.length);
    expect(result.sites[0]!.id).toBe(best.id);
    expect(result.sites[0]!.cumulativeCoveredShare).toBeCloseTo(Math.max(...alone), 9);
    const gains = result.sites.map((s) => s.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    const adopted = computeCoverage(realGrid, result.sites, radius).city.coveredPopulationShare!;
    expect(adopted).toBeCloseTo(result.sites[2]!.cumulativeCoveredShare, 9);
  });
});
