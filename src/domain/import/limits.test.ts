import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import { parseDistricts } from '../districts-schema.ts';
import { checkImportSize, IMPORT_BBOX, JIANGMEN_BBOX, MAX_IMPORT_BYTES } from './limits.ts';

describe('JIANGMEN_BBOX', () => {
  it('is the extent of public/geo/districts.geojson rounded outward to 0.01°', () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/geo/districts.geojson'), 'utf8')) as unknown;
    const [w, s, e, n] = bbox(parseDistricts(raw));
    expect(JIANGMEN_BBOX).toEqual([Math.floor(w * 100) / 100, Math.floor(s * 100) / 100, Math.ceil(e * 100) / 100, Math.ceil(n * 100) / 100]);
    expect(IMPORT_BBOX[0]).toBeCloseTo(w - 0.1, 1);
  });
});

describe('checkImportSize', () => {
  it('accepts 50 MB and refuses a byte more, naming the file', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES, 'a.csv')).toBeNull();
    expect(checkImportSize(MAX_IMPORT_BYTES + 1, 'a.csv')).toMatchObject({ code: 'file-too-large', message: { en: expect.stringContaining('"a.csv"') } });
  });
});
