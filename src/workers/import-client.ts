/** Starts the import worker and wraps it with comlink; file contents are transferred, not copied. */
import { transfer, wrap } from 'comlink';
import type { FacilityImportOptions, FacilityImportResult, PopulationImportOptions, PopulationImportResult } from '../domain/import/index.ts';
import type { ImportWorkerApi } from './import.worker.ts';

export interface ImportWorkerHandle {
  parseFacilities(input: ArrayBuffer, options: Omit<FacilityImportOptions, 'catalogue'>): Promise<FacilityImportResult>;
  parsePopulation(input: ArrayBuffer, options: PopulationImportOptions): Promise<PopulationImportResult>;
  terminate(): void;
}

export function createImportWorker(): ImportWorkerHandle {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  const api = wrap<ImportWorkerApi>(worker);
  return {
    parseFacilities: (input, options) => api.parseFacilities(transfer(input, [input]), options),
    parsePopulation: (input, options) => api.parsePopulation(transfer(input, [input]), options),
    terminate: () => worker.terminate(),
  };
}
