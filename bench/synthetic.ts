/**
 * Synthetic benchmark inputs: facility positions drawn uniformly at random inside the districts
 * from a seeded generator, so every run measures the same points. Not data: no real facility
 * is at these positions.
 */
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { CoverageDistrictCollection, CoveragePoint } from '../src/domain/coverage/index.ts';

/** mulberry32: a tiny seeded PRNG (no installed package offers a seeded generator). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomPointsInDistricts(districts: CoverageDistrictCollection, count: number, seed: number): CoveragePoint[] {
  const random = seededRandom(seed);
  const [west, south, east, north] = bbox(districts);
  const boxes = districts.features.map((f) => bbox(f));
  const points: CoveragePoint[] = [];
  while (points.length < count) {
    const lon = west + random() * (east - west);
    const lat = south + random() * (north - south);
    const inside = districts.features.some((f, i) => {
      const [w, s, e, n] = boxes[i]!;
      return lon >= w && lon <= e && lat >= s && lat <= n && booleanPointInPolygon([lon, lat], f);
    });
    if (inside) points.push({ lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
  }
  return points;
}
