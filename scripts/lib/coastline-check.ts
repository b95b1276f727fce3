// Measures how far district boundary vertices near the sea sit from OpenStreetMap's coastline,
// before and after a coordinate transform: the evidence that the GCJ-02 offset is gone.
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

const M_PER_DEG_LAT = 111_320;
/** Vertices farther than this from the coast in both versions are inland borders, not coastline. */
const COASTAL_BAND_M = 2_000;

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

interface Segment { ax: number; ay: number; bx: number; by: number }

/** Local equirectangular metres around the Jiangmen latitude: enough for distances of a few km. */
function toMetres(lon: number, lat: number): [number, number] {
  return [lon * M_PER_DEG_LAT * Math.cos((22.4 * Math.PI) / 180), lat * M_PER_DEG_LAT];
}

function pointSegmentDistance(px: number, py: number, s: Segment): number {
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.ax) * dx + (py - s.ay) * dy) / len2));
  return Math.hypot(px - (s.ax + t * dx), py - (s.ay + t * dy));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function coastalOffsetStats(
  source: Feature<Polygon | MultiPolygon>[],
  transform: (lon: number, lat: number) => [number, number],
  land: Feature<Polygon>[],
): { vertices: number; medianBeforeM: number; medianAfterM: number } {
  const segments: Segment[] = [];
  for (const f of land) {
    for (const ring of f.geometry.coordinates) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = toMetres(ring[i - 1]![0]!, ring[i - 1]![1]!);
        const [bx, by] = toMetres(ring[i]![0]!, ring[i]![1]!);
        segments.push({ ax, ay, bx, by });
      }
    }
  }
  const index = new Flatbush(segments.length);
  for (const s of segments) index.add(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by));
  index.finish();
  const nearest = (lon: number, lat: number): number => {
    const [x, y] = toMetres(lon, lat);
    const ids = index.neighbors(x, y, 8);
    return Math.min(...ids.map((i) => pointSegmentDistance(x, y, segments[i]!)));
  };
  const distBefore: number[] = [];
  const distAfter: number[] = [];
  for (const f of source) {
    for (const ring of rings(f.geometry)) {
      for (const [lon, lat] of ring) {
        const b = nearest(lon!, lat!);
        const a = nearest(...transform(lon!, lat!));
        if (b < COASTAL_BAND_M || a < COASTAL_BAND_M) {
          distBefore.push(b);
          distAfter.push(a);
        }
      }
    }
  }
  return { vertices: distBefore.length, medianBeforeM: median(distBefore), medianAfterM: median(distAfter) };
}
