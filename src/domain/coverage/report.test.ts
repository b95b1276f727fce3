import { describe, expect, it } from 'vitest';
import { roundShare, toCsv, toOutput } from './report.ts';
import type { CoverageResult } from './types.ts';

const result: CoverageResult = {
  radiusMetres: 500,
  populationModel: 'even-census-2020',
  districts: [{ adcode: '440703', name: '蓬江区', areaKm2: 326.04, coveredAreaShare: 0.0575071234, population: 853007, coveredPopulationShare: 0.0575071234 }],
  city: { areaKm2: 326.04, coveredAreaShare: 0.0575071234, population: null, coveredPopulationShare: null },
  facilities: { used: 1, invalid: 0, outsideDistricts: 0 },
  method: { kind: 'scanline', rowMetres: 10, rowsSampled: 10 },
};

describe('coverage report', () => {
  it('rounds shares to six decimals and names the city', () => {
    expect(roundShare(0.0575071234)).toBe(0.057507);
    expect(roundShare(null)).toBeNull();
    const out = toOutput(result, 'kindergarten');
    expect(out.city).toMatchObject({ adcode: '440700', name: '江门市', coveredAreaShare: 0.057507, population: null });
    expect(out.facilities.category).toBe('kindergarten');
  });

  it('writes the CLI CSV with LF, and for Excel with a byte-order mark and CRLF; missing figures are empty cells', () => {
    const out = toOutput(result, undefined);
    const header = 'adcode,name,areaKm2,coveredAreaShare,population,coveredPopulationShare,radiusMetres,populationModel';
    expect(toCsv(out)).toBe(`${header}\n440703,蓬江区,326.04,0.057507,853007,0.057507,500,even-census-2020\n440700,江门市,326.04,0.057507,,,500,even-census-2020\n`);
    const excel = toCsv(out, { excel: true });
    expect(excel.startsWith(`\ufeff${header}\r\n`)).toBe(true);
    expect(excel.endsWith('500,even-census-2020\r\n')).toBe(true);
  });
});
