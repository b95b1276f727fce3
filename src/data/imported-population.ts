// The population file a planner imported, kept in the browser (IndexedDB, via idb-keyval) until
// they go back to the census model, so a reload does not silently change the numbers. Positions
// and counts are stored as one Float64Array (lon, lat, population per point): 200,000 points are
// 4.8 MB and clone in milliseconds, where as many objects would take far longer to store and read.
// A record read back is validated; a corrupt or outdated one is dropped and reported, never fatal.
import { z } from 'zod';
import { CRS_IDS, type CrsId } from '../domain/crs.ts';
import { indexedDbLayerStore, type KeyValueStore, type SaveResult } from './imported-layers.ts';

export interface PopulationPoint {
  lon: number;
  lat: number;
  population: number;
}

export interface StoredPopulation {
  fileName: string;
  /** The coordinate system the user said the file was in (points are stored in WGS84). */
  crs: CrsId;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /** Rows imported and skipped, as the import reported them. */
  imported: number;
  skipped: number;
  points: PopulationPoint[];
}

const KEY = 'population';
/** Version of the stored record; bump it when StoredPopulation changes shape. */
const RECORD_VERSION = 1;

const recordSchema = z.object({
  v: z.literal(RECORD_VERSION),
  fileName: z.string(),
  crs: z.enum(CRS_IDS as [CrsId, ...CrsId[]]),
  importedAt: z.string(),
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  points: z.instanceof(Float64Array).refine(validPacked, 'not a list of (lon, lat, population) in range'),
});

function validPacked(packed: Float64Array): boolean {
  if (packed.length === 0 || packed.length % 3 !== 0) return false;
  for (let i = 0; i < packed.length; i += 3) {
    const lon = packed[i]!;
    const lat = packed[i + 1]!;
    const population = packed[i + 2]!;
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 && population >= 0 && Number.isFinite(population))) return false;
  }
  return true;
}

export function packPoints(points: readonly PopulationPoint[]): Float64Array {
  const packed = new Float64Array(points.length * 3);
  points.forEach((p, i) => packed.set([p.lon, p.lat, p.population], i * 3));
  return packed;
}

export function unpackPoints(packed: Float64Array): PopulationPoint[] {
  const points: PopulationPoint[] = [];
  for (let i = 0; i < packed.length; i += 3) points.push({ lon: packed[i]!, lat: packed[i + 1]!, population: packed[i + 2]! });
  return points;
}

export async function savePopulation(store: KeyValueStore, population: StoredPopulation): Promise<SaveResult> {
  const { points, ...rest } = population;
  try {
    await store.set(KEY, { v: RECORD_VERSION, ...rest, points: packPoints(points) });
    return { ok: true };
  } catch (e) {
    // The browser's own words are English: they go into the English text only.
    const detail = e instanceof Error ? e.message : String(e);
    const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
    return {
      ok: false,
      message: {
        zh: `${quota ? '浏览器存储空间不足，' : ''}无法在浏览器中保存人口文件“${population.fileName}”，它只在本次打开期间使用。`,
        en: `Could not keep population file "${population.fileName}" in the browser (${detail}); it is used only until the page is closed.`,
      },
    };
  }
}

export type LoadedPopulation = { status: 'none' } | { status: 'stored'; population: StoredPopulation } | { status: 'dropped' };

/** The stored population file, if any. A record that does not validate is removed. */
export async function loadPopulation(store: KeyValueStore): Promise<LoadedPopulation> {
  const record = await store.get(KEY);
  if (record === undefined) return { status: 'none' };
  const parsed = recordSchema.safeParse(record);
  if (!parsed.success) {
    await store.del(KEY);
    return { status: 'dropped' };
  }
  const { v: _v, points, ...rest } = parsed.data;
  return { status: 'stored', population: { ...rest, points: unpackPoints(points) } };
}

export async function clearPopulation(store: KeyValueStore): Promise<void> {
  await store.del(KEY);
}

let defaultStore: KeyValueStore | undefined;
/** IndexedDB database 'planning-atlas-population', created on first use. */
export function defaultPopulationStore(): KeyValueStore {
  return (defaultStore ??= indexedDbLayerStore('planning-atlas-population', 'population'));
}
