import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { DISTRICT_TABLE_COLUMNS, districtTableCsv, districtTableFileName, type DistrictTableRow } from './export-csv.ts';

const SOURCE = { zh: '江门市卫生与健康事业发展“十四五”规划，表 2', en: 'Jiangmen health plan 2021–2025, table 2' };

// Figures are placeholders for the format, not data.
const ROWS: DistrictTableRow[] = [
  {
    adcode: '440703',
    name: { zh: '蓬江区', en: 'Pengjiang District' },
    value: 6.15,
    unit: { zh: '张/千人', en: 'beds per 1,000' },
    year: 2025,
    kind: 'target',
    classIndex: 2,
    source: SOURCE,
    caveat: null,
  },
  {
    adcode: '440781',
    name: { zh: '台山市', en: 'Taishan' },
    value: null,
    unit: { zh: '张/千人', en: 'beds per 1,000' },
    year: null,
    kind: 'actual',
    classIndex: null,
    source: SOURCE,
    caveat: { zh: '规划未列出，"无数据"', en: 'Not listed in the plan, so "no data"' },
  },
];

describe('districtTableCsv', () => {
  test('BOM, Chinese headers, CRLF, empty cells for missing values, quotes doubled', () => {
    expect(districtTableCsv(ROWS, DISTRICT_TABLE_COLUMNS, 'zh')).toBe(
      '\ufeff行政区划代码,区（市）,数值,单位,年份,类型,分级（1 = 最低）,来源,说明\r\n' +
        '440703,蓬江区,6.15,张/千人,2025,规划目标,3,江门市卫生与健康事业发展“十四五”规划，表 2,\r\n' +
        '440781,台山市,,张/千人,,实际值,,江门市卫生与健康事业发展“十四五”规划，表 2,"规划未列出，""无数据"""\r\n',
    );
  });

  test('English text and a chosen subset of columns, in the given order', () => {
    expect(districtTableCsv(ROWS, ['district', 'value', 'unit', 'kind'], 'en')).toBe(
      '\ufeffDistrict,Value,Unit,Kind\r\n' +
        'Pengjiang District,6.15,"beds per 1,000",plan target\r\n' +
        'Taishan,,"beds per 1,000",actual\r\n',
    );
  });

  test('formula injection: text starting with = + - @ is defused, negative numbers are not', () => {
    const row: DistrictTableRow = {
      ...ROWS[0]!,
      name: '=HYPERLINK("http://evil.example","click")',
      value: -0.35,
      unit: '+1',
      source: '@SUM(A1)',
      caveat: '-2+3',
    };
    const csv = districtTableCsv([row], ['district', 'value', 'unit', 'source', 'caveat'], 'zh');
    const [, line] = csv.split('\r\n');
    expect(line).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")",-0.35,"'+1","'@SUM(A1)","'-2+3"`);
  });

  test('values keep their full figure without floating-point noise', () => {
    const csv = districtTableCsv([{ ...ROWS[0]!, value: 0.1 + 0.2 }, { ...ROWS[0]!, value: 4798090 }], ['value'], 'zh');
    expect(csv).toBe('\ufeff数值\r\n0.3\r\n4798090\r\n');
  });

  test('newlines and commas in text survive a parse back', () => {
    const row = { ...ROWS[0]!, caveat: '第一行，含逗号,\n第二行 "引号"' };
    const csv = districtTableCsv([row], DISTRICT_TABLE_COLUMNS, 'zh');
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(2);
    expect(parsed.data[1]![8]).toBe('第一行，含逗号,\n第二行 "引号"');
    expect(parsed.data[1]![0]).toBe('440703');
  });

  test('no rows: the header alone', () => {
    expect(districtTableCsv([], ['adcode', 'value'], 'en')).toBe('\ufeffAdcode,Value\r\n');
  });
});

test('file names drop characters Windows forbids', () => {
  expect(districtTableFileName('每千人口床位数', 2025)).toBe('每千人口床位数-2025.csv');
  expect(districtTableFileName('a/b:c*?"<>|d', null)).toBe('a_b_c_d.csv');
  expect(districtTableFileName('///', null)).toBe('_.csv');
  expect(districtTableFileName('', 2020)).toBe('indicator-2020.csv');
});
