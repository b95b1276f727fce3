// Coordinate systems used for points in China. WGS84 is what the map draws; GCJ-02 is the
// obfuscated system of Amap (高德) and Tencent (腾讯) maps; BD-09 is Baidu's (百度) further offset of
// GCJ-02. The conversions come from gcoord, whose GCJ-02 → WGS84 inverse is iterative (sub-metre),
// unlike the one-step inverse found in many snippets (errors of 1–2 m).
import gcoord from 'gcoord';
import { distance } from '@turf/turf';

export type CrsId = 'wgs84' | 'gcj02' | 'bd09';

export const CRS_IDS: readonly CrsId[] = ['wgs84', 'gcj02', 'bd09'];

/** Labels for a coordinate-system picker: which sources use which system. */
export const CRS_LABELS: Record<CrsId, { zh: string; en: string }> = {
  wgs84: { zh: 'WGS84（GPS、天地图、OpenStreetMap）', en: 'WGS84 (GPS, Tianditu, OpenStreetMap)' },
  gcj02: { zh: 'GCJ-02（高德、腾讯地图）', en: 'GCJ-02 (Amap, Tencent Maps)' },
  bd09: { zh: 'BD-09（百度地图）', en: 'BD-09 (Baidu Maps)' },
};

const GCOORD_CRS = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

export function isCrsId(value: unknown): value is CrsId {
  return typeof value === 'string' && (CRS_IDS as readonly string[]).includes(value);
}

function assertLonLat(lon: number, lat: number): void {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new RangeError(`not a longitude/latitude pair: ${lon}, ${lat}`);
  }
}

/** Converts a point given in `from` to WGS84. Throws RangeError on non-finite or out-of-range input. */
export function toWgs84(lon: number, lat: number, from: CrsId): [number, number] {
  assertLonLat(lon, lat);
  if (from === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[from], gcoord.WGS84);
  return [x, y];
}

/** Converts a WGS84 point to `to` (e.g. to write a file in the system a Chinese web map expects). */
export function fromWgs84(lon: number, lat: number, to: CrsId): [number, number] {
  assertLonLat(lon, lat);
  if (to === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, GCOORD_CRS[to]);
  return [x, y];
}

/** Geodesic distance in metres between two WGS84 points. */
export function distanceMetres(a: readonly [number, number], b: readonly [number, number]): number {
  return distance([a[0], a[1]], [b[0], b[1]], { units: 'meters' });
}

/**
 * How far, in metres, a point moves when its coordinates are read as `crs` instead of WGS84: the
 * size of the mistake made by picking the wrong system (≈ 0.6 km for GCJ-02, ≈ 1.3 km for BD-09
 * in Jiangmen).
 */
export function offsetMetres(lon: number, lat: number, crs: CrsId): number {
  return distanceMetres([lon, lat], toWgs84(lon, lat, crs));
}
