/**
 * File parsing off the main thread: a 200,000-row CSV takes seconds to decode, split and check,
 * and the map must keep moving meanwhile. All logic lives in src/domain/import; this only exposes it.
 */
import { expose } from 'comlink';
import { parseFacilitiesFile, parsePopulationCsv, type FacilityImportOptions, type PopulationImportOptions } from '../domain/import/index.ts';

// Options cross the worker boundary by structured clone; a custom catalogue cannot, so it is left out.
const api = {
  parseFacilities: (input: ArrayBuffer, options: Omit<FacilityImportOptions, 'catalogue'>) => parseFacilitiesFile(input, options),
  parsePopulation: (input: ArrayBuffer, options: PopulationImportOptions) => parsePopulationCsv(input, options),
};

export type ImportWorkerApi = typeof api;

expose(api);
