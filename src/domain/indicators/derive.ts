import { DISTRICTS } from '../districts.ts';
import type { BuildOptions, DerivedInput, Formula, IndicatorPoint, PointStore, StatementPoint } from './db.ts';
import { displayValue, formatNumber } from './format.ts';
import { CITY_SCOPE } from './names.ts';
import { scopeName } from './scopes.ts';
import type { Bilingual, CaveatDef } from './schema.ts';

/**
 * Derived indicators, computed from stored values and never typed in. Each carries its formula
 * (in words and with the actual numbers) and its inputs, each input with its own source.
 */

const ADCODES = DISTRICTS.map((d) => d.adcode);
const DASH = '—';

type Basis = 'actual' | 'target';

export const basisOf = (p: IndicatorPoint): Basis =>
  p.kind === 'derived' ? (p.basis ?? 'actual') : p.kind;

/** The best single number for an input: stored before derived, no "≥"/"约" qualifier, no printed range. */
function exact(store: PointStore, indicator: string, scope: string, year: number, basis?: Basis) {
  return store
    .at(indicator, scope, year)
    .find((p) => p.comparator === undefined && p.upper === undefined && (basis === undefined || basisOf(p) === basis));
}

function dashStatement(store: PointStore, indicator: string, scope: string, year: number, basis: Basis) {
  return store.statementsAt(indicator, scope, year).find((s) => s.text.zh === DASH && s.kind === basis);
}

function inputFrom(store: PointStore, point: IndicatorPoint, forScope: string): DerivedInput {
  const ind = store.db.indicators.get(point.indicator);
  const name = ind?.name ?? { zh: point.indicator, en: point.indicator };
  const where = point.scope === forScope ? undefined : scopeName(store.db, point.scope);
  return {
    label: {
      zh: `${name.zh}${where ? `（${where.zh}）` : ''} ${point.year}`,
      en: `${name.en}${where ? ` (${where.en})` : ''} ${point.year}`,
    },
    value: point.value,
    unit: ind?.unit ?? { zh: '', en: '' },
    point,
  };
}

function dashInput(store: PointStore, s: StatementPoint, forScope: string): DerivedInput {
  const ind = store.db.indicators.get(s.indicator);
  const name = ind?.name ?? { zh: s.indicator, en: s.indicator };
  const where = s.scope === forScope ? undefined : scopeName(store.db, s.scope);
  return {
    label: {
      zh: `${name.zh}${where ? `（${where.zh}）` : ''} ${s.year}：印作“—”，按 0 计`,
      en: `${name.en}${where ? ` (${where.en})` : ''} ${s.year}: printed “—”, counted as 0`,
    },
    value: 0,
    unit: ind?.unit ?? { zh: '', en: '' },
    origin: { zh: `${s.source.table}，第 ${s.source.lines?.join('—')} 行`, en: `${s.source.table}, lines ${s.source.lines?.join('–')}` },
  };
}

interface DerivedSpec {
  indicator: string;
  scope: string;
  year: number;
  value: number;
  formula: Formula;
  inputs: DerivedInput[];
  period?: [number, number];
  tolerance?: number;
  notes?: Bilingual[];
}

function addDerived(store: PointStore, spec: DerivedSpec): IndicatorPoint {
  const ind = store.db.indicators.get(spec.indicator);
  const inputPoints = spec.inputs.flatMap((i) => i.point ?? []);
  const caveats = new Map<string, CaveatDef>();
  for (const c of ind?.caveats ?? []) {
    const def = store.db.caveats.get(c);
    if (def) caveats.set(c, def);
  }
  for (const p of inputPoints) for (const c of p.caveats) caveats.set(c.id, c);
  const point: IndicatorPoint = {
    id: `derived:${spec.indicator}:${spec.scope}:${spec.year}${spec.period ? `:${spec.period.join('-')}` : ''}`,
    indicator: spec.indicator,
    scope: spec.scope,
    year: spec.year,
    kind: 'derived',
    value: spec.value,
    period: spec.period,
    display: displayValue({ value: spec.value }, ind?.decimals),
    tolerance: spec.tolerance ?? 0,
    formula: spec.formula,
    inputs: spec.inputs,
    basis: inputPoints.some((p) => basisOf(p) === 'target') ? 'target' : 'actual',
    caveats: [...caveats.values()],
    notes: spec.notes ?? [],
  };
  store.add(point);
  return point;
}

const fmt = (store: PointStore, indicator: string, value: number) =>
  formatNumber(value, store.db.indicators.get(indicator)?.decimals);

/** 2020 district population in 万人 from the census count, so the population series has a 2020 point. */
function populationFromCensus(store: PointStore): void {
  for (const adcode of ADCODES) {
    for (const year of store.years('census_population', adcode)) {
      const census = exact(store, 'census_population', adcode, year);
      if (!census) continue;
      const value = census.value / 10000;
      addDerived(store, {
        indicator: 'population',
        scope: adcode,
        year,
        value,
        tolerance: 0.005,
        formula: {
          zh: '第七次全国人口普查常住人口 ÷ 10000（换算为万人）',
          en: 'census resident population ÷ 10,000 (in 万)',
          expression: `${census.display} ÷ 10000 = ${formatNumber(value, 2)}`,
        },
        inputs: [inputFrom(store, census, adcode)],
      });
    }
  }
}

/** Sum of several indicators for one district and year; "—" cells count as 0 and say so. */
function sumOfParts(
  store: PointStore,
  target: string,
  parts: readonly string[],
  formula: Bilingual,
): void {
  for (const adcode of ADCODES) {
    const years = new Set(parts.flatMap((p) => store.years(p, adcode)));
    for (const year of years) {
      const inputs: DerivedInput[] = [];
      let period: [number, number] | undefined;
      let basis: Basis | undefined;
      for (const part of parts) {
        const point = exact(store, part, adcode, year);
        if (point) {
          inputs.push(inputFrom(store, point, adcode));
          period ??= point.period;
          basis ??= basisOf(point);
          continue;
        }
        const dash = store.statementsAt(part, adcode, year).find((s) => s.text.zh === DASH);
        if (!dash) break;
        inputs.push(dashInput(store, dash, adcode));
        period ??= dash.period;
      }
      if (inputs.length !== parts.length) continue;
      const value = inputs.reduce((sum, i) => sum + i.value, 0);
      addDerived(store, {
        indicator: target,
        scope: adcode,
        year,
        value,
        period,
        formula: { ...formula, expression: `${inputs.map((i) => i.value).join(' + ')} = ${value}` },
        inputs,
      });
    }
  }
}

/** Additional beds as the table's own stock and demand imply them, to set beside the printed 新增床位数. */
function additionalBedsComputed(store: PointStore): void {
  for (const adcode of ADCODES) {
    const stock = exact(store, 'hospital_beds', adcode, 2019, 'actual');
    const demand = exact(store, 'hospital_beds', adcode, 2035, 'target');
    if (!stock || !demand) continue;
    const value = demand.value - stock.value;
    addDerived(store, {
      indicator: 'hospital_beds_additional_computed',
      scope: adcode,
      year: 2035,
      period: [2019, 2035],
      value,
      formula: {
        zh: '2035年床位需求 − 2019年现状床位数（表 6-4）',
        en: '2035 bed demand − 2019 bed stock (Table 6-4)',
        expression: `${demand.display} − ${stock.display} = ${value}`,
      },
      inputs: [inputFrom(store, demand, adcode), inputFrom(store, stock, adcode)],
    });
  }
}

/**
 * City values from the seven districts, for indicators whose catalogue entry names an aggregation.
 * Shown beside the city figure the plan prints, so sums that do not add up are visible.
 */
function cityAggregates(store: PointStore): void {
  for (const ind of store.db.indicators.values()) {
    if (ind.aggregation === 'none') continue;
    const years = new Set(ADCODES.flatMap((a) => store.years(ind.id, a)));
    for (const year of years) {
      for (const basis of ['actual', 'target'] as const) {
        const inputs: DerivedInput[] = [];
        let dashes = false;
        for (const adcode of ADCODES) {
          const point = exact(store, ind.id, adcode, year, basis);
          if (point) {
            inputs.push(inputFrom(store, point, CITY_SCOPE));
            continue;
          }
          const dash = ind.aggregation === 'sum' ? dashStatement(store, ind.id, adcode, year, basis) : undefined;
          if (!dash) break;
          dashes = true;
          inputs.push(dashInput(store, dash, CITY_SCOPE));
        }
        if (inputs.length !== ADCODES.length) continue;
        const period = inputs.find((i) => i.point?.period)?.point?.period;
        if (ind.aggregation === 'sum') {
          const value = inputs.reduce((sum, i) => sum + i.value, 0);
          addDerived(store, {
            indicator: ind.id,
            scope: CITY_SCOPE,
            year,
            period,
            value,
            tolerance: inputs.reduce((sum, i) => sum + (i.point?.tolerance ?? 0), 0),
            formula: {
              zh: `七个区县数值之和${dashes ? '（印作“—”的格按 0 计）' : ''}`,
              en: `sum of the seven districts${dashes ? ' (cells printed “—” counted as 0)' : ''}`,
              expression: `${inputs.map((i) => i.point?.display ?? '0').join(' + ')} = ${fmt(store, ind.id, value)}`,
            },
            inputs,
          });
          continue;
        }
        const weights: DerivedInput[] = [];
        const weightValues: number[] = [];
        for (const adcode of ADCODES) {
          const pop = exact(store, 'census_population', adcode, year);
          const young = ind.aggregation === 'census-15plus-weighted' ? exact(store, 'age_0_14_share', adcode, year) : undefined;
          if (!pop || (ind.aggregation === 'census-15plus-weighted' && !young)) break;
          weights.push(inputFrom(store, pop, CITY_SCOPE));
          if (young) weights.push(inputFrom(store, young, CITY_SCOPE));
          weightValues.push(pop.value * (young ? 1 - young.value / 100 : 1));
        }
        if (weightValues.length !== ADCODES.length) continue;
        const total = weightValues.reduce((a, b) => a + b, 0);
        const value = inputs.reduce((sum, input, i) => sum + input.value * weightValues[i]!, 0) / total;
        const fifteen = ind.aggregation === 'census-15plus-weighted';
        addDerived(store, {
          indicator: ind.id,
          scope: CITY_SCOPE,
          year,
          value,
          tolerance: Math.max(...inputs.map((i) => i.point?.tolerance ?? 0)),
          formula: fifteen
            ? {
                zh: '按 15 岁及以上常住人口加权的区县平均：Σ(数值 × 常住人口 × (1 − 0—14岁比重)) ÷ Σ(常住人口 × (1 − 0—14岁比重))',
                en: 'district mean weighted by residents aged 15+: Σ(value × population × (1 − share aged 0–14)) ÷ Σ(population × (1 − share aged 0–14))',
                expression: `Σ(${inputs.map((i, k) => `${i.value} × ${Math.round(weightValues[k]!)}`).join(' + ')}) ÷ ${Math.round(total)} = ${formatNumber(value, 2)}`,
              }
            : {
                zh: '按第七次人口普查常住人口加权的区县平均：Σ(数值 × 常住人口) ÷ Σ常住人口',
                en: 'district mean weighted by census population: Σ(value × population) ÷ Σ population',
                expression: `Σ(${inputs.map((i, k) => `${i.value} × ${weightValues[k]}`).join(' + ')}) ÷ ${total} = ${formatNumber(value, 2)}`,
              },
          inputs: [...inputs, ...weights],
        });
      }
    }
  }
}

const SCOPES = [...ADCODES, CITY_SCOPE];

/** count ÷ resident population (万人) × 1000, per year where both exist. */
function perThousandResidents(store: PointStore, target: string, numerator: string, what: Bilingual): void {
  for (const scope of SCOPES) {
    for (const year of store.years(numerator, scope)) {
      const count = exact(store, numerator, scope, year);
      const population = exact(store, 'population', scope, year);
      if (!count || !population) continue;
      const value = (count.value / (population.value * 10000)) * 1000;
      addDerived(store, {
        indicator: target,
        scope,
        year,
        value,
        formula: {
          zh: `${what.zh} ÷ (常住人口（万人）× 10000) × 1000`,
          en: `${what.en} ÷ (resident population in 万 × 10,000) × 1,000`,
          expression: `${count.display} ÷ (${population.display} × 10000) × 1000 = ${fmt(store, target, value)}`,
        },
        inputs: [inputFrom(store, count, scope), inputFrom(store, population, scope)],
      });
    }
  }
}

const DEFAULT_AREA_ORIGIN: Bilingual = {
  zh: '区界多边形的测地面积（WGS84）',
  en: 'geodesic area of the boundary polygon (WGS84)',
};

/** Residents per km² from the polygon area: census count for 2020, plan population (万人) otherwise. */
function density(store: PointStore, options: BuildOptions): void {
  const areas = options.areasKm2;
  if (!areas) return;
  const districtAreas = ADCODES.map((a) => areas[a]);
  const cityArea = districtAreas.every((a) => a !== undefined && a > 0)
    ? (districtAreas as number[]).reduce((a, b) => a + b, 0)
    : undefined;
  for (const scope of SCOPES) {
    const area = scope === CITY_SCOPE ? cityArea : areas[scope];
    if (!area || area <= 0) continue;
    const areaInput: DerivedInput = {
      label: scope === CITY_SCOPE ? { zh: '七个区县面积之和', en: 'area of the seven districts' } : { zh: '行政区面积', en: 'district area' },
      value: area,
      unit: { zh: '平方公里', en: 'km²' },
      origin: options.areaOrigin ?? DEFAULT_AREA_ORIGIN,
    };
    const years = new Set([...store.years('population', scope), ...store.years('census_population', scope)]);
    for (const year of years) {
      const census = exact(store, 'census_population', scope, year);
      const plan = census ? undefined : exact(store, 'population', scope, year);
      const source = census ?? plan;
      if (!source) continue;
      const persons = census ? census.value : source.value * 10000;
      const value = persons / area;
      addDerived(store, {
        indicator: 'population_density',
        scope,
        year,
        value,
        formula: {
          zh: census ? '常住人口 ÷ 面积' : '常住人口（万人）× 10000 ÷ 面积',
          en: census ? 'resident population ÷ area' : 'resident population in 万 × 10,000 ÷ area',
          expression: `${census ? source.display : `${source.display} × 10000`} ÷ ${formatNumber(area, 1)} = ${fmt(store, 'population_density', value)}`,
        },
        inputs: [inputFrom(store, source, scope), areaInput],
      });
    }
  }
}

/** Change between consecutive years of one printed series (same document and table), total and per year. */
function populationGrowth(store: PointStore): void {
  const scopes = [...SCOPES, ...store.db.areas.keys()];
  for (const scope of scopes) {
    const stored = store.years('population', scope).flatMap((y) =>
      store.at('population', scope, y).filter((p) => p.kind !== 'derived' && p.comparator === undefined && p.upper === undefined),
    );
    const series = new Map<string, IndicatorPoint[]>();
    for (const p of stored) {
      const k = `${p.source?.document}|${p.source?.table}`;
      series.set(k, [...(series.get(k) ?? []), p]);
    }
    for (const points of series.values()) {
      points.sort((a, b) => a.year - b.year);
      for (let i = 1; i < points.length; i++) {
        const from = points[i - 1]!;
        const to = points[i]!;
        const years = to.year - from.year;
        if (years <= 0) continue;
        const change = (to.value / from.value - 1) * 100;
        const annual = ((to.value / from.value) ** (1 / years) - 1) * 100;
        const inputs = [inputFrom(store, from, scope), inputFrom(store, to, scope)];
        const period: [number, number] = [from.year, to.year];
        addDerived(store, {
          indicator: 'population_change_pct',
          scope,
          year: to.year,
          period,
          value: change,
          formula: {
            zh: `(${to.year}年 ÷ ${from.year}年 − 1) × 100`,
            en: `(${to.year} ÷ ${from.year} − 1) × 100`,
            expression: `(${to.display} ÷ ${from.display} − 1) × 100 = ${fmt(store, 'population_change_pct', change)}`,
          },
          inputs,
        });
        addDerived(store, {
          indicator: 'population_annual_growth',
          scope,
          year: to.year,
          period,
          value: annual,
          formula: {
            zh: `((${to.year}年 ÷ ${from.year}年)^(1/${years}) − 1) × 100`,
            en: `((${to.year} ÷ ${from.year})^(1/${years}) − 1) × 100`,
            expression: `((${to.display} ÷ ${from.display})^(1/${years}) − 1) × 100 = ${fmt(store, 'population_annual_growth', annual)}`,
          },
          inputs,
        });
      }
    }
  }
}

/** Indicators this module computes; the catalogue marks exactly these as derived (checked by tests). */
export const DERIVED_INDICATORS = [
  'population_density',
  'population_change_pct',
  'population_annual_growth',
  'beds_per_1000_by_location',
  'elderly_beds_per_1000_residents',
  'hospitals_large_total',
  'new_hospitals_total',
  'hospital_beds_additional_computed',
] as const;

export function deriveAll(store: PointStore, options: BuildOptions): void {
  populationFromCensus(store);
  sumOfParts(store, 'hospitals_large_total', ['hospitals_general', 'hospitals_specialist', 'hospitals_tcm', 'hospitals_maternal_child'], {
    zh: '综合医院 + 专科医院 + 中医院 + 妇幼保健院（表 6-1；印作“—”的格按 0 计）',
    en: 'general + specialist + TCM + maternal and child hospitals (Table 6-1; cells printed “—” counted as 0)',
  });
  sumOfParts(store, 'new_hospitals_total', ['new_hospitals_general', 'new_hospitals_specialist', 'new_hospitals_tcm', 'new_hospitals_maternal_child'], {
    zh: '新增综合医院 + 专科医院 + 中医院 + 妇幼保健院（表 6-3；印作“—”的格按 0 计）',
    en: 'new general + specialist + TCM + maternal and child hospitals (Table 6-3; cells printed “—” counted as 0)',
  });
  additionalBedsComputed(store);
  cityAggregates(store);
  perThousandResidents(store, 'beds_per_1000_by_location', 'hospital_beds', { zh: '医疗卫生机构床位数', en: 'beds' });
  perThousandResidents(store, 'elderly_beds_per_1000_residents', 'elderly_care_beds', { zh: '养老机构床位数', en: 'elderly-care beds' });
  density(store, options);
  populationGrowth(store);
}
