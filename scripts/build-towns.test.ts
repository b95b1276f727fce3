import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { parseDistricts } from '../src/domain/districts-schema.ts';
import type { DistrictCollection } from '../src/domain/districts.ts';
import { parseTownSeats, townSeatFacilities, TOWN_SEAT_LABEL } from '../src/domain/town-seats.ts';
import { HESHAN_POPULATION_2020, joinTowns, readGeoNames, townKind, type DivisionRow, type GeoNamesPlace } from './build-towns.ts';

const root = join(import.meta.dirname, '..');
const readJsonFile = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown;
const towns = parseTownSeats(readJsonFile('public/geo/towns.geojson'));
const districts = parseDistricts(readJsonFile('public/geo/districts.geojson'));

describe('public/geo/towns.geojson', () => {
  it('lists the 73 administrative units: 70 with a seat, 3 without a position', () => {
    expect(towns.features).toHaveLength(70);
    expect(towns.unmatched.map((u) => u.name)).toEqual(['江南街道', '百合镇', '双合镇']);
    const all = [...towns.features.map((f) => f.properties), ...towns.unmatched];
    expect(all).toHaveLength(73);
    expect(all.filter((t) => t.kind === '镇')).toHaveLength(61);
    expect(all.filter((t) => t.kind === '街道')).toHaveLength(12);
    for (const u of towns.unmatched) expect(u).not.toHaveProperty('geonameid');
  });

  it('has unique NBS codes, each in its county', () => {
    const codes = [...towns.features.map((f) => f.properties.code), ...towns.unmatched.map((u) => u.code)];
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of towns.features) expect(f.properties.code.startsWith(f.properties.countyAdcode)).toBe(true);
  });

  it('puts every seat inside its county (bounding box and polygon)', () => {
    for (const f of towns.features) {
      const county = districts.features.find((d) => d.properties.adcode === f.properties.countyAdcode)!;
      const [w, s, e, n] = bbox(county);
      const [lon, lat] = f.geometry.coordinates;
      expect(lon >= w && lon <= e && lat >= s && lat <= n, `${f.properties.name} in bbox`).toBe(true);
      expect(booleanPointInPolygon([lon, lat], county as Feature<Polygon | MultiPolygon>), `${f.properties.name} in polygon`).toBe(true);
    }
  });

  it('marks the 9 non-administrative zones instead of mapping them', () => {
    expect(towns.nonAdministrative).toHaveLength(9);
    expect(towns.nonAdministrative.every((z) => Number(z.code.slice(6)) >= 400)).toBe(true);
  });

  it('carries 鹤山’s 2020 town populations, summing to the 公报 total 530,684, and no others', () => {
    const withPop = [...towns.features.map((f) => f.properties), ...towns.unmatched].filter((t) => t.pop2020 !== undefined);
    expect(withPop).toHaveLength(10);
    expect(withPop.every((t) => t.countyAdcode === '440784')).toBe(true);
    expect(withPop.reduce((s, t) => s + t.pop2020!, 0)).toBe(530684);
    expect(Object.values(HESHAN_POPULATION_2020).reduce((a, b) => a + b, 0)).toBe(530684);
  });

  it('records its sources with the versions the data-source installer pins', () => {
    const pinned = (JSON.parse(readFileSync(join(root, 'scripts/data-sources/package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    for (const s of towns.provenance.sources) expect(s.version).toBe(pinned[s.package]);
    expect(towns.provenance.sources.map((s) => s.licence).join(' ')).toMatch(/CC BY 4\.0/);
    expect(towns.provenance.label).toEqual(TOWN_SEAT_LABEL);
  });

  it('becomes a facility layer of the town-seat category', () => {
    const facilities = townSeatFacilities(towns);
    expect(facilities).toHaveLength(70);
    expect(facilities[0]).toEqual({ id: 'town:440703002', name: '白沙街道', category: 'town-seat', lon: 113.07264, lat: 22.57607, source: 'town-seat' });
  });
});

describe('joinTowns', () => {
  // A 10 km square county around (113.0, 22.5) and its neighbour to the east.
  const square = (adcode: string, name: string, west: number): DistrictCollection['features'][number] => ({
    type: 'Feature',
    properties: { adcode: adcode as '440703', name, nameEn: name, areaKm2: 100 },
    geometry: { type: 'Polygon', coordinates: [[[west, 22.45], [west + 0.1, 22.45], [west + 0.1, 22.55], [west, 22.55], [west, 22.45]]] },
  });
  const county: DistrictCollection = { type: 'FeatureCollection', features: [square('440703', '甲区', 112.95), square('440704', '乙区', 113.05)] };
  const place = (geonameid: number, names: string[], lon: number, featureCode = 'PPLA4'): GeoNamesPlace => ({ geonameid, name: `p${geonameid}`, alternateNames: names, lon, lat: 22.5, featureCode });
  const unit = (code: string, name: string, countyAdcode = '440703'): DivisionRow => ({ code, name, countyAdcode });

  it('matches by name with or without the suffix, only inside the unit’s own county', () => {
    const r = joinTowns(
      [unit('440703101', '棠下镇'), unit('440703102', '荷塘镇'), unit('440703103', '杜阮镇')],
      [place(1, ['棠下'], 113.0), place(2, ['荷塘镇'], 113.0), place(3, ['杜阮镇'], 113.1)],
      county,
    );
    expect(r.features.map((f) => [f.properties.name, f.properties.geonameid])).toEqual([
      ['棠下镇', 1],
      ['荷塘镇', 2],
    ]);
    expect(r.unmatched[0]).toMatchObject({ name: '杜阮镇' });
    expect(r.unmatched[0]!.reason.en).toMatch(/lies about \d+ m outside 甲区 \(in 乙区\)/);
  });

  it('prefers the full name, then an administrative seat; a real tie stays unmatched', () => {
    const r = joinTowns(
      [unit('440703101', '白沙镇'), unit('440703102', '水口镇')],
      [place(1, ['白沙'], 113.0, 'PPLA4'), place(2, ['白沙镇'], 112.99, 'PPL'), place(3, ['水口镇'], 113.0), place(4, ['水口镇'], 112.98)],
      county,
    );
    expect(r.features.map((f) => f.properties.geonameid)).toEqual([2]);
    expect(r.unmatched[0]!.reason.en).toContain('several places named 水口镇');
  });

  it('leaves non-administrative zones out and says why an unknown name has no seat', () => {
    const r = joinTowns([unit('440703450', '工业园区'), unit('440703110', '百合镇')], [], county);
    expect(r.nonAdministrative).toEqual([unit('440703450', '工业园区')]);
    expect(r.unmatched[0]!.reason.zh).toBe('GeoNames（cities500）在广东省没有名为“百合镇”或“百合”的地点，未给出位置。');
  });

  it('townKind follows the NBS code ranges', () => {
    expect(['440703002', '440703101', '440703201', '440705450'].map(townKind)).toEqual(['街道', '镇', '乡', null]);
  });

  it('readGeoNames keeps Guangdong populated places only', () => {
    const line = (cc: string, admin1: string, fclass: string) =>
      ['1793312', 'Tangxia', 'Tangxia', 'Tangxia,棠下,棠下镇', '22.68203', '113.03201', fclass, 'PPLA4', cc, '', admin1].join('\t');
    const places = readGeoNames([line('CN', '30', 'P'), line('CN', '31', 'P'), line('VN', '30', 'P'), line('CN', '30', 'A')].join('\n'));
    expect(places).toEqual([{ geonameid: 1793312, name: 'Tangxia', alternateNames: ['Tangxia', '棠下', '棠下镇'], lat: 22.68203, lon: 113.03201, featureCode: 'PPLA4' }]);
  });
});
