import { CENSUS_POPULATION_INDICATOR } from '../../domain/coverage/census-population.ts';
import { DISTRICTS } from '../../domain/districts.ts';
import type { IndicatorDb } from '../../domain/indicators/db.ts';
import { valueFor } from '../../domain/indicators/select.ts';

/** 2020 census residents per district adcode, from the indicator database (the even population model). */
export function censusPopulationFromDb(db: IndicatorDb | undefined): Record<string, number> | undefined {
  if (!db) return undefined;
  const out: Record<string, number> = {};
  for (const { adcode } of DISTRICTS) {
    const v = valueFor(db, CENSUS_POPULATION_INDICATOR, adcode, 2020, 'actual');
    if (v) out[adcode] = v.primary.value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
