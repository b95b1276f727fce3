/**
 * The whole map view as a shareable URL, scheme version 1 (documented in docs/url-scheme.md).
 *
 * - Camera in the hash, in exactly the form MapLibre's `hash: true` option writes:
 *   `#zoom/lat/lng[/bearing[/pitch]]`.
 * - Everything else in the query string, defaults omitted, parameters in a fixed order.
 *
 * Decoding never throws: every unknown or invalid parameter is dropped (its default is
 * used) and reported as a Notice. Decoded strings are only ever data (ids looked up in
 * lists, site names shown as text); notice messages never contain the raw input.
 */
import { z } from 'zod';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES } from './classify.ts';
import { DEFAULT_SEQUENTIAL_PALETTE, SEQUENTIAL_PALETTE_IDS } from './palettes.ts';

export const URL_SCHEME_VERSION = 1;

export const LANGS = ['zh', 'en'] as const;
/** Plan targets a gap can be measured against: the city-wide one, or each district's own. */
export const GOALS = ['city', 'own'] as const;
export type Lang = (typeof LANGS)[number];
/** Text in both languages; Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Where a link may point: the map's extent (111.6–113.8° E, 21.3–23.2° N) plus about a
 * degree on every side, i.e. Jiangmen and the surrounding Pearl River Delta and western
 * Guangdong. An approximate box, not a boundary; also suitable as MapLibre `maxBounds`.
 */
export const WIDER_REGION_BOUNDS = { west: 110.5, south: 20.0, east: 115.0, north: 24.5 } as const;

/** Camera limits; the map should use the same numbers (MapLibre's defaults for zoom and pitch). */
export const CAMERA_LIMITS = { minZoom: 0, maxZoom: 22, maxPitch: 60 } as const;

export const MAX_RADIUS_M = 50_000;
export const MAX_SITES = 50;
export const MAX_SITE_NAME_LENGTH = 40;

/** Indicator, layer, facility-category and imported-layer ids: no commas, tildes or spaces. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ADCODE_PATTERN = /^\d{6}$/;
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
// Control characters in a site name would garble labels and CSV rows.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const id = z.string().regex(ID_PATTERN);
const idList = z.array(id);
const longitude = z.number().min(WIDER_REGION_BOUNDS.west).max(WIDER_REGION_BOUNDS.east);
const latitude = z.number().min(WIDER_REGION_BOUNDS.south).max(WIDER_REGION_BOUNDS.north);

export const CameraSchema = z.object({
  zoom: z.number().min(CAMERA_LIMITS.minZoom).max(CAMERA_LIMITS.maxZoom),
  lat: latitude,
  lng: longitude,
  bearing: z.number().min(-180).max(180),
  pitch: z.number().min(0).max(CAMERA_LIMITS.maxPitch),
});
export type Camera = z.infer<typeof CameraSchema>;

/** A proposed facility site; coordinates WGS84, kept to 5 decimals (about 1 m). */
export const SiteSchema = z.object({
  category: id,
  lng: longitude,
  lat: latitude,
  name: z
    .string()
    .min(1)
    .max(MAX_SITE_NAME_LENGTH)
    .refine((s) => !CONTROL_CHARS.test(s))
    .nullable(),
});
export type Site = z.infer<typeof SiteSchema>;

export const ViewStateSchema = z.object({
  /** null: fit the map to the districts. */
  camera: CameraSchema.nullable(),
  lang: z.enum(LANGS),
  /** null: the app's first indicator. */
  indicator: id.nullable(),
  /** null: the indicator's latest actual year. */
  year: z.number().int().min(1949).max(2100).nullable(),
  /** 'target': colour districts by their gap to a plan target. */
  view: z.enum(['value', 'target']),
  /** Overrides the plan target in the target view; null: the plan's own target. */
  target: z.number().min(-1e9).max(1e9).nullable(),
  /** Which plan target the target view measures against: the city's, or each district's own. */
  goal: z.enum(GOALS),
  method: z.enum(CLASS_METHODS),
  classes: z.number().int().min(MIN_CLASSES).max(MAX_CLASSES),
  /** Ramp of the value view; the target view always uses the diverging ramp. */
  palette: z.enum(SEQUENTIAL_PALETTE_IDS),
  /** The district whose card is open. */
  district: z.string().regex(ADCODE_PATTERN).nullable(),
  /** Visible layers, sorted; null: the app's default layers. */
  layers: idList.nullable(),
  /** Visible facility categories, sorted; null: the app's default categories. */
  cats: idList.nullable(),
  /** Service radius in whole metres; null: each category's own radius. */
  radius: z.number().int().min(1).max(MAX_RADIUS_M).nullable(),
  sites: z.array(SiteSchema).max(MAX_SITES),
  /** Layers imported into this browser (IndexedDB), sorted. */
  imported: idList,
});
export type ViewState = z.infer<typeof ViewStateSchema>;
export type ViewMode = ViewState['view'];

/** Part of scheme version 1: changing a default changes what old links mean, so needs v=2. */
export const DEFAULT_VIEW: ViewState = Object.freeze({
  camera: null,
  lang: 'zh',
  indicator: null,
  year: null,
  view: 'value',
  target: null,
  goal: 'city',
  method: 'quantile',
  classes: 5,
  palette: DEFAULT_SEQUENTIAL_PALETTE,
  district: null,
  layers: null,
  cats: null,
  radius: null,
  // Frozen too, so that no caller can change the defaults through a shared array.
  sites: Object.freeze([]) as unknown as Site[],
  imported: Object.freeze([]) as unknown as string[],
}) as ViewState;

export type NoticeCode =
  | 'unknown-param'
  | 'duplicate-param'
  | 'invalid-value'
  | 'unknown-id'
  | 'missing-imported'
  | 'too-many'
  | 'newer-version';

export interface Notice {
  /** The parameter concerned ('zoom', 'lat', … for the parts of the hash). */
  param: string;
  /** The offending raw value, at most 80 characters; show it as text only. */
  value: string;
  code: NoticeCode;
  message: Bilingual;
}

/** What the app knows; ids not in a given list are reported and dropped. Omitted lists are not checked. */
export interface DecodeContext {
  indicatorIds?: readonly string[];
  adcodes?: readonly string[];
  layerIds?: readonly string[];
  categoryIds?: readonly string[];
  /** Ids of the layers imported into this browser. */
  importedIds?: readonly string[];
  /** Years with data (actual or target) for an indicator; undefined: not checked. */
  yearsOf?: (indicatorId: string) => readonly number[] | undefined;
}

export interface DecodedView {
  state: ViewState;
  notices: Notice[];
  /** The scheme version the link declares (1 when it has no `v`). */
  version: number;
}

// ---------------------------------------------------------------------------------------
// Encoding

/** Query parameters in the order they are written. */
export const QUERY_PARAMS = [
  'v', 'lang', 'indicator', 'year', 'view', 'target', 'goal', 'method', 'classes', 'palette',
  'district', 'layers', 'cats', 'radius', 'sites', 'imported',
] as const;
type QueryParam = (typeof QUERY_PARAMS)[number];

/** Percent-encoding, but list commas stay readable (a comma is allowed in a query, RFC 3986). */
function encodeValue(s: string): string {
  return encodeURIComponent(s).replace(/%2C/g, ',');
}

/** Site parts are percent-encoded including "_" and "~", which separate sites and parts. */
function encodeSitePart(s: string): string {
  return encodeURIComponent(s).replace(/_/g, '%5F').replace(/~/g, '%7E');
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const roundCoordinate = (x: number) => round(x, 5);

function encodeSites(sites: readonly Site[]): string {
  return sites
    .map((s) => {
      const parts = [encodeSitePart(s.category), String(roundCoordinate(s.lng)), String(roundCoordinate(s.lat))];
      if (s.name !== null) parts.push(encodeSitePart(s.name));
      return parts.join('~');
    })
    .join('_');
}

/**
 * The camera as MapLibre's Hash writes it (src/ui/hash.ts, getHashString): zoom to 2
 * decimals, centre to the decimals that keep it within half a pixel at that zoom, bearing
 * to 0.1° (written when bearing or pitch is non-zero), pitch to whole degrees.
 * Hand-written because MapLibre only exposes it on a live map.
 */
export function encodeCameraHash(camera: Camera | null): string {
  if (camera === null) return '';
  const zoom = round(camera.zoom, 2);
  // Web Mercator: one world unit spans 360° (degreesPerWorldUnit for a wrapping world).
  const precision = Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10);
  const m = 10 ** precision;
  const lat = Math.round(camera.lat * m) / m;
  const lng = Math.round(camera.lng * m) / m;
  let hash = `${zoom}/${lat}/${lng}`;
  if (camera.bearing || camera.pitch) hash += `/${Math.round(camera.bearing * 10) / 10}`;
  if (camera.pitch) hash += `/${Math.round(camera.pitch)}`;
  return `#${hash}`;
}

/**
 * `search` ('' or '?v=1&…') and `hash` ('' or '#zoom/lat/lng…') for a view. Defaults are
 * left out; parameters come in QUERY_PARAMS order and lists are sorted, so equal views
 * give equal links.
 */
export function encodeView(state: ViewState): { search: string; hash: string } {
  const values: Partial<Record<QueryParam, string>> = {};
  const d = DEFAULT_VIEW;
  const list = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');
  if (state.lang !== d.lang) values.lang = state.lang;
  if (state.indicator !== null) values.indicator = state.indicator;
  if (state.year !== null) values.year = String(state.year);
  if (state.view !== d.view) values.view = state.view;
  if (state.target !== null) values.target = String(state.target);
  if (state.goal !== d.goal) values.goal = state.goal;
  if (state.method !== d.method) values.method = state.method;
  if (state.classes !== d.classes) values.classes = String(state.classes);
  if (state.palette !== d.palette) values.palette = state.palette;
  if (state.district !== null) values.district = state.district;
  if (state.layers !== null) values.layers = list(state.layers);
  if (state.cats !== null) values.cats = list(state.cats);
  if (state.radius !== null) values.radius = String(state.radius);
  if (state.sites.length > 0) values.sites = encodeSites(state.sites);
  if (state.imported.length > 0) values.imported = list(state.imported);

  const pairs = QUERY_PARAMS.filter((p) => values[p] !== undefined).map((p) =>
    // Sites are already encoded part by part; ids and numbers only need the usual escaping.
    p === 'sites' ? `sites=${values.sites}` : `${p}=${encodeValue(values[p]!)}`,
  );
  const search = pairs.length > 0 ? `?v=${URL_SCHEME_VERSION}&${pairs.join('&')}` : '';
  return { search, hash: encodeCameraHash(state.camera) };
}

/** The full link for a view, on the page at `base` (its own query and hash are replaced). */
export function shareUrl(state: ViewState, base: string): string {
  const url = new URL(base);
  const { search, hash } = encodeView(state);
  url.search = search;
  url.hash = hash;
  return url.href;
}

// ---------------------------------------------------------------------------------------
// Decoding

/** What each parameter expects, for notices. */
const EXPECTED: Record<QueryParam | 'camera' | 'zoom' | 'lat' | 'lng' | 'bearing' | 'pitch', Bilingual> = {
  v: { zh: '正整数版本号', en: 'a whole-number scheme version' },
  lang: { zh: 'zh 或 en', en: 'zh or en' },
  indicator: { zh: '指标编号', en: 'an indicator id' },
  year: { zh: '四位数年份', en: 'a four-digit year' },
  view: { zh: 'value 或 target', en: 'value or target' },
  target: { zh: '一个数值', en: 'a number' },
  goal: { zh: 'city（全市目标）或 own（各区自身目标）', en: "city (the city's target) or own (each district's own)" },
  method: { zh: 'quantile、ckmeans 或 equal', en: 'quantile, ckmeans or equal' },
  classes: { zh: `${MIN_CLASSES} 到 ${MAX_CLASSES} 的整数`, en: `a whole number from ${MIN_CLASSES} to ${MAX_CLASSES}` },
  palette: { zh: SEQUENTIAL_PALETTE_IDS.join('、'), en: SEQUENTIAL_PALETTE_IDS.join(', ') },
  district: { zh: '六位行政区划代码', en: 'a six-digit district code (adcode)' },
  layers: { zh: '以逗号分隔的图层编号', en: 'comma-separated layer ids' },
  cats: { zh: '以逗号分隔的设施类别编号', en: 'comma-separated facility category ids' },
  radius: { zh: `1 到 ${MAX_RADIUS_M} 米`, en: `metres from 1 to ${MAX_RADIUS_M}` },
  sites: {
    zh: `类别~经度~纬度(~名称)，多个以 _ 连接，位于江门及周边，名称不超过 ${MAX_SITE_NAME_LENGTH} 字`,
    en: `category~lon~lat(~name) joined with _, within the Jiangmen region, names up to ${MAX_SITE_NAME_LENGTH} characters`,
  },
  imported: { zh: '以逗号分隔的导入图层编号', en: 'comma-separated imported-layer ids' },
  camera: { zh: '#缩放/纬度/经度[/方位角/倾角]', en: '#zoom/lat/lng[/bearing/pitch]' },
  zoom: { zh: `${CAMERA_LIMITS.minZoom} 到 ${CAMERA_LIMITS.maxZoom} 的缩放级别`, en: `a zoom from ${CAMERA_LIMITS.minZoom} to ${CAMERA_LIMITS.maxZoom}` },
  lat: { zh: `北纬 ${WIDER_REGION_BOUNDS.south}° 到 ${WIDER_REGION_BOUNDS.north}°（江门及周边）`, en: `a latitude from ${WIDER_REGION_BOUNDS.south} to ${WIDER_REGION_BOUNDS.north} (Jiangmen region)` },
  lng: { zh: `东经 ${WIDER_REGION_BOUNDS.west}° 到 ${WIDER_REGION_BOUNDS.east}°（江门及周边）`, en: `a longitude from ${WIDER_REGION_BOUNDS.west} to ${WIDER_REGION_BOUNDS.east} (Jiangmen region)` },
  bearing: { zh: '-180 到 180 度的方位角', en: 'a bearing from -180 to 180 degrees' },
  pitch: { zh: `0 到 ${CAMERA_LIMITS.maxPitch} 度的倾角`, en: `a pitch from 0 to ${CAMERA_LIMITS.maxPitch} degrees` },
};

const MAX_NOTICE_VALUE = 80;
const clip = (s: string) => (s.length > MAX_NOTICE_VALUE ? `${s.slice(0, MAX_NOTICE_VALUE - 1)}…` : s);

function notice(code: NoticeCode, param: string, value: string): Notice {
  const p = clip(param);
  const known = (EXPECTED as Record<string, Bilingual>)[param];
  const messages: Record<NoticeCode, Bilingual> = {
    'invalid-value': {
      zh: `链接参数 ${p} 的值无效，已忽略；应为${known?.zh ?? '有效值'}。`,
      en: `Ignored link parameter ${p}: expected ${known?.en ?? 'a valid value'}.`,
    },
    'unknown-id': {
      zh: `链接参数 ${p} 指向本图数据中不存在的项目，已忽略。`,
      en: `Ignored link parameter ${p}: this map has no data with that id.`,
    },
    'unknown-param': {
      zh: '无法识别的链接参数，已忽略。',
      en: 'Ignored a link parameter this map does not recognise.',
    },
    'duplicate-param': {
      zh: `链接参数 ${p} 出现多次，只采用第一个。`,
      en: `Link parameter ${p} appears more than once; the first one is used.`,
    },
    'missing-imported': {
      zh: '链接引用了在另一浏览器中导入的图层，本浏览器中没有该图层，已略过。',
      en: 'The link refers to a layer imported in another browser; it is not in this browser and was skipped.',
    },
    'too-many': {
      zh: `链接中的拟建设施点超过 ${MAX_SITES} 个，只载入前 ${MAX_SITES} 个。`,
      en: `The link has more than ${MAX_SITES} proposed sites; only the first ${MAX_SITES} were loaded.`,
    },
    'newer-version': {
      zh: '此链接由更新版本的规划一张图生成，部分设置可能无法还原。',
      en: 'This link was made by a newer version of Planning Atlas; some settings may not be restored.',
    },
  };
  return { param: p, value: clip(value), code, message: messages[code] };
}

/** decodeURIComponent with form-style "+" for space; null for broken percent-escapes. */
function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function parseNumber(s: string): number | null {
  return NUMBER_PATTERN.test(s) ? Number(s) : null;
}

const isQueryParam = (key: string): key is QueryParam => (QUERY_PARAMS as readonly string[]).includes(key);
const knows = (list: readonly string[] | undefined, value: string) => list === undefined || list.includes(value);

/**
 * The view a link describes, from `location.search` and `location.hash` (with or without
 * their leading "?" / "#"). Never throws; see Notice.
 */
export function decodeView(search: string, hash: string, context: DecodeContext = {}): DecodedView {
  const notices: Notice[] = [];
  const state: ViewState = { ...DEFAULT_VIEW, sites: [], imported: [] };

  // Raw values: "sites" must be split before percent-decoding.
  const raw = new Map<QueryParam, string>();
  for (const segment of search.replace(/^\?/, '').split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq === -1 ? segment : segment.slice(0, eq);
    const rawValue = eq === -1 ? '' : segment.slice(eq + 1);
    const key = decodeComponent(rawKey) ?? rawKey;
    if (!isQueryParam(key)) {
      notices.push(notice('unknown-param', key, decodeComponent(rawValue) ?? rawValue));
    } else if (raw.has(key)) {
      notices.push(notice('duplicate-param', key, decodeComponent(rawValue) ?? rawValue));
    } else {
      raw.set(key, rawValue);
    }
  }

  const value = (param: QueryParam): string | undefined => {
    const r = raw.get(param);
    if (r === undefined) return undefined;
    const decoded = decodeComponent(r);
    if (decoded === null) notices.push(notice('invalid-value', param, r));
    return decoded ?? undefined;
  };
  const invalid = (param: string, v: string) => notices.push(notice('invalid-value', param, v));

  // v: missing → 1; newer → decode what this version understands.
  let version = URL_SCHEME_VERSION;
  const v = value('v');
  if (v !== undefined) {
    const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
    if (!(n >= 1)) invalid('v', v);
    else {
      version = n;
      if (n > URL_SCHEME_VERSION) notices.push(notice('newer-version', 'v', v));
    }
  }

  // Each scalar field is checked by its own part of ViewStateSchema.
  const field = (param: keyof ViewState & QueryParam, parse: (s: string) => unknown) => {
    const s = value(param);
    if (s === undefined) return;
    const parsed = ViewStateSchema.shape[param].safeParse(parse(s));
    if (parsed.success) (state as Record<string, unknown>)[param] = parsed.data;
    else invalid(param, s);
  };
  const asNumber = (s: string) => parseNumber(s) ?? s;

  field('lang', (s) => s);
  field('view', (s) => s);
  field('goal', (s) => s);
  field('method', (s) => s);
  field('palette', (s) => s);
  field('classes', asNumber);
  field('target', asNumber);
  field('radius', (s) => {
    const n = parseNumber(s);
    return n === null ? s : Math.round(n);
  });
  field('indicator', (s) => s);
  if (state.indicator !== null && !knows(context.indicatorIds, state.indicator)) {
    notices.push(notice('unknown-id', 'indicator', state.indicator));
    state.indicator = null;
  }
  field('year', (s) => (/^\d{4}$/.test(s) ? Number(s) : s));
  if (state.year !== null && state.indicator !== null) {
    const years = context.yearsOf?.(state.indicator);
    if (years !== undefined && !years.includes(state.year)) {
      notices.push(notice('unknown-id', 'year', String(state.year)));
      state.year = null;
    }
  }
  field('district', (s) => s);
  if (state.district !== null && !knows(context.adcodes, state.district)) {
    notices.push(notice('unknown-id', 'district', state.district));
    state.district = null;
  }

  const idListParam = (param: 'layers' | 'cats' | 'imported', known: readonly string[] | undefined) => {
    const s = value(param);
    if (s === undefined) return undefined;
    const ids = new Set<string>();
    for (const item of s.split(',')) {
      if (item === '' && s === '') continue; // "layers=" means none
      if (!ID_PATTERN.test(item)) invalid(param, item);
      else if (!knows(known, item)) notices.push(notice(param === 'imported' ? 'missing-imported' : 'unknown-id', param, item));
      else ids.add(item);
    }
    return [...ids].sort();
  };
  state.layers = idListParam('layers', context.layerIds) ?? null;
  state.cats = idListParam('cats', context.categoryIds) ?? null;
  state.imported = idListParam('imported', context.importedIds) ?? [];
  state.sites = decodeSites(raw.get('sites'), context, notices);

  state.camera = decodeCameraHash(hash, notices);
  return { state, notices, version };
}

function decodeSites(rawSites: string | undefined, context: DecodeContext, notices: Notice[]): Site[] {
  if (rawSites === undefined || rawSites === '') return [];
  const sites: Site[] = [];
  const chunks = rawSites.split('_');
  for (const chunk of chunks) {
    if (sites.length === MAX_SITES) {
      notices.push(notice('too-many', 'sites', String(chunks.length)));
      break;
    }
    const parts = chunk.split('~').map(decodeComponent);
    const [category, lng, lat, name] = parts;
    const candidate =
      (parts.length === 3 || parts.length === 4) && category && lng && lat && name !== null
        ? {
            category,
            lng: parseNumber(lng) === null ? NaN : roundCoordinate(Number(lng)),
            lat: parseNumber(lat) === null ? NaN : roundCoordinate(Number(lat)),
            name: name ?? null,
          }
        : null;
    const parsed = SiteSchema.safeParse(candidate);
    if (!parsed.success) notices.push(notice('invalid-value', 'sites', decodeComponent(chunk) ?? chunk));
    else if (!knows(context.categoryIds, parsed.data.category)) notices.push(notice('unknown-id', 'sites', parsed.data.category));
    else sites.push(parsed.data);
  }
  return sites;
}

/**
 * Reads the camera the way MapLibre's Hash does: the first "&"-separated entry of the
 * hash, split on "/". Zoom, lat and lng must all be valid or the camera is dropped;
 * a bad bearing or pitch alone falls back to 0.
 */
function decodeCameraHash(hash: string, notices: Notice[]): Camera | null {
  const first = hash.replace(/^#/, '').split('&')[0] ?? '';
  if (first === '') return null;
  const decoded = decodeComponent(first) ?? first;
  const parts = decoded.split('/');
  if (parts.length < 3 || parts.length > 5) {
    notices.push(notice('invalid-value', 'camera', decoded));
    return null;
  }
  const shape = CameraSchema.shape;
  const part = (name: 'zoom' | 'lat' | 'lng' | 'bearing' | 'pitch', s: string, optional: boolean): number | null => {
    if (optional && s === '') return 0; // MapLibre reads "#5/1/0.5/" as bearing 0
    const n = parseNumber(s);
    if (n !== null && shape[name].safeParse(n).success) return n;
    notices.push(notice('invalid-value', name, s));
    return null;
  };
  const zoom = part('zoom', parts[0]!, false);
  const lat = part('lat', parts[1]!, false);
  const lng = part('lng', parts[2]!, false);
  const bearing = parts[3] === undefined ? 0 : (part('bearing', parts[3], true) ?? 0);
  const pitch = parts[4] === undefined ? 0 : (part('pitch', parts[4], true) ?? 0);
  if (zoom === null || lat === null || lng === null) return null;
  return { zoom, lat, lng, bearing, pitch };
}

// ---------------------------------------------------------------------------------------
// Pure updaters: each returns a new state and leaves the old one untouched.

const sortedUnique = (ids: readonly string[]) => [...new Set(ids)].sort();

export function withCamera(state: ViewState, camera: Camera | null): ViewState {
  return { ...state, camera };
}

export function withLang(state: ViewState, lang: Lang): ViewState {
  return { ...state, lang };
}

/** Another indicator: its year and target override no longer apply. */
export function withIndicator(state: ViewState, indicator: string | null, year: number | null = null): ViewState {
  return { ...state, indicator, year, target: null };
}

export function withYear(state: ViewState, year: number | null): ViewState {
  return { ...state, year };
}

export function withView(state: ViewState, view: ViewMode, target: number | null = state.target): ViewState {
  return { ...state, view, target };
}

export function withGoal(state: ViewState, goal: ViewState['goal']): ViewState {
  return { ...state, goal };
}

export function withClassification(
  state: ViewState,
  change: { method?: ViewState['method']; classes?: number },
): ViewState {
  return { ...state, method: change.method ?? state.method, classes: change.classes ?? state.classes };
}

export function withPalette(state: ViewState, palette: ViewState['palette']): ViewState {
  return { ...state, palette };
}

/** Opens a district's card (null closes it). */
export function withDistrict(state: ViewState, district: string | null): ViewState {
  return { ...state, district };
}

/** Shows or hides one layer; `defaults` are the app's visible layers while `layers` is null. */
export function withLayerVisible(state: ViewState, layerId: string, visible: boolean, defaults: readonly string[]): ViewState {
  const current = state.layers ?? defaults;
  const layers = visible ? [...current, layerId] : current.filter((l) => l !== layerId);
  return { ...state, layers: sortedUnique(layers) };
}

/** Shows or hides one facility category; `defaults` apply while `cats` is null. */
export function withCategoryVisible(state: ViewState, categoryId: string, visible: boolean, defaults: readonly string[]): ViewState {
  const current = state.cats ?? defaults;
  const cats = visible ? [...current, categoryId] : current.filter((c) => c !== categoryId);
  return { ...state, cats: sortedUnique(cats) };
}

export function withRadius(state: ViewState, radius: number | null): ViewState {
  return { ...state, radius: radius === null ? null : Math.round(radius) };
}

/** Adds a proposed site, its coordinates rounded to 5 decimals as in links. */
export function withSiteAdded(state: ViewState, site: Site): ViewState {
  const rounded = { ...site, lng: roundCoordinate(site.lng), lat: roundCoordinate(site.lat) };
  return { ...state, sites: [...state.sites, rounded] };
}

export function withSiteRemoved(state: ViewState, index: number): ViewState {
  return { ...state, sites: state.sites.filter((_, i) => i !== index) };
}

export function withImported(state: ViewState, importedId: string, shown: boolean): ViewState {
  const ids = shown ? [...state.imported, importedId] : state.imported.filter((i) => i !== importedId);
  return { ...state, imported: sortedUnique(ids) };
}
