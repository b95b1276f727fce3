import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { distanceMetres, fromWgs84 } from '../crs.ts';
import type { Facility } from '../facilities.ts';
import { parseFacilitiesFile, parseFacilitiesGeoJson, toGeoJson, type FacilityImportResult } from './index.ts';

const TANGXIA: [number, number] = [113.03201, 22.68203];
const DUANFEN: [number, number] = [112.75421, 22.05852];

function ok(result: FacilityImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 1)}`);
  return result;
}
function failed(result: FacilityImportResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result;
}
const point = (coordinates: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseFacilitiesGeoJson', () => {
  it('reads Point features with name/category or 名称/类别 properties', () => {
    const r = ok(
      parseFacilitiesGeoJson(fc(point(TANGXIA, { name: '甲', category: 'hospital' }), point(DUANFEN, { 名称: '乙', 类别: '乡镇卫生院' })), {
        crs: 'wgs84',
        fileName: 'a.geojson',
      }),
    );
    expect(r.facilities).toEqual([
      { id: 'import:f1', name: '甲', category: 'hospital', lon: TANGXIA[0], lat: TANGXIA[1], source: 'import', sourceRow: 1 },
      { id: 'import:f2', name: '乙', category: 'township-health-centre', lon: DUANFEN[0], lat: DUANFEN[1], source: 'import', sourceRow: 2 },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('splits a MultiPoint into one facility per point', () => {
    const multi = { type: 'Feature', properties: { name: '甲', category: '小学' }, geometry: { type: 'MultiPoint', coordinates: [TANGXIA, DUANFEN] } };
    const r = ok(parseFacilitiesGeoJson(fc(multi), { crs: 'wgs84', fileName: 'a.geojson' }));
    expect(r.facilities.map((f) => f.id)).toEqual(['import:f1-1', 'import:f1-2']);
  });

  it('accepts a single Feature and a bare Point', () => {
    expect(ok(parseFacilitiesGeoJson(JSON.stringify(point(TANGXIA, { category: '医院' })), { crs: 'wgs84', fileName: 'a.json' })).facilities).toHaveLength(1);
    expect(ok(parseFacilitiesGeoJson(JSON.stringify({ type: 'Point', coordinates: TANGXIA }), { crs: 'wgs84', fileName: 'a.json', defaultCategory: 'sport' })).facilities).toHaveLength(1);
  });

  it('converts GCJ-02 coordinates to WGS84', () => {
    const gcj = fromWgs84(TANGXIA[0], TANGXIA[1], 'gcj02');
    const r = ok(parseFacilitiesGeoJson(fc(point(gcj, { category: '医院' })), { crs: 'gcj02', fileName: 'a.geojson' }));
    expect(distanceMetres([r.facilities[0]!.lon, r.facilities[0]!.lat], TANGXIA)).toBeLessThan(1);
  });

  it('malformed JSON: refused, naming the line', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature" "geometry": null }\n  ]\n}';
    const r = failed(parseFacilitiesGeoJson(text, { crs: 'wgs84', fileName: 'broken.geojson' }));
    expect(r.errors[0]).toMatchObject({ code: 'json-malformed', row: 4 });
    expect(r.errors[0]!.message.en).toMatch(/near line 4, column \d+/);
  });

  it('JSON that is not point GeoJSON: refused, saying what it is', () => {
    const r = failed(parseFacilitiesGeoJson(JSON.stringify({ type: 'Polygon', coordinates: [] }), { crs: 'wgs84', fileName: 'p.geojson' }));
    expect(r.errors[0]!.code).toBe('geojson-not-supported');
    expect(r.errors[0]!.message.en).toContain('got "Polygon"');
    expect(failed(parseFacilitiesGeoJson('[1,2]', { crs: 'wgs84', fileName: 'a.json' })).errors[0]!.message.en).toContain('an array');
  });

  it('non-point and null geometries: those features skipped, named', () => {
    const line = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [TANGXIA, DUANFEN] } };
    const none = { type: 'Feature', properties: {}, geometry: null };
    const r = ok(parseFacilitiesGeoJson(fc(point(TANGXIA, { category: '医院' }), line, none), { crs: 'wgs84', fileName: 'a.geojson' }));
    expect(r.facilities).toHaveLength(1);
    const skipped = r.warnings.filter((i) => i.code === 'geometry-not-point');
    expect(skipped.map((i) => i.feature)).toEqual([2, 3]);
    expect(skipped[0]!.message.en).toContain('LineString');
  });

  it('bad coordinates in a feature: named by feature and coordinate', () => {
    const r = ok(
      parseFacilitiesGeoJson(fc(point(TANGXIA, { category: '医院' }), point(['abc', 22.6], { category: '医院' }), point([TANGXIA[1], TANGXIA[0]], { category: '医院' })), {
        crs: 'wgs84',
        fileName: 'a.geojson',
      }),
    );
    expect(r.warnings.find((i) => i.code === 'coordinate-not-numeric')).toMatchObject({ feature: 2, field: 'coordinates[0]' });
    expect(r.warnings.find((i) => i.code === 'coordinates-swapped')).toMatchObject({ feature: 3 });
  });

  it('numbers given as strings are read', () => {
    const r = ok(parseFacilitiesGeoJson(fc(point([String(TANGXIA[0]), String(TANGXIA[1])], { category: '医院' })), { crs: 'wgs84', fileName: 'a.geojson' }));
    expect(r.facilities[0]!.lon).toBe(TANGXIA[0]);
  });

  it('a legacy crs member naming EPSG:3857 is reported, and the metres are named as projected', () => {
    const [x, y] = gcoord.transform(TANGXIA, gcoord.WGS84, gcoord.EPSG3857);
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      features: [point([x, y], { category: '医院' })],
    });
    const r = failed(parseFacilitiesGeoJson(text, { crs: 'wgs84', fileName: 'merc.geojson' }));
    expect(r.errors.map((i) => i.code)).toEqual(expect.arrayContaining(['no-usable-rows', 'geojson-crs-member', 'coordinates-projected']));
  });

  it('HTML in a name property is kept verbatim and flagged', () => {
    const r = ok(parseFacilitiesGeoJson(fc(point(TANGXIA, { name: '<b onclick=alert(1)>x</b>', category: '医院' })), { crs: 'wgs84', fileName: 'a.geojson' }));
    expect(r.facilities[0]!.name).toBe('<b onclick=alert(1)>x</b>');
    expect(r.warnings.find((i) => i.code === 'name-markup')).toMatchObject({ feature: 1, field: 'name' });
  });

  it('points outside Jiangmen: how many and which features', () => {
    const r = ok(parseFacilitiesGeoJson(fc(point(TANGXIA, { category: '医院' }), point([121.47, 31.23], { category: '医院' })), { crs: 'wgs84', fileName: 'a.geojson' }));
    expect(r.warnings.find((i) => i.code === 'outside-jiangmen' && i.feature === undefined)!.message.en).toBe(
      '1 point lies outside Jiangmen and was skipped: feature 2.',
    );
  });
});

describe('toGeoJson', () => {
  const facilities: Facility[] = [
    { id: 'l1:r2', name: '棠下镇（镇街驻地）', category: 'township-health-centre', lon: 113.032010001, lat: 22.68203, source: 'import', sourceRow: 2 },
    { id: 'p1', name: '<i>新点</i>', category: 'elderly-care', lon: DUANFEN[0], lat: DUANFEN[1], source: 'proposed' },
  ];

  it('writes WGS84 points with name and category properties', () => {
    const out = toGeoJson(facilities);
    expect(out.type).toBe('FeatureCollection');
    expect(out.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.03201, 22.68203] },
      properties: { id: 'l1:r2', name: '棠下镇（镇街驻地）', category: 'township-health-centre', 类别: '乡镇卫生院', source: 'import', sourceRow: 2 },
    });
    expect(out.features[1]!.properties).not.toHaveProperty('sourceRow');
  });

  it('round-trips through parseFacilitiesGeoJson (as WGS84)', () => {
    const text = JSON.stringify(toGeoJson(facilities));
    const r = ok(parseFacilitiesFile(text, { crs: 'wgs84', fileName: 'export.geojson' }));
    expect(r.facilities.map(({ name, category, lon, lat }) => ({ name, category, lon, lat }))).toEqual([
      { name: '棠下镇（镇街驻地）', category: 'township-health-centre', lon: 113.03201, lat: 22.68203 },
      { name: '<i>新点</i>', category: 'elderly-care', lon: DUANFEN[0], lat: DUANFEN[1] },
    ]);
  });
});

describe('parseFacilitiesFile', () => {
  it('dispatches on the extension, or on the content when there is none', () => {
    const geo = fc(point(TANGXIA, { category: '医院' }));
    expect(ok(parseFacilitiesFile(geo, { crs: 'wgs84', fileName: 'noext' })).facilities[0]!.id).toBe('import:f1');
    expect(ok(parseFacilitiesFile(`name,category,lon,lat\n甲,医院,${TANGXIA.join(',')}\n`, { crs: 'wgs84', fileName: 'list' })).facilities[0]!.id).toBe('import:r2');
  });
});
