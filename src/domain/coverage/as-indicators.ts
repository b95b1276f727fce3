/**
 * The coverage of the current scenario as two derived indicators (share of residents and share of
 * area within the radius), so it can be mapped as a choropleth and read on the district card like
 * any other figure, with its formula and inputs.
 */
import type { ExternalValues, IndicatorDef } from '../indicators/index.ts';
import type { Bilingual } from '../url-state.ts';
import type { CoverageFigures, CoverageResult } from './types.ts';

export const COVERAGE_POPULATION_INDICATOR = 'scenario_coverage_population_share';
export const COVERAGE_AREA_INDICATOR = 'scenario_coverage_area_share';

/** The population model is the 2020 census: the figures are filed under that year. */
export const COVERAGE_YEAR = 2020;

const PERCENT: Bilingual = { zh: '%', en: '%' };

function definition(id: string, name: Bilingual, note: Bilingual): IndicatorDef {
  return {
    id,
    name,
    unit: PERCENT,
    domain: 'public_services',
    better: 'higher',
    aggregation: 'none',
    decimals: 1,
    sources: [],
    derived: true,
    caveats: [],
    note,
    // Filed under 2020 (the census the default population model uses); the year means nothing else.
    yearLabel: { zh: '当前情景', en: 'current scenario' },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * `label` says what was computed (categories and radius), `populationModel` how residents were
 * placed; both are shown with every value.
 */
export function coverageExternalValues(result: CoverageResult, label: Bilingual, populationModel: Bilingual): ExternalValues {
  const note = {
    zh: `当前情景：${label.zh}。${populationModel.zh}`,
    en: `Current scenario: ${label.en}. ${populationModel.en}`,
  };
  const indicators = [
    definition(COVERAGE_POPULATION_INDICATOR, { zh: `服务半径覆盖人口比例（${label.zh}）`, en: `Residents within the service radius (${label.en})` }, note),
    definition(COVERAGE_AREA_INDICATOR, { zh: `服务半径覆盖面积比例（${label.zh}）`, en: `Area within the service radius (${label.en})` }, note),
  ];
  const scopes: { scope: string; figures: CoverageFigures }[] = [
    ...result.districts.map((d) => ({ scope: d.adcode, figures: d as CoverageFigures })),
    { scope: 'city', figures: result.city },
  ];
  const values = scopes.flatMap(({ scope, figures }) => {
    const out: ExternalValues['values'] = [];
    const areaPct = figures.coveredAreaShare * 100;
    out.push({
      indicator: COVERAGE_AREA_INDICATOR,
      scope,
      year: COVERAGE_YEAR,
      value: areaPct,
      formula: {
        zh: '半径内面积 ÷ 区域面积 × 100',
        en: 'area within the radius ÷ area × 100',
        expression: `${round1(figures.areaKm2 * figures.coveredAreaShare)} ÷ ${round1(figures.areaKm2)} km² × 100 = ${round1(areaPct)}`,
      },
      notes: [note],
    });
    if (figures.coveredPopulationShare !== null && figures.population !== null) {
      const popPct = figures.coveredPopulationShare * 100;
      out.push({
        indicator: COVERAGE_POPULATION_INDICATOR,
        scope,
        year: COVERAGE_YEAR,
        value: popPct,
        formula: {
          zh: '半径内常住人口 ÷ 常住人口 × 100',
          en: 'residents within the radius ÷ residents × 100',
          expression: `${Math.round(figures.population * figures.coveredPopulationShare)} ÷ ${Math.round(figures.population)} × 100 = ${round1(popPct)}`,
        },
        notes: [note],
      });
    }
    return out;
  });
  return { indicators, values };
}
