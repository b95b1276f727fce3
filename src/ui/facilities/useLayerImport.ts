/**
 * Facility files: reading one in the import worker, keeping the layers in IndexedDB (or in memory
 * when the browser refuses to store them), showing, exporting and removing them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createLayer, newLayerId, useImportedLayers, useRemoveLayer, useSaveLayer, type ImportedLayer } from '../../data/imported-layers.ts';
import type { CrsId } from '../../domain/crs.ts';
import type { Facility } from '../../domain/facilities.ts';
import { checkImportSize, toGeoJson, type ImportIssue, type ImportStats } from '../../domain/import/index.ts';
import { withCategoryVisible, withImported, type Bilingual, type ViewState } from '../../domain/url-state.ts';
import { createImportWorker, type ImportWorkerHandle } from '../../workers/import-client.ts';
import { download } from '../download.ts';
import { countByCategory } from './model.ts';

export type ImportState =
  | { status: 'idle' }
  /** A file arrived before the coordinate system was chosen: it waits for the choice. */
  | { status: 'waiting-crs'; fileName: string }
  | { status: 'reading'; fileName: string }
  | { status: 'done'; fileName: string; layerId: string; stats: ImportStats; warnings: ImportIssue[]; saveError: Bilingual | null }
  | { status: 'failed'; fileName: string; errors: ImportIssue[] };

export interface LayerEntry {
  layer: ImportedLayer;
  shown: boolean;
  /** false: kept in memory only (the browser refused to store it). */
  stored: boolean;
  counts: Record<string, number>;
}

type Update = (change: (s: ViewState) => ViewState) => void;

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A read failure as an import issue, naming the file. */
export function unreadable(fileName: string, e: unknown): ImportIssue {
  return {
    code: 'encoding-unreadable',
    message: { zh: `读取文件“${fileName}”时出错：${errorText(e)}`, en: `Could not read file "${fileName}": ${errorText(e)}` },
  };
}

const categoriesOf = (facilities: readonly Facility[]) => [...new Set(facilities.map((f) => f.category))];

/** Shows the categories of a layer too: a layer whose categories are all hidden would show nothing. */
const withLayerCategories = (s: ViewState, facilities: readonly Facility[]) =>
  categoriesOf(facilities).reduce((acc, c) => withCategoryVisible(acc, c, true, []), s);

/** The import worker, started on first use and stopped with the page. */
export function useImportParser(): () => ImportWorkerHandle {
  const worker = useRef<ImportWorkerHandle | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);
  return useCallback(() => (worker.current ??= createImportWorker()), []);
}

export function useLayerImport(view: Pick<ViewState, 'imported'>, update: Update, parser: () => ImportWorkerHandle) {
  const stored = useImportedLayers();
  const saveLayer = useSaveLayer();
  const removeStored = useRemoveLayer();
  // Layers the browser refused to store (quota): usable until the page closes.
  const [memoryLayers, setMemoryLayers] = useState<ImportedLayer[]>([]);
  const allLayers = useMemo(() => {
    const saved = stored.data?.layers ?? [];
    const ids = new Set(saved.map((l) => l.id));
    return [...saved, ...memoryLayers.filter((l) => !ids.has(l.id))];
  }, [stored.data, memoryLayers]);

  const [importCrs, setImportCrsState] = useState<CrsId | null>(null);
  const [importDefaultCategory, setImportDefaultCategory] = useState<string | null>(null);
  const [importState, setImportState] = useState<ImportState>({ status: 'idle' });
  const pendingFile = useRef<File | null>(null);

  const runImport = useCallback(
    async (file: File, crs: CrsId, defaultCategory: string | null) => {
      const fileName = file.name;
      const tooLarge = checkImportSize(file.size, fileName);
      if (tooLarge) {
        setImportState({ status: 'failed', fileName, errors: [tooLarge] });
        return;
      }
      setImportState({ status: 'reading', fileName });
      try {
        const buffer = await file.arrayBuffer();
        const id = newLayerId();
        const result = await parser().parseFacilities(buffer, {
          crs,
          fileName,
          idPrefix: id,
          ...(defaultCategory !== null && { defaultCategory }),
        });
        if (!result.ok) {
          setImportState({ status: 'failed', fileName, errors: result.errors });
          return;
        }
        const layer = createLayer(id, fileName, crs, result.facilities);
        const saved = await saveLayer.mutateAsync(layer);
        if (!saved.ok) setMemoryLayers((m) => [...m, layer]);
        update((s) => withLayerCategories(withImported(s, id, true), layer.facilities));
        setImportState({ status: 'done', fileName, layerId: id, stats: result.stats, warnings: result.warnings, saveError: saved.ok ? null : saved.message });
      } catch (e) {
        setImportState({ status: 'failed', fileName, errors: [unreadable(fileName, e)] });
      }
    },
    // mutateAsync is stable across renders (TanStack Query); the mutation object is not.
    [update, parser, saveLayer.mutateAsync],
  );

  const importFile = useCallback(
    (file: File) => {
      if (importCrs === null) {
        pendingFile.current = file;
        setImportState({ status: 'waiting-crs', fileName: file.name });
        return;
      }
      void runImport(file, importCrs, importDefaultCategory);
    },
    [importCrs, importDefaultCategory, runImport],
  );
  const setImportCrs = useCallback(
    (crs: CrsId) => {
      setImportCrsState(crs);
      const file = pendingFile.current;
      pendingFile.current = null;
      if (file) void runImport(file, crs, importDefaultCategory);
    },
    [importDefaultCategory, runImport],
  );

  const layers: LayerEntry[] = useMemo(() => {
    const shown = new Set(view.imported);
    const memory = new Set(memoryLayers.map((l) => l.id));
    return allLayers.map((layer) => ({ layer, shown: shown.has(layer.id), stored: !memory.has(layer.id), counts: countByCategory(layer.facilities) }));
  }, [allLayers, memoryLayers, view.imported]);

  const setLayerShown = useCallback(
    (id: string, shown: boolean) =>
      update((s) => {
        const next = withImported(s, id, shown);
        const layer = allLayers.find((l) => l.id === id);
        return shown && layer ? withLayerCategories(next, layer.facilities) : next;
      }),
    [update, allLayers],
  );
  const exportLayer = useCallback(
    (id: string) => {
      const layer = allLayers.find((l) => l.id === id);
      if (!layer) return;
      const blob = new Blob([JSON.stringify(toGeoJson(layer.facilities))], { type: 'application/geo+json' });
      download(blob, `${layer.fileName.replace(/\.[^.]*$/, '')}-wgs84.geojson`);
    },
    [allLayers],
  );
  const removeLayer = useCallback(
    (id: string) => {
      update((s) => withImported(s, id, false));
      setMemoryLayers((m) => m.filter((l) => l.id !== id));
      removeStored.mutate(id);
    },
    [update, removeStored.mutate],
  );

  return {
    allLayers,
    importCrs,
    setImportCrs,
    importDefaultCategory,
    setImportDefaultCategory,
    importFile,
    importState,
    layers,
    layersLoading: stored.isPending,
    droppedLayers: stored.data?.dropped ?? 0,
    storeError: stored.error?.message ?? null,
    setLayerShown,
    exportLayer,
    removeLayer,
  };
}
