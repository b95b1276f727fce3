import { describe, expect, it } from 'vitest';
import { computeCoverage } from './engine.ts';
import { prepareCoverageGrid } from './grid.ts';
import { createCoverageSession } from './session.ts';
import { collection, offset, squareDistrict } from './test-support.ts';

const districts = collection(squareDistrict('A', 113, 22.5, 10_000));
const centre = offset(113, 22.5, 5000, 5000);

describe('coverage session (what the worker exposes)', () => {
  it('refuses to compute before init, with a message saying what to do', () => {
    expect(() => createCoverageSession().compute([centre], 1000)).toThrow(/init/);
  });

  it('gives the engine numbers, drawing geometry and circles, and numbers only on request', () => {
    const session = createCoverageSession();
    const info = session.init(districts, { A: 5000 });
    expect(info).toMatchObject({ populationModel: 'even-census-2020', districts: [{ adcode: 'A', population: 5000 }] });
    const response = session.compute([{ ...centre, id: 'f1', name: '站' }], 1000);
    const direct = computeCoverage(prepareCoverageGrid(districts, { populationByAdcode: { A: 5000 } }), [centre], 1000);
    expect(response.result).toEqual(direct);
    expect(response.geometry!.footprint.features).toHaveLength(1);
    expect(response.circles!.features[0]!.properties.name).toBe('站');
    const numbersOnly = session.compute([centre], 1500, { geometry: false });
    expect(numbersOnly.geometry).toBeNull();
    expect(numbersOnly.result.radiusMetres).toBe(1500);
  });

  it('swaps the population model in and out without re-preparing the districts', () => {
    const session = createCoverageSession();
    session.init(districts, { A: 5000 });
    const withPoints = session.setPopulationPoints([
      { ...offset(113, 22.5, 5100, 5000), population: 10 },
      { ...offset(113, 22.5, -100, 0), population: 4 },
    ]);
    expect(withPoints.populationModel).toBe('imported-points');
    expect(withPoints.populationPoints).toMatchObject({ count: 1, outsideCount: 1, outsidePopulation: 4 });
    expect(session.compute([centre], 500).result.city.coveredPopulationShare).toBe(1);
    const back = session.setPopulationPoints(null);
    expect(back.populationModel).toBe('even-census-2020');
    expect(back.districts[0]!.population).toBe(5000);
  });

  it('suggests sites against the prepared grid', () => {
    const session = createCoverageSession();
    session.init(districts, { A: 5000 });
    const suggestion = session.suggest([], 1000, 2, { spacingMetres: 1000 });
    expect(suggestion.sites).toHaveLength(2);
    expect(suggestion.sites[1]!.cumulativeCoveredShare).toBeGreaterThan(suggestion.sites[0]!.cumulativeCoveredShare);
  });
});
