/**
 * The inputs the command line and the bench share with the app: the district boundaries the map
 * draws and the census population of the default model, read from the repository's own files and
 * validated by the same code the browser uses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { censusPopulationByAdcode } from '../src/domain/coverage/census-population.ts';
import { parseDistricts } from '../src/domain/districts-schema.ts';
import type { DistrictCollection } from '../src/domain/districts.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DISTRICTS_PATH = 'public/geo/districts.geojson';
export const CENSUS_PATH = 'data/indicators/values-census-2020.json';

function readJsonFile(path: string): unknown {
  const text = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

export function readDistricts(): DistrictCollection {
  return parseDistricts(readJsonFile(DISTRICTS_PATH), DISTRICTS_PATH);
}

export function readCensusPopulation(): Record<string, number> {
  return censusPopulationByAdcode(readJsonFile(CENSUS_PATH), CENSUS_PATH);
}
