// Reading one coordinate pair from user input and saying precisely what is wrong with it:
// missing, not a number, degrees-minutes-seconds, projected metres, swapped, out of range, or
// outside Jiangmen. Also the file-level hints that the chosen coordinate system may be wrong.
import gcoord from 'gcoord';
import { CRS_IDS, CRS_LABELS, distanceMetres, toWgs84, type CrsId } from '../crs.ts';
import { IMPORT_BBOX, inBBox } from './limits.ts';
import { issue, placeOf, type ImportIssue } from './issues.ts';

export interface Where {
  row?: number;
  feature?: number;
}

type NumberResult = { ok: true; value: number } | { ok: false; reason: 'missing' | 'not-numeric' | 'dms' };

/** A decimal number from a cell: full-width digits and a trailing ° are accepted, nothing else. */
export function parseDecimal(raw: unknown): NumberResult {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, reason: 'not-numeric' };
  if (raw === null || raw === undefined) return { ok: false, reason: 'missing' };
  if (typeof raw !== 'string') return { ok: false, reason: 'not-numeric' };
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'missing' };
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*°?$/i.exec(text);
  if (match) return { ok: true, value: Number(match[1]) };
  if (/\d\s*[°度]\s*\d|[′'″"分秒]/.test(text)) return { ok: false, reason: 'dms' };
  return { ok: false, reason: 'not-numeric' };
}

function quote(raw: unknown): string {
  const s = String(raw ?? '');
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export interface CoordinateFields {
  lon: string;
  lat: string;
}

export type PointResult =
  | { ok: true; lon: number; lat: number }
  /** `raw`: the numbers read, for points that are valid but outside Jiangmen. */
  | { ok: false; issue: ImportIssue; raw?: [number, number] };

/**
 * Validates one pair and converts it from `crs` to WGS84. `fields` are the column (or property)
 * names as written in the file, used in the messages.
 */
export function readPoint(rawLon: unknown, rawLat: unknown, crs: CrsId, where: Where, fields: CoordinateFields): PointResult {
  const at = placeOf(where);
  const x = parseDecimal(rawLon);
  const y = parseDecimal(rawLat);
  for (const [result, raw, field, zhName, enName] of [
    [x, rawLon, fields.lon, '经度', 'longitude'],
    [y, rawLat, fields.lat, '纬度', 'latitude'],
  ] as const) {
    if (result.ok) continue;
    if (result.reason === 'missing') {
      return { ok: false, issue: issue('coordinate-missing', `${at.zh}：${zhName}（列“${field}”）为空。`, `${at.en}: the ${enName} (column "${field}") is empty.`, { ...where, field }) };
    }
    if (result.reason === 'dms') {
      return {
        ok: false,
        issue: issue(
          'coordinate-not-numeric',
          `${at.zh}：${zhName}“${quote(raw)}”是度分秒格式，请改为十进制度数（如 113.0815）。`,
          `${at.en}: the ${enName} "${quote(raw)}" is in degrees-minutes-seconds; use decimal degrees (e.g. 113.0815).`,
          { ...where, field },
        ),
      };
    }
    return {
      ok: false,
      issue: issue('coordinate-not-numeric', `${at.zh}：${zhName}“${quote(raw)}”不是数字。`, `${at.en}: the ${enName} "${quote(raw)}" is not a number.`, { ...where, field }),
    };
  }
  const lon = (x as { value: number }).value;
  const lat = (y as { value: number }).value;

  const lonOutOfRange = Math.abs(lon) > 180;
  const latOutOfRange = Math.abs(lat) > 90;
  if ((lonOutOfRange || latOutOfRange) && Math.abs(lon) >= 1000 && Math.abs(lat) >= 1000) {
    const mercator = looksLikeWebMercator(lon, lat);
    return {
      ok: false,
      issue: issue(
        'coordinates-projected',
        `${at.zh}：坐标 (${lon}, ${lat}) 是以米为单位的投影坐标${mercator ? '（像是 Web 墨卡托 EPSG:3857 或百度墨卡托 BD09MC）' : '（如 CGCS2000 高斯-克吕格）'}，不是经纬度。请导出为经纬度（度）后再导入。`,
        `${at.en}: (${lon}, ${lat}) are projected coordinates in metres${mercator ? ' (they look like Web Mercator EPSG:3857 or Baidu Mercator BD09MC)' : ' (e.g. CGCS2000 Gauss–Krüger)'}, not longitude/latitude. Export them as degrees and import again.`,
        { ...where, field: fields.lon },
      ),
    };
  }
  if (!inBBox(lon, lat, IMPORT_BBOX) && inBBox(lat, lon, IMPORT_BBOX)) {
    return {
      ok: false,
      issue: issue(
        'coordinates-swapped',
        `${at.zh}：经纬度似乎填反了——“${fields.lon}”列是 ${lon}（像纬度），“${fields.lat}”列是 ${lat}（像经度）。请交换这两列后再导入；本应用不会自动交换。`,
        `${at.en}: longitude and latitude look swapped — column "${fields.lon}" holds ${lon} (a latitude) and "${fields.lat}" holds ${lat} (a longitude). Swap the columns and import again; the app does not swap them for you.`,
        { ...where, field: fields.lon },
      ),
    };
  }
  if (lonOutOfRange || latOutOfRange) {
    const field = lonOutOfRange ? fields.lon : fields.lat;
    return {
      ok: false,
      issue: issue(
        'coordinate-out-of-range',
        `${at.zh}：${lonOutOfRange ? `经度 ${lon} 超出 −180～180` : `纬度 ${lat} 超出 −90～90`}。`,
        `${at.en}: ${lonOutOfRange ? `longitude ${lon} is outside −180…180` : `latitude ${lat} is outside −90…90`}.`,
        { ...where, field },
      ),
    };
  }
  const [wLon, wLat] = toWgs84(lon, lat, crs);
  if (!inBBox(wLon, wLat, IMPORT_BBOX)) {
    return {
      ok: false,
      issue: issue(
        'outside-jiangmen',
        `${at.zh}：坐标 (${lon}, ${lat}) 不在江门市范围内（含约 10 公里缓冲）。`,
        `${at.en}: (${lon}, ${lat}) is outside Jiangmen (with a margin of about 10 km).`,
        { ...where, field: fields.lon },
      ),
      raw: [lon, lat],
    };
  }
  return { ok: true, lon: wLon, lat: wLat };
}

function looksLikeWebMercator(x: number, y: number): boolean {
  for (const from of [gcoord.EPSG3857, gcoord.BD09MC]) {
    try {
      const [lon, lat] = gcoord.transform([x, y], from, gcoord.WGS84);
      if (inBBox(lon, lat, IMPORT_BBOX)) return true;
    } catch {
      // not convertible: not Mercator
    }
  }
  return false;
}

const CRS_HINTS: Record<CrsId, RegExp> = {
  wgs84: /wgs|gps|天地图|tianditu|openstreetmap|\bosm\b|cgcs/i,
  gcj02: /gcj|高德|amap|gaode|腾讯|tencent|火星/i,
  bd09: /bd-?09|baidu|百度|bmap/i,
};

/**
 * The coordinate system that the file name or a column name points to, when they point to exactly
 * one that differs from the one chosen: "高德POI.csv" imported as WGS84, a column "lng_bd09"
 * imported as GCJ-02. `at` is a point of the file, to state the size of the difference there.
 */
export function crsHintIssue(
  fileName: string,
  headers: readonly string[],
  chosen: CrsId,
  at: readonly [number, number] = [113.08, 22.58],
): ImportIssue | null {
  const texts = [fileName, ...headers];
  const hinted = CRS_IDS.filter((crs) => texts.some((t) => CRS_HINTS[crs].test(t)));
  if (hinted.length !== 1 || hinted[0] === chosen) return null;
  const suggested = hinted[0]!;
  const evidence = texts.find((t) => CRS_HINTS[suggested].test(t))!;
  const metres = Math.round(distanceMetres(toWgs84(at[0], at[1], chosen), toWgs84(at[0], at[1], suggested)) / 10) * 10;
  const field = evidence === fileName ? undefined : evidence;
  return issue(
    'crs-suspect',
    `${field ? `列名“${evidence}”` : `文件名“${evidence}”`}提示坐标系是 ${CRS_LABELS[suggested].zh}，但导入时选择的是 ${CRS_LABELS[chosen].zh}，两者在江门相差约 ${metres} 米。若选错，请删除此图层并用正确的坐标系重新导入。`,
    `The ${field ? 'column' : 'file'} name "${evidence}" suggests ${CRS_LABELS[suggested].en}, but ${CRS_LABELS[chosen].en} was chosen; in Jiangmen the two differ by about ${metres} m. If the choice was wrong, remove this layer and import again with the right system.`,
    field ? { field } : {},
  );
}

/**
 * Of the rows rejected as outside Jiangmen, how many another coordinate system would bring inside.
 * Returns a warning suggesting that system when it rescues at least half of them.
 */
export function otherCrsIssue(outsideRaw: readonly [number, number][], chosen: CrsId): ImportIssue | null {
  if (outsideRaw.length === 0) return null;
  let best: { crs: CrsId; rescued: number } | null = null;
  for (const crs of CRS_IDS) {
    if (crs === chosen) continue;
    let rescued = 0;
    for (const [x, y] of outsideRaw) {
      const [lon, lat] = toWgs84(x, y, crs);
      if (inBBox(lon, lat, IMPORT_BBOX)) rescued++;
    }
    if (!best || rescued > best.rescued) best = { crs, rescued };
  }
  if (!best || best.rescued === 0 || best.rescued * 2 < outsideRaw.length) return null;
  return issue(
    'crs-suspect',
    `按 ${CRS_LABELS[chosen].zh} 换算有 ${outsideRaw.length} 个点落在江门之外，改按 ${CRS_LABELS[best.crs].zh} 则其中 ${best.rescued} 个落在江门之内。请确认文件的坐标系。`,
    `Read as ${CRS_LABELS[chosen].en}, ${outsideRaw.length} points fall outside Jiangmen; read as ${CRS_LABELS[best.crs].en}, ${best.rescued} of them fall inside. Check the file's coordinate system.`,
  );
}
