// Import of user files: facilities (CSV, GeoJSON) and population points (CSV). Pure functions, no
// DOM: the UI reads the File into an ArrayBuffer and passes it here (see README "Import formats").
import { decodeText, type ImportInput } from './decode.ts';
import { parseFacilitiesCsv } from './facilities-csv.ts';
import { parseFacilitiesGeoJson } from './facilities-geojson.ts';
import type { FacilityImportOptions, FacilityImportResult } from './facility-rows.ts';

export { parseFacilitiesCsv } from './facilities-csv.ts';
export { parseFacilitiesGeoJson } from './facilities-geojson.ts';
export { parsePopulationCsv, parsePopulation, type PopulationPoint, type PopulationImportOptions, type PopulationImportResult } from './population-csv.ts';
export { toGeoJson, type FacilityFeatureProperties } from './export-geojson.ts';
export type { FacilityImportOptions, FacilityImportResult } from './facility-rows.ts';
export type { ImportStats } from './row-log.ts';
export type { ImportInput, TextEncodingName } from './decode.ts';
export { ISSUE_CODES, MAX_LISTED_ROWS_PER_CODE, type ImportIssue, type IssueCode } from './issues.ts';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, JIANGMEN_BBOX, IMPORT_BBOX, IMPORT_MARGIN_DEG, checkImportSize, type BBox } from './limits.ts';
export { COLUMN_ALIASES } from './columns.ts';

export type FileKind = 'csv' | 'geojson';

/** CSV or GeoJSON, from the extension, else from the first character of the content. */
export function detectFileKind(fileName: string, input: ImportInput): FileKind {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const head = typeof input === 'string' ? input.slice(0, 64) : (() => {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    const decoded = decodeText(bytes.subarray(0, 64), fileName);
    return decoded.ok ? decoded.text : '';
  })();
  return /^\s*[{[]/.test(head.replace(/^\uFEFF/, '')) ? 'geojson' : 'csv';
}

/** Parses a dropped or picked facility file, CSV or GeoJSON. */
export function parseFacilitiesFile(input: ImportInput, options: FacilityImportOptions): FacilityImportResult {
  return detectFileKind(options.fileName, input) === 'geojson' ? parseFacilitiesGeoJson(input, options) : parseFacilitiesCsv(input, options);
}
