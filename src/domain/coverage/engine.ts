/**
 * The coverage engine: which share of each district's area and residents lies within a radius of
 * at least one facility. Every circle becomes one exact longitude chord per sampled row; chords
 * are merged per row (sort + sweep) and intersected with the district runs prepared in grid.ts.
 * Cost grows with facilities × rows per circle, never with the number of cells a circle covers,
 * and overlapping circles are never counted twice because the union is taken row by row.
 */
import { coveredLength, isInRuns, mergeSortedEvents } from './intervals.ts';
import { districtAt, rowOf, type CoverageGrid } from './grid.ts';
import { chordHalfWidth, DEG, EARTH_RADIUS_METRES } from './sphere.ts';
import type { CoverageFigures, CoveragePoint, CoverageResult, DistrictCoverage } from './types.ts';

/** Which prepared rows are used at a radius: every stride-th row, each standing for its band. */
export interface RowSampling {
  stride: number;
  count: number;
  /** Prepared row used for band j (the band's middle row). */
  baseRow: Int32Array;
  /** Area of band j per radian of longitude, m². */
  bandArea: Float64Array;
}

export function rowSampling(grid: CoverageGrid, radiusMetres: number): RowSampling {
  let stride = Math.max(1, Math.floor((2 * radiusMetres) / (grid.rowMetres * grid.rowsPerDiameter)));
  // An odd stride puts the sampled row exactly in the middle of its band.
  if (stride % 2 === 0) stride -= 1;
  const count = Math.ceil(grid.rowCount / stride);
  const baseRow = new Int32Array(count);
  const bandArea = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const first = j * stride;
    const end = Math.min(first + stride, grid.rowCount);
    baseRow[j] = Math.min(first + (stride >> 1), grid.rowCount - 1);
    let a = 0;
    for (let r = first; r < end; r++) a += grid.rowArea[r]!;
    bandArea[j] = a;
  }
  return { stride, count, baseRow, bandArea };
}

/** The union of all service circles as merged longitude runs per sampled row. */
export interface CoveredRows {
  radiusMetres: number;
  sampling: RowSampling;
  /** CSR over sampled rows: band j's runs are start/end[runStart[j]…runStart[j+1]). */
  runStart: Uint32Array;
  start: Float64Array;
  end: Float64Array;
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

/** Visits the sampled rows a circle touches with the chord half-width on each. */
export function forEachChord(
  grid: CoverageGrid,
  sampling: RowSampling,
  lat: number,
  radiusRad: number,
  visit: (band: number, halfWidth: number) => void,
): void {
  const cosLat = Math.cos(lat);
  const firstRow = Math.ceil((lat - radiusRad - grid.south) / grid.rowHeight - 0.5);
  const lastRow = Math.floor((lat + radiusRad - grid.south) / grid.rowHeight - 0.5);
  if (lastRow < 0 || firstRow >= grid.rowCount) return;
  const s = sampling.stride;
  const half = s >> 1;
  const j0 = Math.max(0, Math.floor((firstRow - half) / s));
  const j1 = Math.min(sampling.count - 1, Math.ceil((lastRow - half) / s));
  for (let j = j0; j <= j1; j++) {
    const r = sampling.baseRow[j]!;
    if (r < firstRow || r > lastRow) continue;
    const w = chordHalfWidth(radiusRad, lat, cosLat, grid.rowLat[r]!, grid.rowCos[r]!);
    if (w >= 0) visit(j, w);
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
    for (let i = 0; i < used; i++) forEachChord(grid, sampling, lat[i]!, radiusRad, (j) => counts[j + 1]!++);
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
  let pos = 0;
  for (let j = 0; j < sampling.count; j++) {
    const a = counts[j]!;
    const b = counts[j + 1]!;
    if (b > a) {
      starts.subarray(a, b).sort();
      ends.subarray(a, b).sort();
      pos = mergeSortedEvents(starts, ends, a, b, start, end, pos);
    }
    runStart[j + 1] = pos;
  }
  return {
    radiusMetres,
    sampling,
    runStart,
    start: start.slice(0, pos),
    end: end.slice(0, pos),
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
    coveredPopulationShare:
      population === null || coveredPop === null ? null : population > 0 ? Math.min(1, coveredPop / population) : 0,
  };
}

/** District areas (m²) as seen by the sampled rows: the denominators of every share. */
export function sampledDistrictAreas(grid: CoverageGrid, sampling: RowSampling): Float64Array {
  const area = new Float64Array(grid.districts.length);
  for (let j = 0; j < sampling.count; j++) {
    const r = sampling.baseRow[j]!;
    for (let k = grid.rowStart[r]!; k < grid.rowStart[r + 1]!; k++)
      area[grid.runDistrict[k]!]! += sampling.bandArea[j]! * (grid.runEast[k]! - grid.runWest[k]!);
  }
  return area;
}

/** Per-district and city-wide shares from the merged runs. */
export function summariseCoverage(grid: CoverageGrid, covered: CoveredRows): CoverageResult {
  const { sampling } = covered;
  const n = grid.districts.length;
  const area = sampledDistrictAreas(grid, sampling);
  const coveredArea = new Float64Array(n);
  for (let j = 0; j < sampling.count; j++) {
    const m0 = covered.runStart[j]!;
    const m1 = covered.runStart[j + 1]!;
    if (m1 === m0) continue;
    const r = sampling.baseRow[j]!;
    const w = sampling.bandArea[j]!;
    for (let k = grid.rowStart[r]!; k < grid.rowStart[r + 1]!; k++)
      coveredArea[grid.runDistrict[k]!]! += w * coveredLength(covered.start, covered.end, m0, m1, grid.runWest[k]!, grid.runEast[k]!);
  }

  const points = grid.populationPoints;
  const coveredPop = new Float64Array(n);
  if (points) {
    for (let j = 0; j < sampling.count; j++) {
      const m0 = covered.runStart[j]!;
      const m1 = covered.runStart[j + 1]!;
      if (m1 === m0) continue;
      const firstRow = j * sampling.stride;
      const endRow = Math.min(firstRow + sampling.stride, grid.rowCount);
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
  const cityCoveredPop = popKnown ? sum(districts.map((d) => d.population! * d.coveredPopulationShare!)) : null;
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
