import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { distanceMetres, fromWgs84 } from '../crs.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_LISTED_ROWS_PER_CODE, parseFacilitiesCsv, type FacilityImportResult, type ImportIssue } from './index.ts';

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const HEADER = 'name,category,lon,lat';
// 棠下镇's GeoNames seat (WGS84), a point well inside Jiangmen
const TANGXIA: [number, number] = [113.03201, 22.68203];

function ok(result: FacilityImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 1)}`);
  return result;
}
function failed(result: FacilityImportResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result;
}
const find = (issues: ImportIssue[], code: string) => issues.filter((i) => i.code === code);

describe('parseFacilitiesCsv: good files', () => {
  it('reads name, category, lon, lat and keeps WGS84 as given', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,hospital,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities).toEqual([
      { id: 'import:r2', name: '甲', category: 'hospital', lon: TANGXIA[0], lat: TANGXIA[1], source: 'import', sourceRow: 2 },
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.stats).toMatchObject({ total: 1, imported: 1, skipped: 0, delimiter: ',', headerRow: 1 });
  });

  it('converts GCJ-02 and BD-09 to WGS84 (within 1 m of the original point)', () => {
    for (const crs of ['gcj02', 'bd09'] as const) {
      const [x, y] = fromWgs84(TANGXIA[0], TANGXIA[1], crs);
      const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${x},${y}`), { crs, fileName: 'a.csv' }));
      expect(distanceMetres([r.facilities[0]!.lon, r.facilities[0]!.lat], TANGXIA)).toBeLessThan(1);
    }
  });

  it.each([
    ['lng,latitude,名称,类别', `${TANGXIA[0]},${TANGXIA[1]},甲,医院`],
    ['名称,类别,经度,纬度', `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`],
    [' Name , CATEGORY , X , Y ', `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`],
    ['名称,类别,经度（WGS84）,纬度（WGS84）', `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`],
    ['\uFEFFname,category,longitude,latitude', `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`],
  ])('recognises the header %j', (header, row) => {
    const r = ok(parseFacilitiesCsv(csv(header, row), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities[0]).toMatchObject({ name: '甲', category: 'hospital', lon: TANGXIA[0] });
  });

  it('reads a combined "lon,lat" location column (Amap POI exports)', () => {
    const r = ok(parseFacilitiesCsv(csv('name,type,location', `甲,小学,"${TANGXIA[0]},${TANGXIA[1]}"`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities[0]).toMatchObject({ category: 'primary-school', lon: TANGXIA[0], lat: TANGXIA[1] });
  });

  it.each([
    ['tab', '\t'],
    ['semicolon', ';'],
    ['full-width comma', '，'],
  ])('detects a %s delimiter', (_label, d) => {
    const r = ok(parseFacilitiesCsv(csv(['名称', '类别', '经度', '纬度'].join(d), ['甲', '幼儿园', TANGXIA[0], TANGXIA[1]].join(d)), { crs: 'wgs84', fileName: 'a.txt' }));
    expect(r.facilities[0]!.category).toBe('kindergarten');
    expect(r.stats.delimiter).toBe(d);
  });

  it('numbers rows as a spreadsheet does: title rows and blank rows count', () => {
    const text = csv('江门市设施清单', '', HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, '', `乙,医院,abc,${TANGXIA[1]}`);
    const r = ok(parseFacilitiesCsv(text, { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.stats.headerRow).toBe(3);
    expect(r.facilities[0]!.sourceRow).toBe(4);
    expect(find(r.warnings, 'coordinate-not-numeric')[0]).toMatchObject({ row: 6, field: 'lon' });
  });

  it('keeps a quoted multi-line name as one row, as Excel shows it', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `"甲\n分院",医院,${TANGXIA[0]},${TANGXIA[1]}`, `乙,医院,x,1`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities[0]!.name).toBe('甲\n分院');
    expect(find(r.warnings, 'coordinate-not-numeric')[0]!.row).toBe(3);
  });

  it('reads UTF-8 bytes with a BOM', () => {
    const bytes = new TextEncoder().encode(`\uFEFF名称,类别,经度,纬度\n甲,医院,${TANGXIA[0]},${TANGXIA[1]}\n`);
    const r = ok(parseFacilitiesCsv(bytes, { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities[0]!.name).toBe('甲');
    expect(r.stats.encoding).toBe('utf-8');
  });

  it('falls back to GBK when the bytes are not UTF-8, and says so', () => {
    // 名称,类别,经度,纬度 / 棠下镇,医院? — built from GBK code points: 名 C3FB 称 B3C6 类 C0E0 别 B1F0
    // 经 BEAD 度 B6C8 纬 CEB3 棠 CCC4 下 CFC2 镇 D5F2
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array([
      0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xb1, 0xf0, 0x2c, 0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a,
      0xcc, 0xc4, 0xcf, 0xc2, 0xd5, 0xf2, ...ascii(`,hospital,${TANGXIA[0]},${TANGXIA[1]}\n`),
    ]);
    const r = ok(parseFacilitiesCsv(bytes, { crs: 'wgs84', fileName: 'gbk.csv' }));
    expect(r.facilities[0]!.name).toBe('棠下镇');
    expect(r.stats.encoding).toBe('gbk');
    expect(find(r.warnings, 'encoding-gbk')).toHaveLength(1);
  });

  it('reads UTF-16 LE (Excel "Unicode text", tab-delimited)', () => {
    const text = `名称\t类别\t经度\t纬度\n甲\t中学\t${TANGXIA[0]}\t${TANGXIA[1]}\n`;
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[2 + 2 * i] = code & 0xff;
      bytes[3 + 2 * i] = code >> 8;
    }
    const r = ok(parseFacilitiesCsv(bytes, { crs: 'wgs84', fileName: 'u16.txt' }));
    expect(r.facilities[0]).toMatchObject({ name: '甲', category: 'secondary-school' });
    expect(r.stats.encoding).toBe('utf-16le');
  });

  it('uses the chosen category for a file without a category column', () => {
    const r = ok(parseFacilitiesCsv(csv('name,lon,lat', `甲,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv', defaultCategory: 'elderly-care' }));
    expect(r.facilities[0]!.category).toBe('elderly-care');
    expect(find(r.warnings, 'category-column-missing')).toHaveLength(1);
  });

  it('uses idPrefix for facility ids', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv', idPrefix: 'layer-7' }));
    expect(r.facilities[0]!.id).toBe('layer-7:r2');
  });
});

describe('parseFacilitiesCsv: bad input gets a message naming the row and the problem', () => {
  it('malformed CSV (a quote never closed): the file is refused, naming the row', () => {
    const r = failed(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `"乙,医院,113.1,22.6`, `丙,医院,113.1,22.6`), { crs: 'wgs84', fileName: 'bad.csv' }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'csv-malformed', row: 3 });
    expect(r.errors[0]!.message.en).toContain('row 3');
  });

  it('missing columns: the file is refused, naming the expected columns and what was found', () => {
    const r = failed(parseFacilitiesCsv(csv('名称,地址', '甲,蓬江区'), { crs: 'wgs84', fileName: 'addr.csv' }));
    expect(r.errors[0]!.code).toBe('missing-columns');
    expect(r.errors[0]!.message.zh).toContain('经度');
    expect(r.errors[0]!.message.zh).toContain('“地址”');
    expect(r.errors[0]!.message.en).toContain('lon / lng / longitude');
  });

  it('no category column and no default category: refused, saying how to fix it', () => {
    const r = failed(parseFacilitiesCsv(csv('name,lon,lat', `甲,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.errors[0]).toMatchObject({ code: 'missing-columns' });
    expect(r.errors[0]!.message.en).toMatch(/no category column/);
  });

  it('non-numeric coordinate: row skipped, others kept', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `乙,医院,一百一十三,22.6`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities.map((f) => f.name)).toEqual(['甲']);
    expect(find(r.warnings, 'coordinate-not-numeric')[0]).toMatchObject({ row: 3, field: 'lon' });
    expect(r.stats.skippedBy['coordinate-not-numeric']).toEqual([3]);
  });

  it('degrees-minutes-seconds: asks for decimal degrees', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `乙,医院,113°4'48",22.6`), { crs: 'wgs84', fileName: 'a.csv' }));
    const [i] = find(r.warnings, 'coordinate-not-numeric');
    expect(i).toMatchObject({ row: 3, field: 'lon' });
    expect(i!.message.en).toContain('decimal degrees');
  });

  it('empty coordinate', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `乙,医院,113.1,`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(find(r.warnings, 'coordinate-missing')[0]).toMatchObject({ row: 3, field: 'lat' });
  });

  it('out-of-range coordinate', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `乙,医院,113.1,95`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(find(r.warnings, 'coordinate-out-of-range')[0]).toMatchObject({ row: 3, field: 'lat' });
  });

  it('swapped lon/lat: detected and reported, never silently swapped', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `乙,医院,${TANGXIA[1]},${TANGXIA[0]}`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities).toHaveLength(1);
    const [i] = find(r.warnings, 'coordinates-swapped');
    expect(i).toMatchObject({ row: 3 });
    expect(i!.message.zh).toContain('填反');
  });

  it('a file whose every row is swapped is refused, each row named', () => {
    const r = failed(parseFacilitiesCsv(csv(HEADER, `甲,医院,22.68,113.03`, `乙,医院,22.6,113.1`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.errors[0]!.code).toBe('no-usable-rows');
    expect(find(r.errors, 'coordinates-swapped').map((i) => i.row)).toEqual([2, 3]);
  });

  it('points outside Jiangmen: says how many and which rows', () => {
    const r = ok(
      parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, '北京,医院,116.40,39.90', '广州,医院,113.26,23.13'), { crs: 'wgs84', fileName: 'a.csv' }),
    );
    const summary = find(r.warnings, 'outside-jiangmen').find((i) => i.row === undefined)!;
    expect(summary.message.en).toBe('2 rows lie outside Jiangmen and were skipped: rows 3, 4.');
    expect(summary.message.zh).toBe('2 行的坐标不在江门市范围内，已跳过：第 3, 4 行。');
    expect(find(r.warnings, 'outside-jiangmen').filter((i) => i.row !== undefined).map((i) => i.row)).toEqual([3, 4]);
  });

  it('a point just across the boundary (within the margin) is kept', () => {
    // 中山市 古镇, ~6 km east of the Jiangmen boundary
    const r = ok(parseFacilitiesCsv(csv(HEADER, '古镇,医院,113.19,22.61'), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities).toHaveLength(1);
  });

  it('Web-Mercator metres: named as projected coordinates', () => {
    const [x, y] = gcoord.transform([TANGXIA[0], TANGXIA[1]], gcoord.WGS84, gcoord.EPSG3857);
    const r = failed(parseFacilitiesCsv(csv(HEADER, `甲,医院,${x.toFixed(1)},${y.toFixed(1)}`), { crs: 'wgs84', fileName: 'a.csv' }));
    const [i] = find(r.errors, 'coordinates-projected');
    expect(i).toMatchObject({ row: 2 });
    expect(i!.message.en).toContain('Web Mercator');
  });

  it('Gauss–Krüger metres: named as projected coordinates', () => {
    const r = failed(parseFacilitiesCsv(csv(HEADER, '甲,医院,38508123.4,2498765.1'), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(find(r.errors, 'coordinates-projected')[0]!.message.en).toContain('Gauss');
  });

  it('file name says Baidu but WGS84 was chosen: suggests BD-09', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: '百度地图导出.csv' }));
    const [i] = find(r.warnings, 'crs-suspect');
    expect(i!.message.zh).toContain('BD-09');
    expect(i!.field).toBeUndefined();
    // the difference stated is BD-09's offset in Jiangmen, about 1.3 km
    expect(Number(/约 (\d+) 米/.exec(i!.message.zh)![1])).toBeGreaterThan(1000);
  });

  it('column name says GCJ-02 but BD-09 was chosen: suggests GCJ-02, naming the column', () => {
    const r = ok(parseFacilitiesCsv(csv('name,category,lng_gcj02,lat_gcj02', `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'bd09', fileName: 'poi.csv' }));
    expect(find(r.warnings, 'crs-suspect')[0]).toMatchObject({ field: 'lng_gcj02' });
  });

  it('points outside Jiangmen that another coordinate system brings inside: suggests it', () => {
    // just beyond the east edge of the import extent as WGS84; 1 km west of it as BD-09 or GCJ-02
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, '乙,医院,113.364,22.5'), { crs: 'wgs84', fileName: 'a.csv' }));
    const suspect = find(r.warnings, 'crs-suspect');
    expect(suspect).toHaveLength(1);
    expect(suspect[0]!.message.en).toMatch(/Read as WGS84.*1 of them fall inside/);
  });

  it('file over 50 MB: refused before parsing', () => {
    const r = failed(parseFacilitiesCsv(new Uint8Array(MAX_IMPORT_BYTES + 1), { crs: 'wgs84', fileName: 'huge.csv' }));
    expect(r.errors[0]!.code).toBe('file-too-large');
    expect(r.errors[0]!.message.en).toContain('50.0 MB limit');
  });

  it('file over 200,000 rows: refused', () => {
    const row = `甲,医院,${TANGXIA[0]},${TANGXIA[1]}\n`;
    const text = HEADER + '\n' + row.repeat(MAX_IMPORT_ROWS + 1);
    const r = failed(parseFacilitiesCsv(text, { crs: 'wgs84', fileName: 'many.csv' }));
    expect(r.errors).toEqual([expect.objectContaining({ code: 'too-many-rows' })]);
    expect(r.errors[0]!.message.en).toContain('200,000');
  });

  it('exactly 200,000 rows are accepted', () => {
    const row = `甲,医院,${TANGXIA[0]},${TANGXIA[1]}\n`;
    const r = ok(parseFacilitiesCsv(HEADER + '\n' + row.repeat(MAX_IMPORT_ROWS), { crs: 'wgs84', fileName: 'many.csv' }));
    expect(r.facilities).toHaveLength(MAX_IMPORT_ROWS);
    // 199,999 duplicates: listed up to the limit, then summed up in one message
    expect(find(r.warnings, 'duplicate')).toHaveLength(MAX_LISTED_ROWS_PER_CODE);
    expect(find(r.warnings, 'more-rows-with-issue')[0]!.message.en).toMatch(/^199,949 more rows have the same problem \(duplicate\)/);
  });

  it('HTML or script in a name: kept verbatim, flagged', () => {
    const name = '<img src=x onerror="alert(1)">卫生院';
    const r = ok(parseFacilitiesCsv(csv(HEADER, `"${name.replace(/"/g, '""')}",卫生院,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities[0]!.name).toBe(name);
    expect(find(r.warnings, 'name-markup')[0]).toMatchObject({ row: 2, field: 'name' });
  });

  it('empty name: kept, flagged', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `  ,卫生院,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities[0]!.name).toBe('');
    expect(find(r.warnings, 'name-empty')[0]).toMatchObject({ row: 2, field: 'name' });
  });

  it('unknown category without a default: row skipped, known categories listed', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `乙,加油站,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities).toHaveLength(1);
    const [i] = find(r.warnings, 'category-unknown');
    expect(i).toMatchObject({ row: 3, field: 'category' });
    expect(i!.message.zh).toContain('“加油站”');
  });

  it('unknown category with a default: imported as the default, flagged', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `乙,加油站,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv', defaultCategory: 'sport' }));
    expect(r.facilities[0]!.category).toBe('sport');
    expect(find(r.warnings, 'category-defaulted')[0]).toMatchObject({ row: 2 });
  });

  it('a default category that does not exist is refused', () => {
    const r = failed(parseFacilitiesCsv(csv(HEADER), { crs: 'wgs84', fileName: 'a.csv', defaultCategory: 'petrol' }));
    expect(r.errors[0]!.code).toBe('category-unknown');
  });

  it('a row with more fields than the header (unquoted comma): skipped, saying why', () => {
    const r = ok(parseFacilitiesCsv(csv(HEADER, `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`, `江门市,中心医院,医院,${TANGXIA[0]},${TANGXIA[1]}`), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(find(r.warnings, 'row-field-count')[0]).toMatchObject({ row: 3 });
  });

  it('an Excel workbook instead of a CSV: says to save as CSV', () => {
    const r = failed(parseFacilitiesCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), { crs: 'wgs84', fileName: 'list.xlsx' }));
    expect(r.errors[0]!.code).toBe('encoding-unreadable');
    expect(r.errors[0]!.message.en).toContain('Excel workbook');
  });

  it('an empty file', () => {
    expect(failed(parseFacilitiesCsv('  \n', { crs: 'wgs84', fileName: 'e.csv' })).errors[0]!.code).toBe('file-empty');
  });

  it('a header and no data rows', () => {
    const r = failed(parseFacilitiesCsv(csv(HEADER), { crs: 'wgs84', fileName: 'h.csv' }));
    expect(r.errors[0]!.code).toBe('no-usable-rows');
    expect(r.errors[0]!.message.en).toBe('File "h.csv" has no data rows.');
  });

  it('the same facility twice: both kept, the second flagged', () => {
    const row = `甲,医院,${TANGXIA[0]},${TANGXIA[1]}`;
    const r = ok(parseFacilitiesCsv(csv(HEADER, row, row), { crs: 'wgs84', fileName: 'a.csv' }));
    expect(r.facilities).toHaveLength(2);
    expect(find(r.warnings, 'duplicate')[0]).toMatchObject({ row: 3 });
    expect(find(r.warnings, 'duplicate')[0]!.message.en).toContain('row 2');
  });
});
