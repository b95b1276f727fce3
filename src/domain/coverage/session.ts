/**
 * A coverage session keeps the prepared grid between calls, so that dragging the radius slider
 * recomputes only the coverage, never the grid. The web worker exposes one session; the CLI and
 * the tests drive the same object, so the browser path and the command line cannot drift apart.
 */
import { computeCoveredRows, summariseCoverage } from './engine.ts';
import { coverageGeometry, serviceCircles, type CoverageGeometry, type CoverageGeometryOptions, type ServiceCircleProperties } from './geometry.ts';
import {
  prepareCoverageGrid,
  withCensusPopulation,
  withPopulationPoints,
  type CoverageDistrictCollection,
  type CoverageGrid,
  type PopulationPoint,
  type PrepareOptions,
} from './grid.ts';
import { suggestSites, type CandidateSpec, type SuggestionResult } from './suggest.ts';
import type { CoveragePoint, CoverageResult, PopulationModelKind } from './types.ts';
import type { FeatureCollection, Polygon } from 'geojson';

export type SessionFacility = CoveragePoint & { id?: string; name?: string; category?: string };

export interface SessionInfo {
  populationModel: PopulationModelKind;
  districts: { adcode: string; name: string; areaKm2: number; population: number | null }[];
  populationPoints?: CoverageResult['populationPoints'];
}

export interface ComputeOptions extends CoverageGeometryOptions {
  /** Leave out the drawing geometry (e.g. while a slider is moving); numbers only. */
  geometry?: boolean;
}

export interface ComputeResponse {
  result: CoverageResult;
  /** Covered footprint and gaps per district; null when not asked for. */
  geometry: CoverageGeometry | null;
  /** One ring per facility when there are few enough (see MAX_SERVICE_CIRCLES), else null. */
  circles: FeatureCollection<Polygon, ServiceCircleProperties> | null;
  timings: { computeMs: number; geometryMs: number };
}

export interface CoverageSession {
  init(districts: CoverageDistrictCollection, populationByAdcode?: Readonly<Record<string, number>>, options?: Omit<PrepareOptions, 'populationByAdcode'>): SessionInfo;
  /** Imported population points replace the census model; null goes back to the census model. */
  setPopulationPoints(points: readonly PopulationPoint[] | null): SessionInfo;
  compute(facilities: readonly SessionFacility[], radiusMetres: number, options?: ComputeOptions): ComputeResponse;
  suggest(existingFacilities: readonly CoveragePoint[], radiusMetres: number, k: number, candidates: CandidateSpec): SuggestionResult;
}

function info(grid: CoverageGrid): SessionInfo {
  const points = grid.populationPoints;
  return {
    populationModel: grid.populationModel,
    districts: grid.districts.map(({ adcode, name, areaKm2, population }) => ({ adcode, name, areaKm2, population })),
    ...(points && {
      populationPoints: {
        count: points.count,
        population: points.total,
        outsideCount: points.outsideCount,
        outsidePopulation: points.outsidePopulation,
        invalidCount: points.invalidCount,
      },
    }),
  };
}

export function createCoverageSession(now: () => number = () => performance.now()): CoverageSession {
  let grid: CoverageGrid | null = null;
  const ready = (): CoverageGrid => {
    if (!grid) throw new Error('coverage session not initialised: call init(districts, population) first');
    return grid;
  };
  return {
    init(districts, populationByAdcode, options = {}) {
      grid = prepareCoverageGrid(districts, { ...options, ...(populationByAdcode && { populationByAdcode }) });
      return info(grid);
    },
    setPopulationPoints(points) {
      grid = points ? withPopulationPoints(withCensusPopulation(ready()), points) : withCensusPopulation(ready());
      return info(grid);
    },
    compute(facilities, radiusMetres, options = {}) {
      const g = ready();
      const t0 = now();
      const covered = computeCoveredRows(g, facilities, radiusMetres);
      const result = summariseCoverage(g, covered);
      const t1 = now();
      const geometry = options.geometry === false ? null : coverageGeometry(g, covered, options);
      const circles = options.geometry === false ? null : serviceCircles(facilities, radiusMetres);
      return { result, geometry, circles, timings: { computeMs: t1 - t0, geometryMs: now() - t1 } };
    },
    suggest(existingFacilities, radiusMetres, k, candidates) {
      return suggestSites(ready(), existingFacilities, radiusMetres, k, candidates);
    },
  };
}
