import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { censusPopulationByAdcode } from './census-population.ts';
import { DISTRICTS } from '../districts.ts';

describe('census population for the even model', () => {
  it("reads every district's 2020 census population, totalling the plans' 七普 figure of 4,798,090", () => {
    const raw = JSON.parse(readFileSync(new URL('../../../data/indicators/values-census-2020.json', import.meta.url), 'utf8'));
    const population = censusPopulationByAdcode(raw);
    expect(Object.keys(population).sort()).toEqual(DISTRICTS.map((d) => d.adcode).sort());
    expect(Object.values(population).reduce((a, b) => a + b, 0)).toBe(4_798_090);
  });

  it('names the file and the problem when the file is broken', () => {
    expect(() => censusPopulationByAdcode({ document: 'x', values: [{ indicator: 'census_population' }] }, 'c.json')).toThrow(/^c\.json: values\.0/);
    expect(() => censusPopulationByAdcode({ document: 'x', values: [] }, 'c.json')).toThrow(/no census_population/);
  });
});
