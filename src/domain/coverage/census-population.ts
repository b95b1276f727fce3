/**
 * The population behind the default model: each district's 2020 census resident population
 * (indicator census_population in data/indicators/values-census-2020.json, NBS county tabulation).
 */
import { valuesFileSchema } from '../indicators/schema.ts';

export const CENSUS_POPULATION_INDICATOR = 'census_population';

/** adcode → residents, from a census values file; throws naming the file when it does not validate. */
export function censusPopulationByAdcode(raw: unknown, fileName = 'data/indicators/values-census-2020.json'): Record<string, number> {
  const parsed = valuesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const population: Record<string, number> = {};
  for (const v of parsed.data.values)
    if (v.indicator === CENSUS_POPULATION_INDICATOR && v.year === 2020 && v.kind === 'actual') population[v.scope] = v.value;
  if (Object.keys(population).length === 0) throw new Error(`${fileName}: no ${CENSUS_POPULATION_INDICATOR} values for 2020`);
  return population;
}
