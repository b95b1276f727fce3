/**
 * The coverage engine: which share of each district's area and residents lies within a radius of
 * at least one facility. Every circle becomes one exact longitude chord per sampled row; chords
 * are merged per row (sort + sweep) and intersected with the district runs prepared in grid.ts.
 * Cost grows with facilities × rows per circle, never with the number of cells a circle covers,
 * and overlapping circles are never counted twice because the union is taken row by row.
 *
 * Circles are sampled at a band height that grows with the radius (ROWS_PER_DIAMETER rows across),
 * but district edges are always intersected at the full prepared resolution: the merged chords of
 * a band are applied to each prepared row inside it. So a district's area is the same at every
 * radius, and a fully covered district shows exactly 100 %.
 */
import { coveredLength, isInRuns, mergeSortedEvents, prefixLengths } from './intervals.ts';
import { districtAt, rowOf, type CoverageGrid } from './grid.ts';
import { chordHalfWidth, DEG, EARTH_RADIUS_METRES } from './sphere.ts';
import type { CoverageFigures, CoveragePoint, CoverageResult, DistrictCoverage } from './types.ts';

/** Which prepared rows a radius samples circles on: band j is rows j·stride … j·stride + stride − 1. */
export interface RowSampling {
  stride: number;
  count: number;
  /** Prepared row whose latitude the chords of band j are cut at (the band's middle row). */
  baseRow: Int32Array;
}

export function rowSampling(grid: CoverageGrid, radiusMetres: number): RowSampling {
  let stride = Math.max(1, Math.floor((2 * radiusMetres) / (grid.rowMetres * grid.rowsPerDiameter)));
  // An odd stride puts the sampled row exactly in the middle of its band.
  if (stride % 2 === 0) stride -= 1;
  const count = Math.ceil(grid.rowCount / stride);
  const baseRow = new Int32Array(count);
  for (let j = 0; j < count; j++) baseRow[j] = Math.min(j * stride + (stride >> 1), grid.rowCount - 1);
  return { stride, count, baseRow };
}

/** Prepared rows [first, end) of band j. */
export function bandRows(grid: CoverageGrid, sampling: RowSampling, j: number): [first: number, end: number] {
  const first = j * sampling.stride;
  return [first, Math.min(first + sampling.stride, grid.rowCount)];
}

/** The union of all service circles as merged longitude runs per sampled row. */
export interface CoveredRows {
  radiusMetres: number;
  sampling: RowSampling;
  /** CSR over sampled rows: band j's runs are start/end[runStart[j]…runStart[j+1]). */
  runStart: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  /** Length of the band's runs west of each run (prefix sums), radians of longitude. */
  before: Float64Array;
  used: number;
  invalid: number;
  outsideDistricts: number;
}

function validRadius(radiusMetres: number): void {
  if (!Number.isFinite(radiusMetres) || radiusMetres < 0)
    throw new RangeError(`radius must be a finite number of metres ≥ 0, got ${radiusMetres}`);
}

function isValidPosition(p: CoveragePoint): boolean {
  return Number.isFinite(p.lon) && Number.isFinite(p.lat) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

/**
 * Bands [first, last] whose chord row lies within the circle's latitude span; empty when
 * first > last. The chord rows increase with the band index, so the bands form one range.
 */
export function bandsOfCircle(grid: CoverageGrid, sampling: RowSampling, lat: number, radiusRad: number): [first: number, last: number] {
  const firstRow = Math.ceil((lat - radiusRad - grid.south) / grid.rowHeight - 0.5);
  const lastRow = Math.floor((lat + radiusRad - grid.south) / grid.rowHeight - 0.5);
  if (lastRow < 0 || firstRow >= grid.rowCount || lastRow < firstRow) return [0, -1];
  const { stride, count, baseRow } = sampling;
  const half = stride >> 1;
  let j0 = Math.max(0, Math.floor((firstRow - half) / stride));
  let j1 = Math.min(count - 1, Math.ceil((lastRow - half) / stride));
  while (j0 <= j1 && baseRow[j0]! < firstRow) j0++;
  while (j1 >= j0 && baseRow[j1]! > lastRow) j1--;
  return [j0, j1];
}

/** Visits the sampled rows a circle touches with the chord half-width on each. */
export function forEachChord(
  grid: CoverageGrid,
  sampling: RowSampling,
  lat: number,
  radiusRad: number,
  visit: (band: number, halfWidth: number) => void,
): void {
  const [j0, j1] = bandsOfCircle(grid, sampling, lat, radiusRad);
  const cosLat = Math.cos(lat);
  for (let j = j0; j <= j1; j++) {
    const r = sampling.baseRow[j]!;
    // Rounding can leave a row on the very rim a hair outside: a zero-width chord there.
    visit(j, Math.max(0, chordHalfWidth(radiusRad, lat, cosLat, grid.rowLat[r]!, grid.rowCos[r]!)) || 0);
  }
}

export function computeCoveredRows(
  grid: CoverageGrid,
  facilities: readonly CoveragePoint[],
  radiusMetres: number,
): CoveredRows {
  validRadius(radiusMetres);
  const sampling = rowSampling(grid, radiusMetres);
  const radiusRad = radiusMetres / EARTH_RADIUS_METRES;
  const lon = new Float64Array(facilities.length);
  const lat = new Float64Array(facilities.length);
  let used = 0;
  let invalid = 0;
  let outsideDistricts = 0;
  for (const f of facilities) {
    if (!isValidPosition(f)) {
      invalid++;
      continue;
    }
    lon[used] = f.lon * DEG;
    lat[used] = f.lat * DEG;
    const r = rowOf(grid, lat[used]!);
    if (r < 0 || districtAt(grid, r, lon[used]!) < 0) outsideDistricts++;
    used++;
  }

  // Two passes (count chords per row, then fill) keep everything in flat typed arrays.
  const counts = new Uint32Array(sampling.count + 1);
  if (radiusMetres > 0)
    for (let i = 0; i < used; i++) {
      const [j0, j1] = bandsOfCircle(grid, sampling, lat[i]!, radiusRad);
      for (let j = j0; j <= j1; j++) counts[j + 1]!++;
    }
  for (let j = 0; j < sampling.count; j++) counts[j + 1]! += counts[j]!;
  const total = counts[sampling.count]!;
  const starts = new Float64Array(total);
  const ends = new Float64Array(total);
  const fill = counts.slice(0, sampling.count);
  if (radiusMetres > 0)
    for (let i = 0; i < used; i++) {
      const x = lon[i]!;
      forEachChord(grid, sampling, lat[i]!, radiusRad, (j, w) => {
        const k = fill[j]!++;
        starts[k] = x - w;
        ends[k] = x + w;
      });
    }

  const runStart = new Uint32Array(sampling.count + 1);
  const start = new Float64Array(total);
  const end = new Float64Array(total);
  const before = new Float64Array(total);
  let pos = 0;
  for (let j = 0; j < sampling.count; j++) {
    const a = counts[j]!;
    const b = counts[j + 1]!;
    if (b > a) {
      starts.subarray(a, b).sort();
      ends.subarray(a, b).sort();
      pos = mergeSortedEvents(starts, ends, a, b, start, end, pos);
    }
    prefixLengths(start, end, runStart[j]!, pos, before);
    runStart[j + 1] = pos;
  }
  return {
    radiusMetres,
    sampling,
    runStart,
    start: start.slice(0, pos),
    end: end.slice(0, pos),
    before: before.slice(0, pos),
    used,
    invalid,
    outsideDistricts,
  };
}

function sum(xs: Iterable<number>): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

function figures(area: number, covered: number, areaKm2: number, population: number | null, coveredPop: number | null): CoverageFigures {
  const coveredAreaShare = area > 0 ? Math.min(1, covered / area) : 0;
  return {
    areaKm2,
    coveredAreaShare,
    population,
    // No residents (a district without any imported population point): a share is undefined.
    coveredPopulationShare: population === null || coveredPop === null || !(population > 0) ? null : Math.min(1, coveredPop / population),
  };
}

/** Per-district and city-wide shares from the merged runs. */
export function summariseCoverage(grid: CoverageGrid, covered: CoveredRows): CoverageResult {
  const { sampling } = covered;
  const n = grid.districts.length;
  const area = grid.districts.map((d) => d.integratedAreaM2);
  const coveredArea = new Float64Array(n);
  for (let j = 0; j < sampling.count; j++) {
    const m0 = covered.runStart[j]!;
    const m1 = covered.runStart[j + 1]!;
    if (m1 === m0) continue;
    const [first, end] = bandRows(grid, sampling, j);
    for (let r = first; r < end; r++) {
      const w = grid.rowArea[r]!;
      for (let k = grid.rowStart[r]!; k < grid.rowStart[r + 1]!; k++)
        coveredArea[grid.runDistrict[k]!]! +=
          w * coveredLength(covered.start, covered.end, covered.before, m0, m1, grid.runWest[k]!, grid.runEast[k]!);
    }
  }

  const points = grid.populationPoints;
  const coveredPop = new Float64Array(n);
  if (points) {
    for (let j = 0; j < sampling.count; j++) {
      const m0 = covered.runStart[j]!;
      const m1 = covered.runStart[j + 1]!;
      if (m1 === m0) continue;
      const [firstRow, endRow] = bandRows(grid, sampling, j);
      for (let p = points.rowStart[firstRow]!; p < points.rowStart[endRow]!; p++)
        if (isInRuns(covered.start, covered.end, m0, m1, points.lon[p]!)) coveredPop[points.district[p]!]! += points.population[p]!;
    }
  }

  const districts: DistrictCoverage[] = grid.districts.map((d, i) => {
    const share = area[i]! > 0 ? coveredArea[i]! / area[i]! : 0;
    const popCovered = d.population === null ? null : points ? coveredPop[i]! : d.population * share;
    return { adcode: d.adcode, name: d.name, ...figures(area[i]!, coveredArea[i]!, d.areaKm2, d.population, popCovered) };
  });

  const popKnown = grid.districts.every((d) => d.population !== null);
  const cityPopulation = popKnown ? sum(grid.districts.map((d) => d.population!)) : null;
  const cityCoveredPop = popKnown ? sum(districts.map((d) => d.population! * (d.coveredPopulationShare ?? 0))) : null;
  const city = figures(sum(area), sum(coveredArea), sum(grid.districts.map((d) => d.areaKm2)), cityPopulation, cityCoveredPop);

  return {
    radiusMetres: covered.radiusMetres,
    populationModel: grid.populationModel,
    districts,
    city,
    facilities: { used: covered.used, invalid: covered.invalid, outsideDistricts: covered.outsideDistricts },
    ...(points && {
      populationPoints: {
        count: points.count,
        population: points.total,
        outsideCount: points.outsideCount,
        outsidePopulation: points.outsidePopulation,
        invalidCount: points.invalidCount,
      },
    }),
    method: { kind: 'scanline', rowMetres: grid.rowMetres * sampling.stride, rowsSampled: sampling.count },
  };
}

/** Coverage of the districts by facilities within radiusMetres (WGS84 positions). */
export function computeCoverage(grid: CoverageGrid, facilities: readonly CoveragePoint[], radiusMetres: number): CoverageResult {
  return summariseCoverage(grid, computeCoveredRows(grid, facilities, radiusMetres));
}
