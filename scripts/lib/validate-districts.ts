import { area, booleanValid, featureCollection, polygon, union } from '@turf/turf';
import type { Position } from 'geojson';
import { DISTRICTS, type DistrictCollection } from '../../src/domain/districts.ts';

/** Throws with a message naming the district and the broken invariant. */
export function validateDistrictCollection(fc: DistrictCollection): void {
  if (fc.type !== 'FeatureCollection') throw new Error('districts: not a FeatureCollection');
  if (fc.features.length !== DISTRICTS.length)
    throw new Error(`districts: expected ${DISTRICTS.length} features, found ${fc.features.length}`);
  const seen = new Set<string>();
  for (const f of fc.features) {
    const { adcode, name } = f.properties;
    if (!DISTRICTS.some((d) => d.adcode === adcode)) throw new Error(`districts: unknown adcode ${adcode}`);
    if (seen.has(adcode)) throw new Error(`districts: duplicate adcode ${adcode}`);
    seen.add(adcode);
    if (!(f.properties.areaKm2 > 0)) throw new Error(`${name}: areaKm2 missing`);
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) checkRing(name, ring);
    }
    // Each part must be a valid simple polygon, and parts must not overlap (touching is allowed).
    const parts = polygons.map((rings) => polygon(rings));
    parts.forEach((p, i) => {
      if (!booleanValid(p.geometry)) throw new Error(`${name}: part ${i} is not a valid polygon`);
    });
    if (parts.length > 1) {
      const sum = parts.reduce((s, p) => s + area(p), 0);
      const merged = area(union(featureCollection(parts))!);
      if (Math.abs(sum - merged) > 1e-6 * sum) throw new Error(`${name}: parts overlap`);
    }
  }
}

function checkRing(name: string, ring: Position[]): void {
  if (ring.length < 4) throw new Error(`${name}: ring with ${ring.length} positions`);
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  if (a[0] !== b[0] || a[1] !== b[1]) throw new Error(`${name}: ring not closed`);
  for (const [lon, lat] of ring) {
    if (!(lon! > 111 && lon! < 114 && lat! > 21 && lat! < 23.5))
      throw new Error(`${name}: vertex ${lon},${lat} outside the Jiangmen region`);
    if (Math.round(lon! * 1e6) / 1e6 !== lon || Math.round(lat! * 1e6) / 1e6 !== lat)
      throw new Error(`${name}: vertex ${lon},${lat} not rounded to 6 decimals`);
  }
}
