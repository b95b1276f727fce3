/**
 * The yardstick: coverage computed the direct way with Turf — one turf.circle per facility,
 * turf.union of all circles, turf.intersect with each district, turf.area ratio. Exact up to the
 * circle polygon (TURF_CIRCLE_STEPS vertices: the 64-gon's area is 0.16 % below the true circle's)
 * and slow (seconds for 1,000 facilities), so the app uses engine.ts and the tests and the bench
 * hold the engine to this.
 */
import {
  area,
  booleanPointInPolygon,
  circle,
  distance,
  featureCollection,
  intersect,
  point,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CoverageDistrictCollection, PopulationPoint } from './grid.ts';
import type { CoverageFigures, CoveragePoint, CoverageResult, DistrictCoverage } from './types.ts';

/** Turf's own default, and fine enough for a yardstick (see above). */
export const TURF_CIRCLE_STEPS = 64;

export interface TurfReferenceOptions {
  steps?: number;
  populationByAdcode?: Readonly<Record<string, number>>;
  populationPoints?: readonly PopulationPoint[];
}

/** Union of turf.circle around every facility, or null when there is nothing to cover. */
export function turfCircleUnion(
  facilities: readonly CoveragePoint[],
  radiusMetres: number,
  steps = TURF_CIRCLE_STEPS,
): Feature<Polygon | MultiPolygon> | null {
  const valid = facilities.filter((f) => Number.isFinite(f.lon) && Number.isFinite(f.lat));
  if (!(radiusMetres > 0) || valid.length === 0) return null;
  const circles = valid.map((f) => circle([f.lon, f.lat], radiusMetres, { steps, units: 'meters' }));
  return circles.length === 1 ? circles[0]! : union(featureCollection(circles));
}

export function exactCoverageTurf(
  districts: CoverageDistrictCollection,
  facilities: readonly CoveragePoint[],
  radiusMetres: number,
  options: TurfReferenceOptions = {},
): CoverageResult {
  if (!Number.isFinite(radiusMetres) || radiusMetres < 0)
    throw new RangeError(`radius must be a finite number of metres ≥ 0, got ${radiusMetres}`);
  const steps = options.steps ?? TURF_CIRCLE_STEPS;
  const footprint = turfCircleUnion(facilities, radiusMetres, steps);
  const valid = facilities.filter((f) => Number.isFinite(f.lon) && Number.isFinite(f.lat));

  const points = options.populationPoints;
  const pointDistrict = points?.map((p) =>
    districts.features.findIndex((d) => booleanPointInPolygon([p.lon, p.lat], d)),
  );
  const pointCovered = points?.map(
    (p) =>
      radiusMetres > 0 &&
      valid.some((f) => distance(point([p.lon, p.lat]), point([f.lon, f.lat]), { units: 'meters' }) <= radiusMetres),
  );

  const rows: DistrictCoverage[] = districts.features.map((d, i) => {
    const whole = area(d);
    const part = footprint ? intersect(featureCollection([d, footprint])) : null;
    const coveredAreaShare = part ? area(part) / whole : 0;
    let population: number | null;
    let coveredPopulationShare: number | null;
    if (points) {
      let total = 0;
      let covered = 0;
      points.forEach((p, k) => {
        if (pointDistrict![k] !== i) return;
        total += p.population;
        if (pointCovered![k]) covered += p.population;
      });
      population = total;
      coveredPopulationShare = total > 0 ? covered / total : null;
    } else {
      const census = options.populationByAdcode?.[d.properties.adcode];
      population = census ?? null;
      coveredPopulationShare = census === undefined ? null : coveredAreaShare;
    }
    return {
      adcode: d.properties.adcode,
      name: d.properties.name,
      areaKm2: whole / 1e6,
      coveredAreaShare,
      population,
      coveredPopulationShare,
    };
  });

  const cityArea = rows.reduce((s, r) => s + r.areaKm2, 0);
  const popKnown = rows.every((r) => r.population !== null);
  const cityPop = popKnown ? rows.reduce((s, r) => s + r.population!, 0) : null;
  const city: CoverageFigures = {
    areaKm2: cityArea,
    coveredAreaShare: cityArea > 0 ? rows.reduce((s, r) => s + r.areaKm2 * r.coveredAreaShare, 0) / cityArea : 0,
    population: cityPop,
    coveredPopulationShare:
      cityPop === null || !(cityPop > 0) ? null : rows.reduce((s, r) => s + r.population! * (r.coveredPopulationShare ?? 0), 0) / cityPop,
  };
  const outside = points ? pointDistrict!.map((d, k) => (d < 0 ? points[k]!.population : null)).filter((x) => x !== null) : [];
  return {
    radiusMetres,
    populationModel: points ? 'imported-points' : 'even-census-2020',
    districts: rows,
    city,
    facilities: {
      used: valid.length,
      invalid: facilities.length - valid.length,
      outsideDistricts: valid.filter((f) => !districts.features.some((d) => booleanPointInPolygon([f.lon, f.lat], d))).length,
    },
    ...(points && {
      populationPoints: {
        count: points.length - outside.length,
        population: rows.reduce((s, r) => s + (r.population ?? 0), 0),
        outsideCount: outside.length,
        outsidePopulation: outside.reduce((s, x) => s + x, 0),
        invalidCount: 0,
      },
    }),
    method: { kind: 'turf-union', steps },
  };
}
