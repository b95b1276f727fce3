import { describe, expect, it } from 'vitest';
import { fromWgs84, distanceMetres } from '../crs.ts';
import { parsePopulation, parsePopulationCsv, type PopulationImportResult } from './index.ts';

const SHAPING: [number, number] = [112.95776, 22.77019]; // 沙坪街道 seat

function ok(result: PopulationImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 1)}`);
  return result;
}

describe('parsePopulation', () => {
  it.each([
    ['240614', 240614],
    ['240,614', 240614],
    ['24.06万', 240600],
    ['１２３', 123],
    ['0', 0],
    ['12.5', 12.5],
  ])('%s → %s', (raw, value) => {
    expect(parsePopulation(raw)).toEqual({ ok: true, value });
  });

  it.each(['-5', 'abc', '1e9x'])('%s is invalid', (raw) => {
    expect(parsePopulation(raw)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parsePopulationCsv', () => {
  it('reads lon, lat, population and converts the coordinates', () => {
    const [x, y] = fromWgs84(SHAPING[0], SHAPING[1], 'gcj02');
    const r = ok(parsePopulationCsv(`经度,纬度,人口\n${x},${y},240614\n`, { crs: 'gcj02', fileName: 'pop.csv' }));
    expect(r.points).toHaveLength(1);
    expect(r.points[0]!.population).toBe(240614);
    expect(r.points[0]!.sourceRow).toBe(2);
    expect(distanceMetres([r.points[0]!.lon, r.points[0]!.lat], SHAPING)).toBeLessThan(1);
  });

  it('missing population column: refused, naming it', () => {
    const r = parsePopulationCsv(`lon,lat,name\n${SHAPING.join(',')},x\n`, { crs: 'wgs84', fileName: 'pop.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.code).toBe('missing-columns');
      expect(r.errors[0]!.message.en).toContain('population / pop / 人口');
    }
  });

  it('empty and negative populations: rows skipped, named', () => {
    const r = ok(parsePopulationCsv(`lon,lat,population\n${SHAPING.join(',')},100\n${SHAPING.join(',')},\n${SHAPING.join(',')},-3\n`, { crs: 'wgs84', fileName: 'pop.csv' }));
    expect(r.points.map((p) => p.sourceRow)).toEqual([2]);
    expect(r.warnings.find((i) => i.code === 'population-missing')).toMatchObject({ row: 3, field: 'population' });
    expect(r.warnings.find((i) => i.code === 'population-invalid')).toMatchObject({ row: 4, field: 'population' });
  });

  it('coordinates are checked as for facilities (swapped, outside Jiangmen)', () => {
    const r = ok(parsePopulationCsv(`lon,lat,population\n${SHAPING.join(',')},100\n22.77,112.96,5\n116.4,39.9,5\n`, { crs: 'wgs84', fileName: 'pop.csv' }));
    expect(r.warnings.find((i) => i.code === 'coordinates-swapped')).toMatchObject({ row: 3 });
    expect(r.stats.skippedBy['outside-jiangmen']).toEqual([4]);
  });
});
