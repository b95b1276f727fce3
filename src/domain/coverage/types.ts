/** Result types shared by the engine, the Turf reference, the worker and the CLI. */

/**
 * How residents are placed: 'even-census-2020' spreads each district's 2020 census population
 * evenly over its area (an approximation, and labelled as one); 'imported-points' uses a
 * population file the user supplied.
 */
export type PopulationModelKind = 'even-census-2020' | 'imported-points';

/** A facility position in WGS84; Facility from src/domain/facilities.ts fits this shape. */
export interface CoveragePoint {
  lon: number;
  lat: number;
}

export interface CoverageFigures {
  areaKm2: number;
  /** Share of the area within the radius of at least one facility, 0–1. */
  coveredAreaShare: number;
  /** Residents under the population model; null when the model has no figure. */
  population: number | null;
  /** Share of residents within the radius of at least one facility, 0–1; null when there are no residents to share. */
  coveredPopulationShare: number | null;
}

export interface DistrictCoverage extends CoverageFigures {
  adcode: string;
  name: string;
}

export interface CoverageResult {
  radiusMetres: number;
  populationModel: PopulationModelKind;
  districts: DistrictCoverage[];
  /** All districts together (areas and residents summed). */
  city: CoverageFigures;
  facilities: {
    /** Facilities with a valid position that entered the computation. */
    used: number;
    /** Facilities skipped because their position is not a finite WGS84 coordinate. */
    invalid: number;
    /** Used facilities whose own position lies outside every district (they still cover across the edge). */
    outsideDistricts: number;
  };
  /** With imported population points: how many there were and how many fell outside every district. */
  populationPoints?: {
    count: number;
    population: number;
    outsideCount: number;
    outsidePopulation: number;
    invalidCount: number;
  };
  method: CoverageMethod;
}

export type CoverageMethod =
  | {
      kind: 'scanline';
      /** Height of the rows sampled for this radius, metres. */
      rowMetres: number;
      rowsSampled: number;
    }
  | {
      kind: 'turf-union';
      /** Vertices per turf.circle. */
      steps: number;
    };
