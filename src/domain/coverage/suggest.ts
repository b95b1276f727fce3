/**
 * Site suggestion: greedy maximal covering. Each step adds the candidate whose circle reaches the
 * most residents not yet within the radius of any facility (under the grid's population model).
 * Gains can only shrink as sites are added (the objective is submodular), so stale gains are upper
 * bounds and only the leading candidates are re-evaluated each step (lazy greedy): the result is
 * the same as plain greedy at a fraction of the cost.
 */
import { bandRows, computeCoveredRows, forEachChord, summariseCoverage, type CoveredRows } from './engine.ts';
import { districtAt, type CoverageGrid } from './grid.ts';
import { isInRuns, splitByRuns } from './intervals.ts';
import { DEG, EARTH_RADIUS_METRES } from './sphere.ts';
import type { CoveragePoint, PopulationModelKind } from './types.ts';

export interface CandidatePoint extends CoveragePoint {
  id?: string;
  name?: string;
}

/** Candidates on a regular grid over the districts, or given points (e.g. the town seats). */
export type CandidateSpec = { spacingMetres: number } | { points: readonly CandidatePoint[] };

export interface SuggestedSite {
  lon: number;
  lat: number;
  /** Residents newly within the radius if this site is added after the previous suggestions. */
  gain: number;
  /** City-wide covered population share with this and all earlier suggestions adopted, 0–1. */
  cumulativeCoveredShare: number;
  id?: string;
  name?: string;
}

export interface SuggestionResult {
  radiusMetres: number;
  populationModel: PopulationModelKind;
  cityPopulation: number;
  /** City-wide covered population share by the existing facilities alone, 0–1. */
  baseCoveredShare: number;
  candidatesConsidered: number;
  /** Best first; fewer than k when no candidate adds anyone. */
  sites: SuggestedSite[];
}

/** Regular grid of candidate positions (WGS84) inside the districts, `spacingMetres` apart. */
export function gridCandidates(grid: CoverageGrid, spacingMetres: number): CandidatePoint[] {
  if (!(spacingMetres > 0)) throw new RangeError(`candidate spacing must be positive, got ${spacingMetres}`);
  const out: CandidatePoint[] = [];
  const dLat = spacingMetres / EARTH_RADIUS_METRES;
  const north = grid.south + grid.rowCount * grid.rowHeight;
  for (let lat = grid.south + dLat / 2; lat < north; lat += dLat) {
    const r = Math.min(grid.rowCount - 1, Math.floor((lat - grid.south) / grid.rowHeight));
    const dLon = dLat / Math.cos(lat);
    for (let lon = grid.west + dLon / 2; lon < grid.east; lon += dLon)
      if (districtAt(grid, r, lon) >= 0) out.push({ lon: lon / DEG, lat: lat / DEG });
  }
  return out;
}

/** Uncovered residents along one band as a piecewise-linear cumulative function of longitude. */
interface Profile {
  x: Float64Array;
  value: Float64Array;
  slope: Float64Array;
}

function evaluate(p: Profile, x: number): number {
  let lo = 0;
  let hi = p.x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.x[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  const i = lo - 1;
  return p.value[i]! + p.slope[i]! * (x - p.x[i]!);
}

/** Merged runs of one band, with the adopted suggestions added. */
interface Runs {
  start: Float64Array;
  end: Float64Array;
}

function addRun(runs: Runs, a: number, b: number): Runs {
  const start: number[] = [];
  const end: number[] = [];
  let inserted = false;
  const push = (s: number, e: number) => {
    const n = end.length;
    if (n > 0 && s <= end[n - 1]!) end[n - 1] = Math.max(end[n - 1]!, e);
    else {
      start.push(s);
      end.push(e);
    }
  };
  for (let i = 0; i < runs.start.length; i++) {
    if (!inserted && a < runs.start[i]!) {
      push(a, b);
      inserted = true;
    }
    push(runs.start[i]!, runs.end[i]!);
  }
  if (!inserted) push(a, b);
  return { start: Float64Array.from(start), end: Float64Array.from(end) };
}

export function suggestSites(
  grid: CoverageGrid,
  existingFacilities: readonly CoveragePoint[],
  radiusMetres: number,
  k: number,
  candidates: CandidateSpec,
): SuggestionResult {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  const covered: CoveredRows = computeCoveredRows(grid, existingFacilities, radiusMetres);
  const base = summariseCoverage(grid, covered);
  const cityPopulation = base.city.population;
  if (cityPopulation === null) throw new Error('site suggestion needs a population for every district');
  const baseCovered = cityPopulation * (base.city.coveredPopulationShare ?? 0);
  const { sampling } = covered;
  const radiusRad = radiusMetres / EARTH_RADIUS_METRES;
  const points = grid.populationPoints;

  // Residents per m² under the even model, over the same area the summary divides by.
  const density = grid.districts.map((d) =>
    points || d.population === null || !(d.integratedAreaM2 > 0) ? 0 : d.population / d.integratedAreaM2,
  );

  const runsOverride = new Map<number, Runs>();
  const runsOf = (j: number): Runs =>
    runsOverride.get(j) ?? {
      start: covered.start.subarray(covered.runStart[j]!, covered.runStart[j + 1]!),
      end: covered.end.subarray(covered.runStart[j]!, covered.runStart[j + 1]!),
    };
  const profiles = new Map<number, Profile>();
  const profileOf = (j: number): Profile => {
    const cached = profiles.get(j);
    if (cached) return cached;
    const runs = runsOf(j);
    const events: { x: number; jump: number; slope: number }[] = [];
    const [first, end] = bandRows(grid, sampling, j);
    if (points) {
      for (let p = points.rowStart[first]!; p < points.rowStart[end]!; p++) {
        const x = points.lon[p]!;
        if (!isInRuns(runs.start, runs.end, 0, runs.start.length, x)) events.push({ x, jump: points.population[p]!, slope: 0 });
      }
    } else {
      // Every prepared row of the band, so district edges are as sharp as in the summary.
      for (let r = first; r < end; r++)
        for (let q = grid.rowStart[r]!; q < grid.rowStart[r + 1]!; q++) {
          const rho = density[grid.runDistrict[q]!]! * grid.rowArea[r]!;
          if (rho === 0) continue;
          splitByRuns(runs.start, runs.end, 0, runs.start.length, grid.runWest[q]!, grid.runEast[q]!, (a, b, inside) => {
            if (inside) return;
            events.push({ x: a, jump: 0, slope: rho }, { x: b, jump: 0, slope: -rho });
          });
        }
    }
    events.sort((a, b) => a.x - b.x);
    const profile: Profile = {
      x: new Float64Array(events.length),
      value: new Float64Array(events.length),
      slope: new Float64Array(events.length),
    };
    let value = 0;
    let slope = 0;
    let prev = events[0]?.x ?? 0;
    events.forEach((e, i) => {
      value += slope * (e.x - prev) + e.jump;
      slope += e.slope;
      prev = e.x;
      profile.x[i] = e.x;
      profile.value[i] = value;
      profile.slope[i] = Math.abs(slope) < 1e-9 ? 0 : slope;
    });
    profiles.set(j, profile);
    return profile;
  };

  const pool: CandidatePoint[] = 'points' in candidates ? [...candidates.points] : gridCandidates(grid, candidates.spacingMetres);
  const usable = pool.filter((c) => Number.isFinite(c.lon) && Number.isFinite(c.lat));
  const gainOf = (c: CandidatePoint): number => {
    if (!(radiusMetres > 0)) return 0;
    const x = c.lon * DEG;
    let gain = 0;
    forEachChord(grid, sampling, c.lat * DEG, radiusRad, (j, w) => {
      const p = profileOf(j);
      if (p.x.length > 0) gain += evaluate(p, x + w) - evaluate(p, x - w);
    });
    return gain;
  };

  const bound = Float64Array.from(usable, gainOf);
  const taken = new Uint8Array(usable.length);
  const sites: SuggestedSite[] = [];
  let coveredSoFar = baseCovered;
  for (let step = 0; step < k; step++) {
    // Lazy greedy: walk candidates by their (stale, hence optimistic) gain; stop once no stale
    // bound can beat the best freshly evaluated gain.
    const order = Array.from(usable.keys())
      .filter((i) => !taken[i])
      .sort((a, b) => bound[b]! - bound[a]! || a - b);
    let best = -1;
    let bestGain = 0;
    for (const i of order) {
      if (best >= 0 && bound[i]! <= bestGain) break;
      const g = step === 0 ? bound[i]! : gainOf(usable[i]!);
      bound[i] = g;
      if (g > bestGain + 1e-9 || (best < 0 && g > 1e-9)) {
        best = i;
        bestGain = g;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    const site = usable[best]!;
    coveredSoFar += bestGain;
    sites.push({
      lon: site.lon,
      lat: site.lat,
      gain: bestGain,
      cumulativeCoveredShare: cityPopulation > 0 ? Math.min(1, coveredSoFar / cityPopulation) : 0,
      ...(site.id !== undefined && { id: site.id }),
      ...(site.name !== undefined && { name: site.name }),
    });
    const x = site.lon * DEG;
    forEachChord(grid, sampling, site.lat * DEG, radiusRad, (j, w) => {
      runsOverride.set(j, addRun(runsOf(j), x - w, x + w));
      profiles.delete(j);
    });
  }

  return {
    radiusMetres,
    populationModel: grid.populationModel,
    cityPopulation,
    baseCoveredShare: base.city.coveredPopulationShare ?? 0,
    candidatesConsidered: usable.length,
    sites,
  };
}
