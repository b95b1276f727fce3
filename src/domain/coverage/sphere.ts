/**
 * Spherical model shared by the engine and the Turf reference. Turf measures distances
 * (turf.circle, turf.distance) and areas (turf.area) on a sphere of this radius, so using the
 * same value keeps the engine's numbers comparable with the Turf yardstick.
 */
export const EARTH_RADIUS_METRES = 6371008.8;

export const DEG = Math.PI / 180;

/** Haversine: hav(x) = sin²(x/2). */
export function hav(x: number): number {
  const s = Math.sin(x / 2);
  return s * s;
}

/**
 * Half-width in longitude (radians) of the chord that a small circle of angular radius
 * `radiusRad` around (·, centreLat) cuts on the parallel at `rowLat`; NaN when the parallel
 * misses the circle. Exact on the sphere (haversine form, numerically stable for small radii).
 */
export function chordHalfWidth(
  radiusRad: number,
  centreLat: number,
  centreCos: number,
  rowLat: number,
  rowCos: number,
): number {
  const h = (hav(radiusRad) - hav(rowLat - centreLat)) / (rowCos * centreCos);
  if (!(h >= 0)) return Number.NaN;
  if (h >= 1) return Math.PI;
  return 2 * Math.asin(Math.sqrt(h));
}
