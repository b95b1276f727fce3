import { describe, expect, it } from 'vitest';
import { choroplethModel, choroplethTableRows, defaultYear, fillByAdcode, mappableIndicators, resolveIndicator, targetYears, yearOptions } from './choropleth.ts';
import { buildIndicatorDb } from './indicators/db.ts';
import { readIndicatorFiles } from './indicators/real-data.test-support.ts';
import { validateIndicatorFiles } from './indicators/validate.ts';
import { NO_DATA_COLOR, paletteColors } from './palettes.ts';
import { DEFAULT_VIEW } from './url-state.ts';

const real = readIndicatorFiles();
const db = buildIndicatorDb(validateIndicatorFiles(real.catalogue, real.values));
const items = mappableIndicators(db);
const view = (change: Partial<typeof DEFAULT_VIEW> = {}) => ({ ...DEFAULT_VIEW, ...change });

describe('indicator and year in force', () => {
  it('falls back to the first mappable indicator for an unknown or missing id', () => {
    expect(resolveIndicator(items, null)?.indicator.id).toBe(items[0]!.indicator.id);
    expect(resolveIndicator(items, 'no_such')?.indicator.id).toBe(items[0]!.indicator.id);
    expect(resolveIndicator(items, 'beds_per_1000')?.indicator.id).toBe('beds_per_1000');
  });

  it('defaults to the latest actual year, and lists target years as targets', () => {
    const beds = resolveIndicator(items, 'beds_per_1000')!;
    expect(defaultYear(beds)).toBe(2020);
    expect(yearOptions(beds).map((o) => `${o.year}:${o.kind}`)).toEqual(['2020:actual', '2023:target', '2025:target']);
    // 2035: the city-wide target only (health plan, 表 1).
    expect(targetYears(db, 'beds_per_1000')).toEqual([2023, 2025, 2035]);
  });
});

describe('value view', () => {
  // Health plan district table (seed 004 L3363–3376): beds per 1,000 in 2025, by district.
  const model = choroplethModel(db, view({ method: 'quantile', classes: 3 }), 'beds_per_1000', 2025)!;

  it('classes the seven 2025 targets by quantile into three classes with distinct colours', () => {
    const values = model.rows.map((r) => r.mapped);
    expect(values).toEqual([3.36, 2.64, 6.35, 5.74, 4.69, 4.75, 4.24]);
    // Sorted: 2.64 3.36 4.24 4.69 4.75 5.74 6.35; tertiles at 1/3 and 2/3 (simple-statistics quantileSorted).
    expect(model.classification.breaks[0]).toBe(2.64);
    expect(model.classification.breaks.at(-1)).toBe(6.35);
    expect(model.classification.classes).toBe(3);
    const colours = paletteColors('blues', 3);
    expect(model.rows.find((r) => r.adcode === '440704')!.colour).toBe(colours[0]); // 江海 2.64, lowest
    expect(model.rows.find((r) => r.adcode === '440705')!.colour).toBe(colours[2]); // 新会 6.35, highest
    expect(model.legend).toHaveLength(3);
    expect(model.legend.reduce((n, e) => n + e.count, 0)).toBe(7);
    expect(model.noData.count).toBe(0);
  });

  it('shows the value with its unit, the city value and the district-table caveat', () => {
    expect(model.rows[0]!.mappedText).toMatch(/^3\.36 /);
    expect(model.city?.primary.display).toBe('6.15');
    expect(model.caveats.length).toBeGreaterThan(0);
    expect(model.sources.length).toBeGreaterThan(0);
  });

  it('cites each CSV row as the card does: document, table, seed file and line', () => {
    const xinhui = choroplethTableRows(model).find((r) => r.adcode === '440705')!;
    expect(xinhui.value).toBe(6.35);
    expect(xinhui.source).toEqual({
      zh: '《江门市卫生与健康事业发展“十四五”规划》表2 江门市“十四五”卫生健康主要指标分解表 (004_028c46f8710c799b.txt L3370)',
      en: 'Jiangmen Health Development Plan for the 14th Five-Year Plan period, 表2 江门市“十四五”卫生健康主要指标分解表 (004_028c46f8710c799b.txt L3370)',
    });
  });

  it('gives a fill colour for every district', () => {
    expect(Object.keys(fillByAdcode(model)).sort()).toEqual(['440703', '440704', '440705', '440781', '440783', '440784', '440785']);
    expect(fillByAdcode(undefined)).toEqual({});
  });

  it('paints districts without a value in the no-data colour', () => {
    // Table 6-1 prints no specialist hospital for one district in 2019.
    const m = choroplethModel(db, view(), 'hospitals_specialist', 2019)!;
    const missing = m.rows.filter((r) => r.mapped === null);
    expect(missing).toHaveLength(1);
    for (const r of missing) expect(r.colour).toBe(NO_DATA_COLOR);
    expect(m.noData.count).toBe(missing.length);
  });
});

describe('target view', () => {
  it('colours each district by its 2020 value against the city 2025 target of 6.15 beds per 1,000', () => {
    const m = choroplethModel(db, view({ view: 'target', classes: 5 }), 'beds_per_1000', 2025)!;
    expect(m.mode).toBe('target');
    expect(m.target).toMatchObject({ value: 6.15, scope: 'city', year: 2025 });
    for (const r of m.rows) {
      expect(r.point?.year).toBe(2020);
      expect(r.mapped).toBeCloseTo(r.point!.value - 6.15, 10);
    }
    // Diverging classes are symmetric around 0.
    const b = m.classification.breaks;
    expect(b[0]).toBeCloseTo(-b.at(-1)!, 10);
    // 蓬江 2020: 2.41 (表2, seed 004 L3368), so 2.41 − 6.15 = −3.74, written with its sign and unit.
    expect(m.rows[0]!.mappedText).toBe('-3.74 张/千人');
  });

  it('uses a target the user typed instead of the plan target', () => {
    const m = choroplethModel(db, view({ view: 'target', target: 5 }), 'beds_per_1000', 2025)!;
    expect(m.target).toMatchObject({ value: 5, scope: 'user' });
    const xinhui = m.rows.find((r) => r.adcode === '440705')!;
    expect(xinhui.mapped).toBeCloseTo(xinhui.point!.value - 5, 10);
  });

  it('falls back to the value view, with a note, for an indicator without a better direction', () => {
    const m = choroplethModel(db, view({ view: 'target' }), 'population', 2025)!;
    expect(m.indicator.better).toBe('neutral');
    expect(m.mode).toBe('value');
    expect(m.target).toBeUndefined();
    expect(m.notes[0]?.en).toMatch(/no better direction/);
  });
});

describe('sources of computed values', () => {
  it('cites the census table behind the 2020 resident population, which is computed (persons ÷ 10,000)', () => {
    const m = choroplethModel(db, view(), 'population', 2020)!;
    expect(m.rows.every((r) => r.kind === 'derived')).toBe(true);
    expect(m.sources.length).toBeGreaterThan(0);
    expect(m.sources.some((s) => /普查/.test(s.documentTitle.zh) || /census/i.test(s.documentTitle.en))).toBe(true);
  });
});

describe("target view against each district's own target", () => {
  it('measures each district against its own 2025 target from the health plan district table', () => {
    const m = choroplethModel(db, view({ view: 'target', goal: 'own' }), 'beds_per_1000', 2025)!;
    expect(m.target).toMatchObject({ scope: 'own', year: 2025 });
    // 表2 (seed 004 L3367–3376): 2020 → 2025 per district, e.g. 新会 5.40 → 6.35, 江海 1.69 → 2.64.
    expect(m.rows.find((r) => r.adcode === '440705')!.mapped).toBeCloseTo(5.4 - 6.35, 10);
    expect(m.rows.find((r) => r.adcode === '440704')!.mapped).toBeCloseTo(1.69 - 2.64, 10);
    expect(m.sources.some((s) => s.table.startsWith('表2'))).toBe(true);
  });

  it('a typed target wins over either plan target', () => {
    const m = choroplethModel(db, view({ view: 'target', goal: 'own', target: 4 }), 'beds_per_1000', 2025)!;
    expect(m.target?.scope).toBe('user');
    expect(m.rows.find((r) => r.adcode === '440705')!.mapped).toBeCloseTo(5.4 - 4, 10);
  });
});
