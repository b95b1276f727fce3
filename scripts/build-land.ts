// Builds public/geo/land.geojson: OpenStreetMap land polygons (via @geo-maps/countries-coastline-1m,
// ODbL, WGS84) clipped to the Jiangmen region and simplified for display, so the offline map has a
// real land/sea edge with no tile server.
import { bboxClip, simplify, featureCollection, feature, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { REGION_BBOX, readJson, sourcePath, sourceVersion, writeGeoJson } from './lib/sources.ts';

const PKG = '@geo-maps/countries-coastline-1m';
/** ~30 m at this latitude: invisible at the city scale the app opens at, keeps the file small. */
const SIMPLIFY_TOLERANCE_DEG = 0.0003;

function ringTouchesRegion(ring: Position[]): boolean {
  const [w, s, e, n] = REGION_BBOX;
  return ring.some(([x, y]) => x! >= w && x! <= e && y! >= s && y! <= n);
}

export function clipLandToRegion(world: FeatureCollection<Polygon | MultiPolygon>): Feature<Polygon>[] {
  const out: Feature<Polygon>[] = [];
  for (const f of world.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) {
      if (!rings[0] || !ringTouchesRegion(rings[0])) continue;
      const clipped = bboxClip(feature({ type: 'Polygon', coordinates: rings } as Polygon), REGION_BBOX);
      const geom = clipped.geometry as Polygon;
      const kept = geom.coordinates.filter((r) => r.length >= 4);
      if (kept.length === 0) continue;
      out.push(feature({ type: 'Polygon', coordinates: kept } as Polygon));
    }
  }
  return out;
}

function main(): void {
  const world = readJson<FeatureCollection<Polygon | MultiPolygon>>(sourcePath(PKG, 'map.geo.json'));
  const land = clipLandToRegion(world).map((f) =>
    truncate(simplify(f, { tolerance: SIMPLIFY_TOLERANCE_DEG, highQuality: true }), { precision: 5 }),
  );
  const vertices = land.reduce((n, f) => n + f.geometry.coordinates.reduce((m, r) => m + r.length, 0), 0);
  console.log(`land: ${land.length} polygons, ${vertices} vertices`);
  writeGeoJson('public/geo/land.geojson', {
    ...featureCollection(land),
    provenance: {
      source: `npm ${PKG}@${sourceVersion(PKG)} (map.geo.json)`,
      data: '© OpenStreetMap contributors, ODbL 1.0 (coastline via geo-maps, MIT packaging)',
      transform: `clipped to bbox ${REGION_BBOX.join(',')}, simplified with tolerance ${SIMPLIFY_TOLERANCE_DEG}°, rounded to 5 decimals`,
      crs: 'WGS84 (EPSG:4326)',
    },
  });
}

if (process.argv[1]?.endsWith("build-land.ts")) main();
