import { describe, expect, it } from 'vitest';
import { buildIndicatorDb, type IndicatorDb, type IndicatorPoint } from './db.ts';
import { DERIVED_INDICATORS } from './derive.ts';
import { readIndicatorFiles } from './real-data.test-support.ts';
import { seriesFor, valueFor } from './select.ts';
import { validateIndicatorFiles } from './validate.ts';

const real = readIndicatorFiles();
const data = validateIndicatorFiles(real.catalogue, real.values);
/** Round numbers, not real areas: the derivation is what is under test. */
const AREAS = { '440703': 325, '440704': 110, '440705': 1355, '440781': 3286, '440783': 1657, '440784': 1083, '440785': 1698 };
const db: IndicatorDb = buildIndicatorDb(data, { areasKm2: AREAS });

function derived(indicator: string, scope: string, year: number): IndicatorPoint {
  const point = seriesFor(db, indicator, scope).find((p) => p.year === year && p.kind === 'derived');
  if (!point) throw new Error(`no derived ${indicator} for ${scope} ${year}`);
  return point;
}

describe('derived indicators against hand computation', () => {
  it('beds per 1,000 by location = beds ÷ (population 万 × 10 000) × 1 000', () => {
    // Table 6-4 ÷ Table 2-2: 8495 ÷ 749 600 × 1000; 525 ÷ 275 600 × 1000; city 24 248 ÷ 4 630 300 × 1000
    expect(derived('beds_per_1000_by_location', '440703', 2019).value).toBeCloseTo(11.332711, 5);
    expect(derived('beds_per_1000_by_location', '440704', 2019).value).toBeCloseTo(1.904935, 5);
    const city = derived('beds_per_1000_by_location', 'city', 2019);
    expect(city.value).toBeCloseTo(5.236810, 5);
    expect(city.display).toBe('5.24'); // the plan prints 5.24 (Table 6-2)
    expect(city.formula?.expression).toBe('24248 ÷ (463.03 × 10000) × 1000 = 5.24');
    // The bed demand of Table 6-4 is exactly 6 per 1,000 of Table 2-2's population.
    expect(derived('beds_per_1000_by_location', '440705', 2025).value).toBeCloseTo(6, 10);
    // 2020: health plan's 24 953 beds over the public services plan's 479.81万 reproduces 5.20.
    expect(derived('beds_per_1000_by_location', 'city', 2020).value).toBeCloseTo(5.2006, 4);
  });

  it('elderly-care beds per 1,000 residents = beds ÷ population × 1 000', () => {
    expect(derived('elderly_beds_per_1000_residents', '440703', 2025).value).toBeCloseTo(3.7, 10); // 3515 ÷ 950 000 × 1000
    expect(derived('elderly_beds_per_1000_residents', '440704', 2019).value).toBeCloseTo(1375 / 275.6, 10);
  });

  it('density = population ÷ polygon area, census count in 2020', () => {
    const d2020 = derived('population_density', '440703', 2020);
    expect(d2020.value).toBeCloseTo(2624.636923, 5); // 853 007 ÷ 325
    expect(d2020.inputs?.map((i) => i.value)).toEqual([853007, 325]);
    expect(d2020.basis).toBe('actual');
    const d2035 = derived('population_density', '440703', 2035);
    expect(d2035.value).toBeCloseTo(1250000 / 325, 6);
    expect(d2035.basis).toBe('target');
    const city = derived('population_density', 'city', 2019);
    expect(city.value).toBeCloseTo(4630300 / 9514, 6); // areas sum to 9514 km²
  });

  it('density is not computed without polygon areas', () => {
    const plain = buildIndicatorDb(data);
    expect(seriesFor(plain, 'population_density', '440703')).toEqual([]);
  });

  it('population growth 2019→2025→2035, total and per year', () => {
    const change = derived('population_change_pct', '440704', 2025);
    expect(change.value).toBeCloseTo(37.880987, 5); // (38 ÷ 27.56 − 1) × 100
    expect(change.period).toEqual([2019, 2025]);
    expect(derived('population_change_pct', '440704', 2035).value).toBeCloseTo(97.368421, 5); // (75 ÷ 38 − 1) × 100
    expect(derived('population_annual_growth', '440704', 2025).value).toBeCloseTo(5.49958, 4); // (38/27.56)^(1/6) − 1
    expect(derived('population_annual_growth', '440704', 2035).value).toBeCloseTo(7.035481, 5); // (75/38)^(1/10) − 1
  });

  it('growth never mixes two documents: no 2019→2020 step from the plan to the census', () => {
    const steps = seriesFor(db, 'population_change_pct', 'city').map((p) => p.period?.join('→'));
    expect(steps).toEqual(expect.arrayContaining(['2019→2025', '2025→2035', '2020→2023', '2023→2025']));
    expect(steps).not.toContain('2019→2020');
  });

  it('city sums of district values sit beside the printed city figure, and flag sums that do not add up', () => {
    expect(derived('population', 'city', 2019).value).toBeCloseTo(463.04, 10);
    expect(valueFor(db, 'population', 'city', 2019)?.discrepancy).toBe(false); // 463.04 vs 463.03 is rounding
    const kindergartens = valueFor(db, 'kindergartens', 'city', 2019)!;
    expect(kindergartens.primary.value).toBe(632);
    expect(kindergartens.alternatives.find((p) => p.kind === 'derived')?.value).toBe(615);
    expect(kindergartens.discrepancy).toBe(true);
    expect(derived('hospital_beds', 'city', 2019).value).toBe(24169);
    expect(valueFor(db, 'hospital_beds', 'city', 2019)?.discrepancy).toBe(true); // printed 24 248
    expect(derived('census_population', 'city', 2020).value).toBe(4798090);
  });

  it('census shares aggregate to the city by population weight', () => {
    const urban = derived('urbanisation_rate', 'city', 2020);
    expect(urban.value).toBeCloseTo(67.62896, 4);
    expect(valueFor(db, 'urbanisation_rate', 'city', 2020)?.discrepancy).toBe(false); // plans print 67.63
    expect(derived('age_65_plus_share', 'city', 2020).value).toBeCloseTo(13.00812, 4); // public services plan: 13.01
    // Weighted by residents aged 15+, the districts give 9.65 years, not the 10.02 the plan quotes: flagged.
    expect(derived('census_schooling_15plus', 'city', 2020).value).toBeCloseTo(9.6514, 3);
    expect(valueFor(db, 'census_schooling_15plus', 'city', 2020)?.discrepancy).toBe(true);
  });

  it('hospital totals count cells printed "—" as 0 and say so', () => {
    const total = derived('hospitals_large_total', '440704', 2019);
    expect(total.value).toBe(2); // 1 general + — + 1 TCM + —
    expect(total.formula?.zh).toContain('“—”');
    expect(total.inputs?.filter((i) => i.value === 0 && i.origin)).toHaveLength(2);
    expect(derived('hospitals_large_total', 'city', 2019).value).toBe(44);
    expect(derived('new_hospitals_total', 'city', 2035).value).toBe(28);
  });

  it('additional beds computed from Table 6-4 stand beside the printed figure', () => {
    expect(derived('hospital_beds_additional_computed', '440704', 2035).value).toBe(3975); // 4500 − 525
    const printed = valueFor(db, 'hospital_beds_additional', '440704', 2035)!;
    expect(printed.primary.value).toBe(3896);
    expect(printed.primary.notes.some((n) => n.en.includes('kept as printed'))).toBe(true);
    expect(derived('hospital_beds_additional_computed', '440705', 2035).value).toBe(4111); // 8700 − 4589, as printed
  });

  it('2020 district population from the census, in 万', () => {
    const p = derived('population', '440704', 2020);
    expect(p.value).toBeCloseTo(36.4694, 10);
    expect(p.display).toBe('36.47');
  });

  it('every derived value has a formula, numbers, and inputs that trace to a source or an origin', () => {
    const all = [...db.points.values()].flat().filter((p) => p.kind === 'derived');
    expect(all.length).toBeGreaterThan(150);
    for (const p of all) {
      expect(p.formula?.zh, p.id).toBeTruthy();
      expect(p.formula?.en, p.id).toBeTruthy();
      expect(p.formula?.expression, p.id).toMatch(/=/);
      expect(p.inputs?.length, p.id).toBeGreaterThan(0);
      for (const input of p.inputs ?? []) {
        const traced = input.origin !== undefined || input.point?.source !== undefined || input.point?.formula !== undefined;
        expect(traced, `${p.id}: ${input.label.en}`).toBe(true);
      }
    }
  });

  it('accepts values computed elsewhere (e.g. coverage) as derived points', () => {
    const withExternal = buildIndicatorDb(data, {
      external: {
        values: [
          {
            indicator: 'beds_per_1000',
            scope: '440703',
            year: 2024,
            value: 3,
            formula: { zh: '外部', en: 'external', expression: '3 = 3' },
          },
        ],
      },
    });
    const ext = seriesFor(withExternal, 'beds_per_1000', '440703').find((p) => p.year === 2024)!;
    expect(ext.kind).toBe('derived');
    expect(ext.formula?.en).toBe('external');
  });

  it('the catalogue marks exactly the indicators this module derives', () => {
    const marked = data.indicators.filter((i) => i.derived).map((i) => i.id).sort();
    expect(marked).toEqual([...DERIVED_INDICATORS].sort());
  });
});
