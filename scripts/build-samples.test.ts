import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceMetres } from '../src/domain/crs.ts';
import { parseTownSeats } from '../src/domain/town-seats.ts';
import { parseFacilitiesCsv, parsePopulationCsv, type FacilityImportResult } from '../src/domain/import/index.ts';
import { encodeGbk } from './build-samples.ts';

const root = join(import.meta.dirname, '..');
const sample = (name: string) => readFileSync(join(root, 'data/samples', name));
const towns = parseTownSeats(JSON.parse(readFileSync(join(root, 'public/geo/towns.geojson'), 'utf8')));
const seatOf = (name: string) => towns.features.find((f) => `${f.properties.name}（镇街驻地）` === name)!;

function ok(result: FacilityImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 1)}`);
  return result;
}

describe('data/samples', () => {
  const main = ok(parseFacilitiesCsv(sample('facilities-sample.csv'), { crs: 'gcj02', fileName: 'facilities-sample.csv' }));

  it('facilities-sample.csv (GCJ-02) imports the 70 seats, each back within 1 m of its WGS84 seat', () => {
    expect(main.warnings).toEqual([]);
    expect(main.facilities).toHaveLength(70);
    for (const f of main.facilities) {
      const seat = seatOf(f.name);
      expect(distanceMetres([f.lon, f.lat], seat.geometry.coordinates)).toBeLessThan(1);
      expect(f.category).toBe(seat.properties.kind === '街道' ? 'community-health-centre' : 'township-health-centre');
    }
  });

  it('the GBK copy imports to the same facilities, and says it was read as GBK', () => {
    const gbk = ok(parseFacilitiesCsv(sample('facilities-sample-gbk.csv'), { crs: 'gcj02', fileName: 'facilities-sample-gbk.csv' }));
    expect(gbk.stats.encoding).toBe('gbk');
    expect(gbk.warnings.map((w) => w.code)).toEqual(['encoding-gbk']);
    expect(gbk.facilities).toEqual(main.facilities);
  });

  it('the BD-09 copy imports to the same positions (within 1 m)', () => {
    const bd = ok(parseFacilitiesCsv(sample('facilities-sample-bd09.csv'), { crs: 'bd09', fileName: 'facilities-sample-bd09.csv' }));
    expect(bd.facilities).toHaveLength(70);
    bd.facilities.forEach((f, i) => expect(distanceMetres([f.lon, f.lat], [main.facilities[i]!.lon, main.facilities[i]!.lat])).toBeLessThan(1));
  });

  it('facilities-sample-with-errors.csv keeps the good rows and names each bad one', () => {
    const r = ok(parseFacilitiesCsv(sample('facilities-sample-with-errors.csv'), { crs: 'gcj02', fileName: 'facilities-sample-with-errors.csv' }));
    expect(r.facilities.map((f) => f.sourceRow)).toEqual([2, 5, 8]);
    const rowOf = (code: string) => r.warnings.filter((w) => w.code === code && w.row !== undefined).map((w) => w.row);
    expect(rowOf('coordinates-swapped')).toEqual([3]);
    expect(rowOf('coordinate-not-numeric')).toEqual([4]);
    expect(rowOf('name-markup')).toEqual([5]);
    expect(rowOf('category-unknown')).toEqual([6]);
    expect(rowOf('outside-jiangmen')).toEqual([7]);
    expect(rowOf('name-empty')).toEqual([8]);
  });

  it('facilities-sample-malformed.csv is refused, naming row 3', () => {
    const r = parseFacilitiesCsv(sample('facilities-sample-malformed.csv'), { crs: 'gcj02', fileName: 'facilities-sample-malformed.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ code: 'csv-malformed', row: 3 })]);
  });

  it('population-heshan-2020.csv: 9 鹤山 seats with their 2020 populations (双合镇 has no seat)', () => {
    const r = parsePopulationCsv(sample('population-heshan-2020.csv'), { crs: 'wgs84', fileName: 'population-heshan-2020.csv' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.points).toHaveLength(9);
      expect(r.points.reduce((s, p) => s + p.population, 0)).toBe(530684 - 13614);
    }
  });

  it('encodeGbk round-trips through the GBK decoder', () => {
    const text = '名称,类别\r\n棠下镇（镇街驻地）,乡镇卫生院\r\n';
    expect(new TextDecoder('gbk').decode(encodeGbk(text))).toBe(text);
    expect(() => encodeGbk('😀')).toThrow(/cannot encode/);
  });
});
