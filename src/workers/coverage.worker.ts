/**
 * Coverage off the main thread. The worker holds one coverage session (the prepared grid stays
 * here between calls), so a radius slider only sends facilities and a radius, and the map never
 * waits on the computation. All logic lives in src/domain/coverage; this file only exposes it.
 */
import { expose } from 'comlink';
import { createCoverageSession } from '../domain/coverage/session.ts';

const session = createCoverageSession();

/**
 * init(districts, populationByAdcode) → SessionInfo
 * setPopulationPoints(points | null) → SessionInfo
 * compute(facilities, radiusMetres, { geometry?, cellMetres?, maxRectangles? }) → { result, geometry, circles, timings }
 * suggest(existingFacilities, radiusMetres, k, { spacingMetres } | { points }) → SuggestionResult
 */
const api = {
  init: session.init,
  setPopulationPoints: session.setPopulationPoints,
  compute: session.compute,
  suggest: session.suggest,
};

export type CoverageWorkerApi = typeof api;

expose(api);
