/** Public API of the coverage engine, shared by the worker, the CLI and the bench. */
export type {
  CoverageFigures,
  CoverageMethod,
  CoveragePoint,
  CoverageResult,
  DistrictCoverage,
  PopulationModelKind,
} from './types.ts';
export {
  DEFAULT_ROW_METRES,
  ROWS_PER_DIAMETER,
  prepareCoverageGrid,
  withCensusPopulation,
  withPopulationPoints,
  type CoverageDistrictCollection,
  type CoverageDistrictProperties,
  type CoverageGrid,
  type PopulationPoint,
  type PrepareOptions,
} from './grid.ts';
export { computeCoverage, computeCoveredRows, summariseCoverage, type CoveredRows } from './engine.ts';
export {
  coverageGeometry,
  serviceCircles,
  MAX_SERVICE_CIRCLES,
  type CoverageAreaProperties,
  type CoverageGeometry,
  type CoverageGeometryOptions,
  type ServiceCircleProperties,
} from './geometry.ts';
export {
  gridCandidates,
  suggestSites,
  type CandidatePoint,
  type CandidateSpec,
  type SuggestedSite,
  type SuggestionResult,
} from './suggest.ts';
export { exactCoverageTurf, turfCircleUnion, TURF_CIRCLE_STEPS, type TurfReferenceOptions } from './turf-reference.ts';
