/** Starts the coverage worker and wraps it with comlink: every call returns a promise. */
import { wrap, type Remote } from 'comlink';
import type { CoverageWorkerApi } from './coverage.worker.ts';

export type CoverageWorker = Remote<CoverageWorkerApi>;

export interface CoverageWorkerHandle {
  api: CoverageWorker;
  terminate(): void;
}

export function createCoverageWorker(): CoverageWorkerHandle {
  const worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module', name: 'coverage' });
  return { api: wrap<CoverageWorkerApi>(worker), terminate: () => worker.terminate() };
}
