// Imported facility layers kept in the browser (IndexedDB, via idb-keyval) until the user removes
// them. The store is injected, so the logic is tested against an in-memory store; records read
// back are validated, and a corrupt or outdated record is dropped and reported, never fatal.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { CRS_IDS, type CrsId } from '../domain/crs.ts';
import type { Facility } from '../domain/facilities.ts';

export interface ImportedLayer {
  id: string;
  fileName: string;
  /** The coordinate system the user said the file was in (facilities are stored in WGS84). */
  crs: CrsId;
  /** ISO 8601 time of the import */
  importedAt: string;
  facilities: Facility[];
}

/** The few operations needed, so a test can pass a Map-backed store instead of IndexedDB. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  values(): Promise<unknown[]>;
}

/** IndexedDB store (database 'planning-atlas-imports', object store 'layers'). */
export function indexedDbLayerStore(dbName = 'planning-atlas-imports', storeName = 'layers'): KeyValueStore {
  let store: UseStore | undefined;
  const use = () => (store ??= createStore(dbName, storeName));
  return {
    get: (key) => get(key, use()),
    set: (key, value) => set(key, value, use()),
    del: (key) => del(key, use()),
    values: () => values(use()),
  };
}

export function memoryLayerStore(): KeyValueStore & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    values: async () => [...map.values()].map((v) => structuredClone(v)),
  };
}

/** Version of the stored record; bump it when ImportedLayer changes shape. */
const RECORD_VERSION = 1;

const facilitySchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  source: z.enum(['import', 'town-seat', 'proposed']),
  sourceRow: z.number().int().optional(),
});

const recordSchema = z.object({
  v: z.literal(RECORD_VERSION),
  layer: z.object({
    id: z.string().min(1),
    fileName: z.string(),
    crs: z.enum(CRS_IDS as [CrsId, ...CrsId[]]),
    importedAt: z.string(),
    facilities: z.array(facilitySchema),
  }),
});

/** A new layer id: time-ordered and unique enough for one browser ('L' + base-36 time + random). */
export function newLayerId(now: number = Date.now(), random: () => number = Math.random): string {
  return `L${now.toString(36)}${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/**
 * Builds a layer from parsed facilities. Parse with `idPrefix: id` (see newLayerId) so facility
 * ids are unique across layers.
 */
export function createLayer(id: string, fileName: string, crs: CrsId, facilities: Facility[], now: Date = new Date()): ImportedLayer {
  return { id, fileName, crs, importedAt: now.toISOString(), facilities };
}

export type SaveResult = { ok: true } | { ok: false; message: { zh: string; en: string } };

export async function saveLayer(store: KeyValueStore, layer: ImportedLayer): Promise<SaveResult> {
  try {
    await store.set(layer.id, { v: RECORD_VERSION, layer });
    return { ok: true };
  } catch (e) {
    const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message: quota
        ? {
            zh: `浏览器存储空间不足，图层“${layer.fileName}”只在本次打开期间可用。可删除其他导入图层后重试。`,
            en: `Browser storage is full: layer "${layer.fileName}" is available only until the page is closed. Remove other imported layers and try again.`,
          }
        : {
            // The browser's own words (detail) are English: the English text only.
            zh: `无法在浏览器中保存图层“${layer.fileName}”，它只在本次打开期间可用。`,
            en: `Could not keep layer "${layer.fileName}" in the browser (${detail}); it is available only until the page is closed.`,
          },
    };
  }
}

export interface LayerList {
  /** Oldest import first. */
  layers: ImportedLayer[];
  /** Records that could not be read back (corrupt or from another version): removed from view. */
  dropped: number;
}

export async function listLayers(store: KeyValueStore): Promise<LayerList> {
  const records = await store.values();
  const layers: ImportedLayer[] = [];
  let dropped = 0;
  for (const record of records) {
    const parsed = recordSchema.safeParse(record);
    if (parsed.success) layers.push(parsed.data.layer);
    else dropped++;
  }
  layers.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
  return { layers, dropped };
}

export async function getLayer(store: KeyValueStore, id: string): Promise<ImportedLayer | undefined> {
  const parsed = recordSchema.safeParse(await store.get(id));
  return parsed.success ? parsed.data.layer : undefined;
}

export async function removeLayer(store: KeyValueStore, id: string): Promise<void> {
  await store.del(id);
}

// --- TanStack Query hooks for the UI -------------------------------------------------------------

let defaultStore: KeyValueStore | undefined;
/** The browser's IndexedDB store, created on first use. */
export function defaultLayerStore(): KeyValueStore {
  return (defaultStore ??= indexedDbLayerStore());
}

const LAYERS_KEY = ['imported-layers'] as const;

export function useImportedLayers(store: KeyValueStore = defaultLayerStore()) {
  return useQuery({ queryKey: LAYERS_KEY, queryFn: () => listLayers(store) });
}

export function useSaveLayer(store: KeyValueStore = defaultLayerStore()) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (layer: ImportedLayer) => saveLayer(store, layer),
    onSettled: () => client.invalidateQueries({ queryKey: LAYERS_KEY }),
  });
}

export function useRemoveLayer(store: KeyValueStore = defaultLayerStore()) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => removeLayer(store, id),
    onSettled: () => client.invalidateQueries({ queryKey: LAYERS_KEY }),
  });
}
