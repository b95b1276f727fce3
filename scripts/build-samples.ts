// Writes the sample import files of data/samples from the town seats, so that no sample invents a
// facility: each row is a town seat, labelled as such (see data/samples/README.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { fromWgs84, type CrsId } from '../src/domain/crs.ts';
import type { TownCollection, TownFeature } from '../src/domain/town-seats.ts';
import { repoRoot } from './lib/sources.ts';

const SAMPLES = 'data/samples';
const BOM = '\uFEFF';

let gbkTable: Map<string, number[]> | undefined;

/**
 * GBK encoding. TextEncoder only writes UTF-8 and no GBK encoder is installed, so the table is
 * built from the platform's GBK decoder, once: every two-byte code decoded and inverted.
 */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]));
          if (char.length === 1 && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`cannot encode "${char}" in GBK`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** 街道 → 社区卫生服务中心 (一街道一中心), 镇 → 乡镇卫生院 (一镇一院): the stand-in category of a seat. */
export function standInCategory(town: TownFeature): string {
  return town.properties.kind === '街道' ? '社区卫生服务中心' : '乡镇卫生院';
}

export const seatLabel = (town: TownFeature) => `${town.properties.name}（镇街驻地）`;

const fixed6 = (v: number) => v.toFixed(6);

function coordinates(town: TownFeature, crs: CrsId): [string, string] {
  const [lon, lat] = fromWgs84(town.geometry.coordinates[0], town.geometry.coordinates[1], crs);
  return [fixed6(lon), fixed6(lat)];
}

/** CRLF line ends, as Excel writes them. */
const toCsv = (rows: (string | number)[][]) => Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';

export function facilitySampleRows(towns: TownCollection, crs: CrsId, header: string[]): string[][] {
  return [header, ...towns.features.map((t) => [seatLabel(t), standInCategory(t), ...coordinates(t, crs)])];
}

/** A few seats with one deliberate mistake each, for trying the import messages. */
export function errorSampleRows(towns: TownCollection): string[][] {
  const byName = (name: string) => {
    const t = towns.features.find((f) => f.properties.name === name);
    if (!t) throw new Error(`no town seat ${name}`);
    return t;
  };
  const good = byName('棠下镇');
  const swapped = byName('杜阮镇');
  const script = byName('荷塘镇');
  const [sLon, sLat] = coordinates(swapped, 'gcj02');
  return [
    ['名称', '类别', '经度', '纬度'],
    [seatLabel(good), standInCategory(good), ...coordinates(good, 'gcj02')],
    [`${seatLabel(swapped)}——错误示例：经纬度填反`, standInCategory(swapped), sLat, sLon],
    [`${seatLabel(byName('潮连街道'))}——错误示例：经度不是数字`, '社区卫生服务中心', '一百一十三', coordinates(byName('潮连街道'), 'gcj02')[1]],
    [`<script>alert("${script.properties.name}")</script>`, standInCategory(script), ...coordinates(script, 'gcj02')],
    [`${seatLabel(byName('会城街道'))}——错误示例：未知类别`, '加油站', ...coordinates(byName('会城街道'), 'gcj02')],
    ['错误示例：坐标在江门市以外（北京天安门）', '医院', '116.397', '39.909'],
    ['', standInCategory(byName('大泽镇')), ...coordinates(byName('大泽镇'), 'gcj02')],
  ];
}

export function heshanPopulationRows(towns: TownCollection): (string | number)[][] {
  return [
    ['名称', '经度', '纬度', '人口'],
    ...towns.features
      .filter((t) => t.properties.pop2020 !== undefined)
      .map((t) => [seatLabel(t), fixed6(t.geometry.coordinates[0]), fixed6(t.geometry.coordinates[1]), t.properties.pop2020!]),
  ];
}

function write(name: string, content: string | Uint8Array): void {
  writeFileSync(join(repoRoot, SAMPLES, name), content);
  console.log(`wrote ${SAMPLES}/${name}`);
}

export function writeSamples(towns: TownCollection): void {
  const sample = toCsv(facilitySampleRows(towns, 'gcj02', ['名称', '类别', '经度', '纬度']));
  write('facilities-sample.csv', BOM + sample);
  write('facilities-sample-gbk.csv', encodeGbk(sample));
  write('facilities-sample-bd09.csv', BOM + toCsv(facilitySampleRows(towns, 'bd09', ['name', 'category', 'lng', 'lat'])));
  write('facilities-sample-with-errors.csv', BOM + toCsv(errorSampleRows(towns)));
  const [header, first, second] = facilitySampleRows(towns, 'gcj02', ['名称', '类别', '经度', '纬度']);
  // An unclosed quote in the second data row: the whole file is refused, naming row 3.
  write('facilities-sample-malformed.csv', BOM + [header!.join(','), first!.join(','), `"${second!.join(',')}`, ''].join('\r\n'));
  write('population-heshan-2020.csv', BOM + toCsv(heshanPopulationRows(towns)));
}
