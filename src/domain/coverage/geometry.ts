/**
 * Geometry for drawing coverage: the covered footprint and the gaps of each district, as
 * run-length merged rectangles at a drawing resolution (never thousands of overlapping rings),
 * and individual turf.circle rings when there are few enough facilities to read them.
 */
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { CoveredRows } from './engine.ts';
import type { CoverageGrid } from './grid.ts';
import { splitByRuns } from './intervals.ts';
import { DEG, EARTH_RADIUS_METRES } from './sphere.ts';
import type { CoveragePoint } from './types.ts';

export interface CoverageAreaProperties {
  adcode: string;
  name: string;
  kind: 'covered' | 'gap';
}

export interface CoverageGeometry {
  /** Covered part of each district: one MultiPolygon feature per district. */
  footprint: FeatureCollection<MultiPolygon, CoverageAreaProperties>;
  /** Uncovered part of each district: one MultiPolygon feature per district. */
  gaps: FeatureCollection<MultiPolygon, CoverageAreaProperties>;
  /** Rectangle size actually used, metres (grown until the rectangle budget holds). */
  cellMetres: number;
  rectangles: number;
  positions: number;
}

export interface CoverageGeometryOptions {
  /** Drawing resolution; defaults to a quarter of the radius, at least DEFAULT_MIN_CELL_METRES. */
  cellMetres?: number;
  /** Upper bound on rectangles over both layers; the cell size doubles until it holds. */
  maxRectangles?: number;
}

/** Finer than 100 m is invisible at the district scale the coverage layers are read at. */
export const DEFAULT_MIN_CELL_METRES = 100;
/** About 100,000 positions: MapLibre fills this without a visible pause. */
export const DEFAULT_MAX_RECTANGLES = 20_000;

interface Rect {
  kind: 0 | 1;
  district: number;
  c0: number;
  c1: number;
  south: number;
  north: number;
}

function rectanglesAt(grid: CoverageGrid, covered: CoveredRows, cellMetres: number, budget: number): Rect[] | null {
  const { sampling } = covered;
  const q = Math.max(1, Math.round(cellMetres / (grid.rowMetres * sampling.stride)));
  const midLat = grid.south + (grid.rowCount * grid.rowHeight) / 2;
  const colWidth = cellMetres / (EARTH_RADIUS_METRES * Math.cos(midLat));
  const col = (x: number) => Math.round((x - grid.west) / colWidth);
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  for (let g = 0; g * q < sampling.count; g++) {
    const j = Math.min(g * q + (q >> 1), sampling.count - 1);
    const r = sampling.baseRow[j]!;
    const south = grid.south + Math.min(g * q * sampling.stride, grid.rowCount) * grid.rowHeight;
    const north = grid.south + Math.min((g + 1) * q * sampling.stride, grid.rowCount) * grid.rowHeight;
    const m0 = covered.runStart[j]!;
    const m1 = covered.runStart[j + 1]!;
    // Spans of this band, quantised to columns; neighbours of the same kind join.
    const spans: Omit<Rect, 'south' | 'north'>[] = [];
    for (let k = grid.rowStart[r]!; k < grid.rowStart[r + 1]!; k++) {
      const district = grid.runDistrict[k]!;
      splitByRuns(covered.start, covered.end, m0, m1, grid.runWest[k]!, grid.runEast[k]!, (a, b, inside) => {
        const c0 = col(a);
        const c1 = col(b);
        if (c1 <= c0) return;
        const kind = inside ? 1 : 0;
        const last = spans[spans.length - 1];
        if (last && last.kind === kind && last.district === district && last.c1 === c0) last.c1 = c1;
        else spans.push({ kind, district, c0, c1 });
      });
    }
    const next = new Map<string, Rect>();
    for (const s of spans) {
      const key = `${s.kind}|${s.district}|${s.c0}|${s.c1}`;
      const continued = open.get(key);
      if (continued) {
        continued.north = north;
        open.delete(key);
        next.set(key, continued);
      } else {
        const rect = { ...s, south, north };
        rects.push(rect);
        if (rects.length > budget) return null;
        next.set(key, rect);
      }
    }
    open = next;
  }
  return rects;
}

function ring(rect: Rect, west: number, colWidth: number): Position[][] {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const x0 = round((west + rect.c0 * colWidth) / DEG);
  const x1 = round((west + rect.c1 * colWidth) / DEG);
  const y0 = round(rect.south / DEG);
  const y1 = round(rect.north / DEG);
  // Counter-clockwise, as RFC 7946 asks of exterior rings.
  return [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
}

export function coverageGeometry(
  grid: CoverageGrid,
  covered: CoveredRows,
  options: CoverageGeometryOptions = {},
): CoverageGeometry {
  const budget = options.maxRectangles ?? DEFAULT_MAX_RECTANGLES;
  let cellMetres = options.cellMetres ?? Math.max(DEFAULT_MIN_CELL_METRES, covered.radiusMetres / 4);
  if (!(cellMetres > 0)) throw new RangeError(`cellMetres must be positive, got ${cellMetres}`);
  let rects = rectanglesAt(grid, covered, cellMetres, budget);
  while (!rects) {
    cellMetres *= 2;
    rects = rectanglesAt(grid, covered, cellMetres, budget);
  }
  const midLat = grid.south + (grid.rowCount * grid.rowHeight) / 2;
  const colWidth = cellMetres / (EARTH_RADIUS_METRES * Math.cos(midLat));
  const byLayer = [0, 1].map(() => grid.districts.map((): Position[][][] => []));
  for (const rect of rects) byLayer[rect.kind]![rect.district]!.push(ring(rect, grid.west, colWidth));
  const layer = (kind: 0 | 1): FeatureCollection<MultiPolygon, CoverageAreaProperties> => ({
    type: 'FeatureCollection',
    features: grid.districts.map((d, i) => ({
      type: 'Feature',
      properties: { adcode: d.adcode, name: d.name, kind: kind === 1 ? 'covered' : 'gap' },
      geometry: { type: 'MultiPolygon', coordinates: byLayer[kind]![i]! },
    })),
  });
  return { footprint: layer(1), gaps: layer(0), cellMetres, rectangles: rects.length, positions: rects.length * 5 };
}

/** Above this many facilities the rings are unreadable and the merged footprint is drawn instead. */
export const MAX_SERVICE_CIRCLES = 500;

export interface ServiceCircleProperties {
  id?: string;
  name?: string;
  category?: string;
  radiusMetres: number;
}

/**
 * One turf.circle (64 vertices) per facility, for small layers; null above maxCount, where the
 * caller should draw the merged footprint. Names travel as data properties, never as markup.
 */
export function serviceCircles(
  facilities: readonly (CoveragePoint & { id?: string; name?: string; category?: string })[],
  radiusMetres: number,
  maxCount = MAX_SERVICE_CIRCLES,
): FeatureCollection<Polygon, ServiceCircleProperties> | null {
  const valid = facilities.filter((f) => Number.isFinite(f.lon) && Number.isFinite(f.lat));
  if (valid.length > maxCount) return null;
  const features: Feature<Polygon, ServiceCircleProperties>[] =
    radiusMetres > 0
      ? valid.map((f) =>
          circle([f.lon, f.lat], radiusMetres, {
            steps: 64,
            units: 'meters',
            properties: {
              ...(f.id !== undefined && { id: f.id }),
              ...(f.name !== undefined && { name: f.name }),
              ...(f.category !== undefined && { category: f.category }),
              radiusMetres,
            },
          }),
        )
      : [];
  return { type: 'FeatureCollection', features };
}
