import { describe, expect, it } from 'vitest';
import { distanceMetres, fromWgs84, isCrsId, offsetMetres, toWgs84, type CrsId } from './crs.ts';

// Reference pairs from gcoord's own test fixture (github.com/hujiulong/gcoord,
// test/fixtures/china-cities.json): the same city centre in WGS84, GCJ-02 and BD-09, as recorded
// from the map services. The three nearest Jiangmen are used. The fixture rounds to 1e-7° and
// came from online services, so agreement is expected within about a metre, not exactly.
const REFERENCE = [
  {
    city: '汕尾市',
    wgs84: [115.3702248, 22.7888255],
    gcj02: [115.3751647, 22.7861903],
    bd09: [115.3817179, 22.7918527],
  },
  {
    city: '梧州市',
    wgs84: [111.2740147, 23.4795593],
    gcj02: [111.2791187, 23.4769675],
    bd09: [111.2856358, 23.4828109],
  },
  {
    city: '汕头市',
    wgs84: [116.6775114, 23.3567569],
    gcj02: [116.6819735, 23.3540964],
    bd09: [116.6885014, 23.3598884],
  },
] as const;

describe('toWgs84 / fromWgs84 against published reference pairs', () => {
  for (const ref of REFERENCE) {
    for (const crs of ['gcj02', 'bd09'] as const) {
      it(`${ref.city}: ${crs} → WGS84 within 1 m`, () => {
        const [x, y] = ref[crs];
        expect(distanceMetres(toWgs84(x, y, crs), ref.wgs84)).toBeLessThan(1);
      });
      it(`${ref.city}: WGS84 → ${crs} within 1 m`, () => {
        const [x, y] = ref.wgs84;
        expect(distanceMetres(fromWgs84(x, y, crs), ref[crs])).toBeLessThan(1);
      });
    }
  }

  it('GCJ-02 → WGS84 at (123, 45) matches gcoord test/unit/crs/GCJ02.spec.ts to 1e-5°', () => {
    const [x, y] = toWgs84(123, 45, 'gcj02');
    expect(x).toBeCloseTo(122.99395597, 5);
    expect(y).toBeCloseTo(44.99804071, 5);
  });
});

describe('round trip at Jiangmen', () => {
  // A grid over the city (lon 112.0–113.3, lat 21.5–22.9).
  const points: [number, number][] = [];
  for (let lon = 112.0; lon <= 113.3; lon += 0.1) {
    for (let lat = 21.5; lat <= 22.9; lat += 0.1) points.push([lon, lat]);
  }
  for (const crs of ['gcj02', 'bd09'] as const) {
    it(`WGS84 → ${crs} → WGS84 returns within 1 m everywhere in the city`, () => {
      let worst = 0;
      for (const [lon, lat] of points) {
        const there = fromWgs84(lon, lat, crs);
        const back = toWgs84(there[0], there[1], crs);
        worst = Math.max(worst, distanceMetres([lon, lat], back));
      }
      expect(worst).toBeLessThan(1);
    });
  }

  it('the offsets are of the size the import warnings rely on', () => {
    // 江门 city centre (蓬江区)
    const gcj = offsetMetres(113.08, 22.58, 'gcj02');
    const bd = offsetMetres(113.08, 22.58, 'bd09');
    expect(gcj).toBeGreaterThan(450);
    expect(gcj).toBeLessThan(800);
    expect(bd).toBeGreaterThan(1000);
    expect(bd).toBeLessThan(1600);
    expect(offsetMetres(113.08, 22.58, 'wgs84')).toBe(0);
  });
});

describe('input checks', () => {
  it('WGS84 is the identity', () => {
    expect(toWgs84(113.1, 22.6, 'wgs84')).toEqual([113.1, 22.6]);
    expect(fromWgs84(113.1, 22.6, 'wgs84')).toEqual([113.1, 22.6]);
  });

  it.each<[number, number, CrsId]>([
    [Number.NaN, 22.6, 'gcj02'],
    [113.1, Number.POSITIVE_INFINITY, 'bd09'],
    [181, 22.6, 'wgs84'],
    [113.1, -91, 'gcj02'],
  ])('rejects %s, %s (%s) with a RangeError', (lon, lat, crs) => {
    expect(() => toWgs84(lon, lat, crs)).toThrow(RangeError);
  });

  it('isCrsId accepts only the three ids', () => {
    expect(isCrsId('gcj02')).toBe(true);
    expect(isCrsId('GCJ02')).toBe(false);
    expect(isCrsId(undefined)).toBe(false);
  });
});
