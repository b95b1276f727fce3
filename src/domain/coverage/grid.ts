/**
 * The prepared grid: the districts cut into thin east–west rows once, so that every later question
 * (which part of a district lies within r of a facility) is one-dimensional interval arithmetic.
 *
 * Each row is a band of latitude `rowMetres` high. Within a row a district is a set of longitude
 * runs, cut exactly where the polygon edges cross the row's centre parallel (edges are straight in
 * lon/lat, as Turf's clipping treats them). Areas integrate on the sphere: a band between
 * latitudes φ₁ < φ₂ and longitudes λ₁ < λ₂ has area R²·(sin φ₂ − sin φ₁)·(λ₂ − λ₁), the same
 * measure turf.area uses. Only the north–south direction is sampled, so the error is a fraction of
 * a row height along edges and shrinks with the row height (see bench/README.md for measurements).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { DEG, EARTH_RADIUS_METRES } from './sphere.ts';
import type { PopulationModelKind } from './types.ts';

/**
 * Finest row height. 10 m keeps the sampling error along district edges far below the 0.5
 * percentage-point budget (measured in bench/) while the whole city is ~16,000 rows holding a few
 * runs each (< 2 MB). Per radius the engine samples every s-th row so that a circle spans
 * ROWS_PER_DIAMETER rows: cost depends on the number of facilities, not on the radius.
 */
export const DEFAULT_ROW_METRES = 10;

/**
 * Rows sampled across one circle's diameter. A circle sampled by n rows (exact chords, midpoint in
 * latitude) has a relative area error of order n^-1.5; at 64 rows the covered share stays within
 * a few hundredths of a percentage point of the Turf union (bench/results.md), against a budget
 * of 0.5 points, while 10,000 facilities still compute well inside the 0.5 s target.
 */
export const ROWS_PER_DIAMETER = 64;

/** The properties the engine reads from a district feature (src/domain/districts.ts has them all). */
export interface CoverageDistrictProperties {
  adcode: string;
  name: string;
  /** Area shown to users; if absent the grid's own integrated area is reported. */
  areaKm2?: number;
}

export type CoverageDistrictCollection = FeatureCollection<Polygon | MultiPolygon, CoverageDistrictProperties>;

export interface GridDistrict {
  adcode: string;
  name: string;
  /** Area reported to users (the file's areaKm2, else the integrated area), km². */
  areaKm2: number;
  /** Area integrated over the rows, m²; shares are ratios over this same measure. */
  integratedAreaM2: number;
  /** Residents under the current population model; null when unknown. */
  population: number | null;
  /** The census count given at preparation, kept so the even model can be restored. */
  censusPopulation: number | null;
}

/** Population points assigned to rows, sorted by longitude within each row. */
export interface GridPopulationPoints {
  rowStart: Uint32Array;
  lon: Float64Array;
  population: Float64Array;
  district: Uint8Array;
  count: number;
  total: number;
  outsideCount: number;
  outsidePopulation: number;
  invalidCount: number;
}

export interface CoverageGrid {
  readonly rowMetres: number;
  /** Rows sampled across one circle's diameter (see engine.ts, ROWS_PER_DIAMETER). */
  readonly rowsPerDiameter: number;
  readonly rowCount: number;
  /** Latitude of the southern edge of row 0, radians. */
  readonly south: number;
  /** Row height, radians of latitude. */
  readonly rowHeight: number;
  readonly rowLat: Float64Array;
  readonly rowCos: Float64Array;
  /** Area of each row band per radian of longitude, m². */
  readonly rowArea: Float64Array;
  /** District runs per row (CSR: rows r use indices rowStart[r]…rowStart[r+1]), sorted by district then west. */
  readonly rowStart: Uint32Array;
  readonly runWest: Float64Array;
  readonly runEast: Float64Array;
  readonly runDistrict: Uint8Array;
  /** Western and eastern limits of all runs, radians. */
  readonly west: number;
  readonly east: number;
  readonly districts: readonly GridDistrict[];
  readonly populationModel: PopulationModelKind;
  readonly populationPoints: GridPopulationPoints | null;
}

export interface PrepareOptions {
  /** Residents per district (adcode → persons), spread evenly over each district's area. */
  populationByAdcode?: Readonly<Record<string, number>>;
  rowMetres?: number;
  /** Defaults to ROWS_PER_DIAMETER; the bench varies it to measure accuracy against cost. */
  rowsPerDiameter?: number;
}

function polygonsOf(feature: Feature<Polygon | MultiPolygon, CoverageDistrictProperties>): Position[][][] {
  const g = feature.geometry;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function prepareCoverageGrid(districts: CoverageDistrictCollection, options: PrepareOptions = {}): CoverageGrid {
  const rowMetres = options.rowMetres ?? DEFAULT_ROW_METRES;
  if (!(rowMetres > 0)) throw new RangeError(`rowMetres must be positive, got ${rowMetres}`);
  const rowsPerDiameter = options.rowsPerDiameter ?? ROWS_PER_DIAMETER;
  if (!(rowsPerDiameter >= 1)) throw new RangeError(`rowsPerDiameter must be at least 1, got ${rowsPerDiameter}`);
  const features = districts.features;
  if (features.length === 0) throw new Error('no districts to prepare a coverage grid for');
  if (features.length > 255) throw new Error('at most 255 districts are supported');

  let south = Infinity;
  let north = -Infinity;
  for (const f of features)
    for (const poly of polygonsOf(f))
      for (const ring of poly)
        for (const p of ring) {
          south = Math.min(south, p[1]!);
          north = Math.max(north, p[1]!);
        }
  if (!Number.isFinite(south) || !Number.isFinite(north)) throw new Error('district geometry has no coordinates');
  south *= DEG;
  north *= DEG;
  const rowHeight = rowMetres / EARTH_RADIUS_METRES;
  const rowCount = Math.max(1, Math.ceil((north - south) / rowHeight));
  const rowLat = new Float64Array(rowCount);
  const rowCos = new Float64Array(rowCount);
  const rowArea = new Float64Array(rowCount);
  const r2 = EARTH_RADIUS_METRES * EARTH_RADIUS_METRES;
  for (let r = 0; r < rowCount; r++) {
    const lo = south + r * rowHeight;
    rowLat[r] = lo + rowHeight / 2;
    rowCos[r] = Math.cos(rowLat[r]!);
    rowArea[r] = r2 * (Math.sin(lo + rowHeight) - Math.sin(lo));
  }

  // Edge crossings with each row's centre parallel, bucketed by row (count, then fill).
  const crossings: { rows: number[]; xs: number[] }[] = features.map(() => ({ rows: [], xs: [] }));
  features.forEach((f, d) => {
    const out = crossings[d]!;
    for (const poly of polygonsOf(f))
      for (const ring of poly)
        for (let i = 0; i + 1 < ring.length; i++) {
          const x1 = ring[i]![0]! * DEG;
          const y1 = ring[i]![1]! * DEG;
          const x2 = ring[i + 1]![0]! * DEG;
          const y2 = ring[i + 1]![1]! * DEG;
          if (y1 === y2) continue;
          const lo = Math.min(y1, y2);
          const hi = Math.max(y1, y2);
          // Rows whose centre c satisfies lo <= c < hi (half-open, so shared vertices count once).
          const first = Math.max(0, Math.ceil((lo - south) / rowHeight - 0.5));
          const last = Math.min(rowCount - 1, Math.ceil((hi - south) / rowHeight - 0.5) - 1);
          for (let r = first; r <= last; r++) {
            const c = rowLat[r]!;
            if (c < lo || c >= hi) continue;
            out.rows.push(r);
            out.xs.push(x1 + ((c - y1) * (x2 - x1)) / (y2 - y1));
          }
        }
  });

  // Even–odd pairing of sorted crossings gives each district's runs per row (holes included).
  const runsPerRow: number[][] = Array.from({ length: rowCount }, () => []);
  crossings.forEach(({ rows, xs }, d) => {
    const perRow = new Map<number, number[]>();
    rows.forEach((r, i) => {
      let list = perRow.get(r);
      if (!list) perRow.set(r, (list = []));
      list.push(xs[i]!);
    });
    for (const [r, list] of perRow) {
      list.sort((a, b) => a - b);
      const target = runsPerRow[r]!;
      for (let i = 0; i + 1 < list.length; i += 2) if (list[i + 1]! > list[i]!) target.push(d, list[i]!, list[i + 1]!);
    }
  });
  const rowStart = new Uint32Array(rowCount + 1);
  for (let r = 0; r < rowCount; r++) rowStart[r + 1] = rowStart[r]! + runsPerRow[r]!.length / 3;
  const runCount = rowStart[rowCount]!;
  const runWest = new Float64Array(runCount);
  const runEast = new Float64Array(runCount);
  const runDistrict = new Uint8Array(runCount);
  const areaM2 = new Float64Array(features.length);
  let west = Infinity;
  let east = -Infinity;
  for (let r = 0; r < rowCount; r++) {
    const list = runsPerRow[r]!;
    let k = rowStart[r]!;
    for (let i = 0; i < list.length; i += 3, k++) {
      const d = list[i]!;
      runDistrict[k] = d;
      runWest[k] = list[i + 1]!;
      runEast[k] = list[i + 2]!;
      areaM2[d]! += rowArea[r]! * (list[i + 2]! - list[i + 1]!);
      west = Math.min(west, list[i + 1]!);
      east = Math.max(east, list[i + 2]!);
    }
  }

  const gridDistricts: GridDistrict[] = features.map((f, d) => {
    const population = options.populationByAdcode?.[f.properties.adcode];
    return {
      adcode: f.properties.adcode,
      name: f.properties.name,
      areaKm2: f.properties.areaKm2 ?? areaM2[d]! / 1e6,
      integratedAreaM2: areaM2[d]!,
      population: population !== undefined && Number.isFinite(population) ? population : null,
      censusPopulation: population !== undefined && Number.isFinite(population) ? population : null,
    };
  });

  return {
    rowMetres,
    rowsPerDiameter,
    rowCount,
    south,
    rowHeight,
    rowLat,
    rowCos,
    rowArea,
    rowStart,
    runWest,
    runEast,
    runDistrict,
    west,
    east,
    districts: gridDistricts,
    populationModel: 'even-census-2020',
    populationPoints: null,
  };
}

/** Row index of a latitude in radians, or -1 outside the grid. */
export function rowOf(grid: CoverageGrid, lat: number): number {
  const r = Math.floor((lat - grid.south) / grid.rowHeight);
  return r >= 0 && r < grid.rowCount ? r : -1;
}

/** Index of the district whose run in row r holds longitude x (radians), or -1. */
export function districtAt(grid: CoverageGrid, r: number, x: number): number {
  for (let k = grid.rowStart[r]!; k < grid.rowStart[r + 1]!; k++)
    if (grid.runWest[k]! <= x && x < grid.runEast[k]!) return grid.runDistrict[k]!;
  return -1;
}

export interface PopulationPoint {
  lon: number;
  lat: number;
  population: number;
}

/**
 * Replaces the even census model with imported population points (WGS84). Each point is placed in
 * the row holding its latitude and in the district whose run holds its longitude on that row's
 * centre parallel (at most half a row height from the exact test). Points outside every district
 * are counted and reported, not used; points with a non-finite position or a negative or
 * non-finite population are counted as invalid.
 */
export function withPopulationPoints(grid: CoverageGrid, points: readonly PopulationPoint[]): CoverageGrid {
  const rowOfPoint = new Int32Array(points.length).fill(-1);
  const districtOfPoint = new Int16Array(points.length).fill(-1);
  let outsideCount = 0;
  let outsidePopulation = 0;
  let invalidCount = 0;
  const counts = new Uint32Array(grid.rowCount + 1);
  points.forEach((p, i) => {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat) || !Number.isFinite(p.population) || p.population < 0) {
      invalidCount++;
      return;
    }
    const r = rowOf(grid, p.lat * DEG);
    const d = r < 0 ? -1 : districtAt(grid, r, p.lon * DEG);
    if (d < 0) {
      outsideCount++;
      outsidePopulation += p.population;
      return;
    }
    rowOfPoint[i] = r;
    districtOfPoint[i] = d;
    counts[r + 1]!++;
  });
  const rowStart = new Uint32Array(grid.rowCount + 1);
  for (let r = 0; r < grid.rowCount; r++) rowStart[r + 1] = rowStart[r]! + counts[r + 1]!;
  const count = rowStart[grid.rowCount]!;
  const order = Array.from({ length: points.length }, (_, i) => i)
    .filter((i) => rowOfPoint[i]! >= 0)
    .sort((a, b) => rowOfPoint[a]! - rowOfPoint[b]! || points[a]!.lon - points[b]!.lon);
  const lon = new Float64Array(count);
  const population = new Float64Array(count);
  const district = new Uint8Array(count);
  const byDistrict = new Float64Array(grid.districts.length);
  order.forEach((i, k) => {
    lon[k] = points[i]!.lon * DEG;
    population[k] = points[i]!.population;
    district[k] = districtOfPoint[i]!;
    byDistrict[districtOfPoint[i]!]! += points[i]!.population;
  });
  return {
    ...grid,
    districts: grid.districts.map((d, i) => ({ ...d, population: byDistrict[i]! })),
    populationModel: 'imported-points',
    populationPoints: {
      rowStart,
      lon,
      population,
      district,
      count,
      total: byDistrict.reduce((a, b) => a + b, 0),
      outsideCount,
      outsidePopulation,
      invalidCount,
    },
  };
}

/** Back to the default model: each district's census population spread evenly over its area. */
export function withCensusPopulation(grid: CoverageGrid): CoverageGrid {
  return {
    ...grid,
    districts: grid.districts.map((d) => ({ ...d, population: d.censusPopulation })),
    populationModel: 'even-census-2020',
    populationPoints: null,
  };
}
