import { describe, expect, it } from 'vitest';
import { censusPopulationByAdcode } from '../../domain/coverage/census-population.ts';
import { buildIndicatorDb } from '../../domain/indicators/db.ts';
import { readIndicatorFile, readIndicatorFiles } from '../../domain/indicators/real-data.test-support.ts';
import { validateIndicatorFiles } from '../../domain/indicators/validate.ts';
import { censusPopulationFromDb } from './census.ts';

describe('census population for the coverage worker', () => {
  it('equals what the CLI reads from the census values file, district by district', () => {
    const { catalogue, values } = readIndicatorFiles();
    const db = buildIndicatorDb(validateIndicatorFiles(catalogue, values));
    const fromDb = censusPopulationFromDb(db)!;
    expect(fromDb).toEqual(censusPopulationByAdcode(readIndicatorFile('values-census-2020.json').json));
    // bench/README.md: 蓬江区 853,007 residents, the city 4,798,090.
    expect(fromDb['440703']).toBe(853007);
    expect(Object.values(fromDb).reduce((a, b) => a + b, 0)).toBe(4798090);
  });

  it('is undefined until the database is loaded', () => {
    expect(censusPopulationFromDb(undefined)).toBeUndefined();
  });
});
