// Recognising the columns of a user's table (or the properties of a GeoJSON feature) whatever the
// spelling: name/名称, lon/lng/longitude/x/经度, "经度（WGS84）", " LAT ", …

export type ColumnRole = 'name' | 'category' | 'lon' | 'lat' | 'location' | 'population';

/** Accepted headers per role, in order of preference (the first match in this order wins). */
export const COLUMN_ALIASES: Record<ColumnRole, readonly string[]> = {
  name: ['name', '名称', '名字', '设施名称', '机构名称', '单位名称', '地点', 'title'],
  category: ['category', '类别', '类型', '分类', '设施类别', '设施类型', 'type', 'class', 'kind'],
  lon: ['lon', 'lng', 'longitude', 'long', '经度', '东经', 'x'],
  lat: ['lat', 'latitude', '纬度', '北纬', 'y'],
  location: ['location', '坐标', '经纬度', 'lnglat', 'lonlat', 'coordinates'],
  population: ['population', 'pop', '人口', '人口数', '常住人口', '常住人口数', '人数'],
};

/**
 * Header key: NFKC (full-width → half-width), BOM, quotes and bracketed units removed, lower case,
 * a coordinate-system tag dropped ("lng_gcj02", "bd_lat", "高德经度" → lng, lat, 经度), no spaces.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/["'`]/g, '')
    .toLowerCase()
    .trim()
    .replace(/(^|[\s_\-])(wgs-?84|gcj-?02|bd-?09|gcj|wgs|bd)(?=$|[\s_\-])/g, '$1')
    .replace(/^(高德|百度|腾讯|天地图)/, '')
    .replace(/[\s_\-]+/g, '');
}

export type ColumnMap = Partial<Record<ColumnRole, number>>;

/** Index of each role's column in `headers`, by alias preference. */
export function matchColumns(headers: readonly string[], roles: readonly ColumnRole[]): ColumnMap {
  const keys = headers.map(normalizeHeader);
  const used = new Set<number>();
  const map: ColumnMap = {};
  for (const role of roles) {
    for (const alias of COLUMN_ALIASES[role]) {
      const index = keys.findIndex((k, i) => k === normalizeHeader(alias) && !used.has(i));
      if (index >= 0) {
        map[role] = index;
        used.add(index);
        break;
      }
    }
  }
  return map;
}

/** "lon / lng / longitude / long / 经度 / 东经 / x" for messages naming the expected columns. */
export function describeAliases(role: ColumnRole): string {
  return COLUMN_ALIASES[role].join(' / ');
}

const normalizedAliases = Object.fromEntries(
  (Object.keys(COLUMN_ALIASES) as ColumnRole[]).map((role) => [role, COLUMN_ALIASES[role].map(normalizeHeader)]),
) as Record<ColumnRole, string[]>;

/** GeoJSON files repeat the same few property keys on every feature: normalise each key once. */
const keyCache = new Map<string, string>();
function cachedKey(key: string): string {
  let normalized = keyCache.get(key);
  if (normalized === undefined) {
    normalized = normalizeHeader(key);
    if (keyCache.size < 10_000) keyCache.set(key, normalized);
  }
  return normalized;
}

/** Value of the first property of `properties` whose key matches a role's alias. */
export function propertyFor(properties: Record<string, unknown>, role: ColumnRole): { key: string; value: unknown } | undefined {
  const keys = Object.keys(properties);
  for (const alias of normalizedAliases[role]) {
    const key = keys.find((k) => cachedKey(k) === alias);
    if (key !== undefined) return { key, value: properties[key] };
  }
  return undefined;
}
