import { describe, expect, it } from 'vitest';
import { buildIndicatorDb } from '../indicators/db.ts';
import { readIndicatorFiles } from '../indicators/real-data.test-support.ts';
import { districtTable } from '../indicators/select.ts';
import { validateIndicatorFiles } from '../indicators/validate.ts';
import { COVERAGE_AREA_INDICATOR, COVERAGE_POPULATION_INDICATOR, COVERAGE_YEAR, coverageExternalValues } from './as-indicators.ts';
import type { CoverageResult } from './types.ts';

const real = readIndicatorFiles();
const data = validateIndicatorFiles(real.catalogue, real.values);

// A hand-made result with round figures (not a real run), so the arithmetic can be checked by eye.
const result: CoverageResult = {
  radiusMetres: 1000,
  populationModel: 'even-census-2020',
  districts: [
    { adcode: '440703', name: '蓬江区', areaKm2: 200, coveredAreaShare: 0.25, population: 1_000_000, coveredPopulationShare: 0.25 },
    { adcode: '440704', name: '江海区', areaKm2: 100, coveredAreaShare: 0, population: null, coveredPopulationShare: null },
  ],
  city: { areaKm2: 300, coveredAreaShare: 1 / 6, population: 1_000_000, coveredPopulationShare: 0.25 },
  facilities: { used: 3, invalid: 0, outsideDistricts: 0 },
  method: { kind: 'scanline', rowMetres: 10, rowsSampled: 100 },
};
const label = { zh: '幼儿园 · 半径 1,000 米', en: 'Kindergarten · 1,000 m radius' };
const model = { zh: '人口按普查均匀分布（近似）', en: 'census spread evenly (approximation)' };

describe('coverage as indicators', () => {
  const external = coverageExternalValues(result, label, model);

  it('defines two derived percentage indicators named after the scenario', () => {
    expect(external.indicators!.map((i) => i.id)).toEqual([COVERAGE_POPULATION_INDICATOR, COVERAGE_AREA_INDICATOR]);
    for (const i of external.indicators!) {
      expect(i.derived).toBe(true);
      expect(i.unit.zh).toBe('%');
      expect(i.name.zh).toContain('幼儿园 · 半径 1,000 米');
    }
  });

  it('turns shares into percentages with the arithmetic shown, and skips population shares without residents', () => {
    const pengjiang = external.values.find((v) => v.indicator === COVERAGE_POPULATION_INDICATOR && v.scope === '440703')!;
    expect(pengjiang.value).toBe(25);
    expect(pengjiang.formula.expression).toBe('250000 ÷ 1000000 × 100 = 25');
    expect(external.values.find((v) => v.indicator === COVERAGE_POPULATION_INDICATOR && v.scope === '440704')).toBeUndefined();
    const cityArea = external.values.find((v) => v.indicator === COVERAGE_AREA_INDICATOR && v.scope === 'city')!;
    expect(cityArea.value).toBeCloseTo(100 / 6, 10);
    expect(cityArea.formula.expression).toBe('50 ÷ 300 km² × 100 = 16.7');
  });

  it('joins the district table like any indicator, so the choropleth can map it', () => {
    const db = buildIndicatorDb(data, { external });
    const table = districtTable(db, COVERAGE_AREA_INDICATOR, COVERAGE_YEAR)!;
    expect(table.rows.find((r) => r.adcode === '440703')!.value).toBe(25);
    expect(table.rows.find((r) => r.adcode === '440704')!.value).toBe(0);
    expect(table.rows.find((r) => r.adcode === '440705')!.value).toBeNull();
    expect(table.rows.find((r) => r.adcode === '440703')!.resolved!.primary.kind).toBe('derived');
  });
});
