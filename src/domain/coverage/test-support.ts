/** Synthetic, hand-checkable districts for the coverage tests (not data: made-up squares). */
import type { Feature, Polygon } from 'geojson';
import type { CoverageDistrictCollection, CoverageDistrictProperties } from './grid.ts';
import { DEG, EARTH_RADIUS_METRES } from './sphere.ts';

/** Degrees of latitude and longitude spanned by `metres` at latitude `lat`. */
export function metresToDegrees(metres: number, lat: number): { dLat: number; dLon: number } {
  const dLat = metres / EARTH_RADIUS_METRES / DEG;
  return { dLat, dLon: dLat / Math.cos(lat * DEG) };
}

/** A district whose outline is a square of `side` metres with its south-west corner at (lon, lat). */
export function squareDistrict(
  adcode: string,
  lon: number,
  lat: number,
  side: number,
): Feature<Polygon, CoverageDistrictProperties> {
  const { dLat, dLon } = metresToDegrees(side, lat + metresToDegrees(side / 2, lat).dLat);
  return {
    type: 'Feature',
    properties: { adcode, name: `square ${adcode}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + dLon, lat],
          [lon + dLon, lat + dLat],
          [lon, lat + dLat],
          [lon, lat],
        ],
      ],
    },
  };
}

export function collection(...features: Feature<Polygon, CoverageDistrictProperties>[]): CoverageDistrictCollection {
  return { type: 'FeatureCollection', features };
}

/** The point `east` and `north` metres from (lon, lat). */
export function offset(lon: number, lat: number, east: number, north: number): { lon: number; lat: number } {
  const { dLat } = metresToDegrees(north, lat);
  const { dLon } = metresToDegrees(east, lat + dLat);
  return { lon: lon + dLon, lat: lat + dLat };
}
