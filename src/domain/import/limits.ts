// Limits an import is held to, and the extent a facility must fall in to be taken as Jiangmen's.
import { issue, type ImportIssue } from './issues.ts';

/** Files larger than this are refused before they are read (50 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Files with more data rows (CSV) or points (GeoJSON) than this are refused. */
export const MAX_IMPORT_ROWS = 200_000;

export type BBox = readonly [west: number, south: number, east: number, north: number];

/**
 * Extent of the seven districts in WGS84 (public/geo/districts.geojson), rounded outward to 0.01°.
 * A test checks it against the districts file.
 */
export const JIANGMEN_BBOX: BBox = [111.99, 21.46, 113.26, 22.86];

/**
 * Margin around the city within which a facility is kept: about 10 km (0.1°), so that facilities
 * just across the boundary, which serve residents near it, are not thrown away. The bounding box
 * is coarse by design; whether a point is inside a district is the coverage engine's business.
 */
export const IMPORT_MARGIN_DEG = 0.1;
export const IMPORT_BBOX: BBox = [
  JIANGMEN_BBOX[0] - IMPORT_MARGIN_DEG,
  JIANGMEN_BBOX[1] - IMPORT_MARGIN_DEG,
  JIANGMEN_BBOX[2] + IMPORT_MARGIN_DEG,
  JIANGMEN_BBOX[3] + IMPORT_MARGIN_DEG,
];

export function inBBox(lon: number, lat: number, box: BBox): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/**
 * Check to run on File.size before reading a file, so a 2 GB file is refused without loading it.
 * Returns the issue to show, or null when the size is acceptable.
 */
export function checkImportSize(byteLength: number, fileName: string): ImportIssue | null {
  if (byteLength <= MAX_IMPORT_BYTES) return null;
  return issue(
    'file-too-large',
    `文件“${fileName}”有 ${megabytes(byteLength)} MB，超过 ${megabytes(MAX_IMPORT_BYTES)} MB 的上限。请拆分文件或删去不需要的列后再导入。`,
    `File "${fileName}" is ${megabytes(byteLength)} MB, over the ${megabytes(MAX_IMPORT_BYTES)} MB limit. Split it or drop unneeded columns, then import again.`,
  );
}

export function tooManyRowsIssue(fileName: string, unit: 'row' | 'feature'): ImportIssue {
  const limit = MAX_IMPORT_ROWS.toLocaleString('en-US');
  return unit === 'row'
    ? issue(
        'too-many-rows',
        `文件“${fileName}”超过 ${limit} 行数据的上限。请拆分文件后分批导入。`,
        `File "${fileName}" has more than ${limit} data rows, the limit. Split it and import the parts.`,
      )
    : issue(
        'too-many-rows',
        `文件“${fileName}”超过 ${limit} 个点的上限。请拆分文件后分批导入。`,
        `File "${fileName}" has more than ${limit} points, the limit. Split it and import the parts.`,
      );
}
