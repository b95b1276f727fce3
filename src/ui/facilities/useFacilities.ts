/**
 * The facility state machine: which facilities are in play, the radius in force, coverage and the
 * population model in the web worker, and the map overlays. Imported layers (useLayerImport.ts) and
 * proposed sites with their suggestions (useProposedSites.ts) plug in here; the panel reads one
 * handle. The view state (and so the link) holds what a colleague must see; everything per browser
 * or per session stays here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearPopulation, defaultPopulationStore, loadPopulation, savePopulation, type LoadedPopulation } from '../../data/imported-population.ts';
import { useTownSeats } from '../../data/useTownSeats.ts';
import type { UnmatchedTown } from '../../domain/town-seats.ts';
import type { CoverageFigures, CoverageResult } from '../../domain/coverage/index.ts';
import { MAX_SERVICE_CIRCLES } from '../../domain/coverage/geometry.ts';
import type { ComputeResponse, SessionFacility, SessionInfo } from '../../domain/coverage/session.ts';
import type { CrsId } from '../../domain/crs.ts';
import type { DistrictCollection } from '../../domain/districts.ts';
import type { Facility } from '../../domain/facilities.ts';
import { categoryById } from '../../domain/facility-categories.ts';
import { checkImportSize, type ImportIssue, type ImportStats } from '../../domain/import/index.ts';
import { townSeatFacilities } from '../../domain/town-seats.ts';
import { withCategoryVisible, withRadius, type Bilingual, type Lang, type Site, type ViewState } from '../../domain/url-state.ts';
import { coverageOverlays, DEFAULT_FOOTPRINT_COLOUR } from '../../map/layers/coverage.ts';
import { visibleLayers } from '../../map/layers/catalogue.ts';
import { TOWN_SEAT_ATTRIBUTION, facilityOverlays, facilityPoints } from '../../map/layers/facilities.ts';
import type { Overlay } from '../../map/overlay.ts';
import { createCoverageWorker, type CoverageWorkerHandle } from '../../workers/coverage-client.ts';
import { latestOnly, type LatestOnly } from './latest-only.ts';
import { errorText, unreadable, useImportParser, useLayerImport, type ImportState, type LayerEntry } from './useLayerImport.ts';
import { useProposedSites, useSiteSuggestions, type CandidateKind, type SuggestionState } from './useProposedSites.ts';
import {
  availableFacilities,
  countByCategory,
  coverageLabel as labelFor,
  facilitiesInPlay,
  radiusInForce as radiusFor,
  standardInForce,
  visibleCategories,
  type StandardInForce,
} from './model.ts';

export interface FacilitiesArgs {
  view: ViewState;
  update: (change: (s: ViewState) => ViewState) => void;
  districts: DistrictCollection | undefined;
  censusPopulation: Readonly<Record<string, number>> | undefined;
  lang: Lang;
}

export interface PopulationInUse {
  status: 'imported';
  fileName: string;
  info: SessionInfo;
  warnings: ImportIssue[];
  stats: Pick<ImportStats, 'imported' | 'skipped'>;
  /** Read back from this browser's storage, not imported in this session. */
  restored: boolean;
  /** The browser refused to store the file: it applies until the page closes. */
  saveError: Bilingual | null;
}

export type PopulationState =
  /** `storeMessage`: a stored file could not be read back (and was removed), or could not be removed. */
  | { status: 'census'; storeMessage?: Bilingual }
  /** `previous`: the file still in use while another is read, or after it was refused. */
  | { status: 'reading'; fileName: string; previous: PopulationInUse | null }
  | PopulationInUse
  | { status: 'failed'; fileName: string; errors: ImportIssue[]; previous: PopulationInUse | null };

/** The population file the coverage is computed with, whatever else the panel is showing. */
export function populationInUse(p: PopulationState): PopulationInUse | null {
  if (p.status === 'imported') return p;
  return p.status === 'reading' || p.status === 'failed' ? p.previous : null;
}

const STORED_UNREADABLE: Bilingual = {
  zh: '本浏览器中保存的人口文件无法读取，已删除；现按普查人口模型计算。',
  en: 'The population file stored in this browser could not be read and was removed; the census model applies.',
};


const NO_TOWNS: readonly UnmatchedTown[] = Object.freeze([]);

export interface FacilitiesHandle {
  overlays: Overlay[];
  coverage: CoverageResult | null;
  coverageLabel: Bilingual | null;
  radiusInForce: number | null;
  pick: ((p: { lon: number; lat: number }) => void) | null;

  lang: Lang;
  visibleCategories: readonly string[];
  setCategoryVisible: (id: string, visible: boolean) => void;
  /** Facilities on the map per category, whatever its visibility (town seats, shown layers, sites). */
  availableCounts: Record<string, number>;
  facilitiesInPlay: number;
  /** `unmatched`: the township units without a GeoNames seat, listed without a position. */
  townSeats: { status: 'loading' | 'ready' | 'error'; error: string | null; unmatched: readonly UnmatchedTown[] };

  standard: StandardInForce | null;
  /** While the slider moves: numbers only, the link is written when it settles. */
  dragRadius: (radius: number) => void;
  commitRadius: (radius: number) => void;
  resetRadius: () => void;
  /** The link sets a radius (even one equal to the default): resetting has something to do. */
  radiusSet: boolean;
  dragging: boolean;

  /** The worker has the districts prepared. */
  ready: boolean;
  computing: boolean;
  computeError: Bilingual | null;
  timings: ComputeResponse['timings'] | null;
  /** The drawn areas belong to another radius or facility set (numbers are current). */
  geometryStale: boolean;
  /** Areas drawn as the merged footprint because there are too many facilities for circles. */
  footprintOnly: boolean;
  censusAvailable: boolean;
  /** How residents are placed, in one line (the summary gives the details). */
  populationModelText: Bilingual;
  /** One district's figures with their label and population model, for the district card. */
  districtCoverage: (adcode: string) => { label: Bilingual; figures: CoverageFigures; populationModel: Bilingual } | null;

  importCrs: CrsId | null;
  setImportCrs: (crs: CrsId) => void;
  importDefaultCategory: string | null;
  setImportDefaultCategory: (id: string | null) => void;
  importFile: (file: File) => void;
  importState: ImportState;
  layers: LayerEntry[];
  layersLoading: boolean;
  droppedLayers: number;
  storeError: string | null;
  setLayerShown: (id: string, shown: boolean) => void;
  exportLayer: (id: string) => void;
  removeLayer: (id: string) => void;

  population: PopulationState;
  importPopulation: (file: File, crs: CrsId) => void;
  resetPopulation: () => void;

  sites: readonly Site[];
  maxSites: number;
  placing: string | null;
  startPlacing: (category: string) => void;
  stopPlacing: () => void;
  removeSite: (index: number) => void;
  pickError: Bilingual | null;

  suggestion: SuggestionState | null;
  suggest: (category: string, k: number, candidates: CandidateKind) => void;
  adoptSuggestion: (index: number) => void;
}

/** Radius slider inputs this far apart in time count as one drag; then geometry is drawn. */
export const SETTLE_MS = 350;

interface ComputeRequest {
  facilities: SessionFacility[];
  source: readonly Facility[];
  radius: number;
  geometry: boolean;
  /** Population model the request was made under (bumped on every change of model). */
  populationVersion: number;
}

interface DrawnGeometry {
  response: ComputeResponse;
  source: readonly Facility[];
  radius: number;
}


/** What crosses to the worker: positions, plus names only when circles will be drawn. */
function sessionPayload(facilities: readonly Facility[]): SessionFacility[] {
  return facilities.length <= MAX_SERVICE_CIRCLES
    ? facilities.map(({ id, name, category, lon, lat }) => ({ id, name, category, lon, lat }))
    : facilities.map(({ lon, lat }) => ({ lon, lat }));
}

export function useFacilities({ view, update, districts, censusPopulation, lang }: FacilitiesArgs): FacilitiesHandle {
  const cats = visibleCategories(view);
  const towns = useTownSeats();
  const parser = useImportParser();
  const imports = useLayerImport(view, update, parser);
  const { allLayers } = imports;

  // --- facilities --------------------------------------------------------------------------------
  const townFacilities = useMemo(() => (towns.data ? townSeatFacilities(towns.data) : undefined), [towns.data]);
  const available = useMemo(
    () => availableFacilities({ towns: townFacilities, layers: allLayers, view: { imported: view.imported, sites: view.sites } }),
    [townFacilities, allLayers, view.imported, view.sites],
  );
  const inPlay = useMemo(() => facilitiesInPlay(available, cats), [available, cats]);
  const availableCounts = useMemo(() => countByCategory(available), [available]);

  // --- radius ------------------------------------------------------------------------------------
  const [draftRadius, setDraftRadius] = useState<number | null>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const viewRadius = radiusFor(view);
  const radius = cats.length === 0 ? null : (draftRadius ?? viewRadius);
  const dragging = draftRadius !== null;
  const commitRadius = useCallback(
    (r: number) => {
      if (settleTimer.current) clearTimeout(settleTimer.current);
      settleTimer.current = null;
      update((s) => withRadius(s, r));
      setDraftRadius(null);
    },
    [update],
  );
  const dragRadius = useCallback(
    (r: number) => {
      setDraftRadius(r);
      if (settleTimer.current) clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => commitRadius(r), SETTLE_MS);
    },
    [commitRadius],
  );
  const resetRadius = useCallback(() => {
    if (settleTimer.current) clearTimeout(settleTimer.current);
    settleTimer.current = null;
    setDraftRadius(null);
    update((s) => withRadius(s, null));
  }, [update]);
  useEffect(() => () => void (settleTimer.current && clearTimeout(settleTimer.current)), []);

  // --- coverage worker -----------------------------------------------------------------------------
  const [worker, setWorker] = useState<CoverageWorkerHandle | null>(null);
  useEffect(() => {
    const handle = createCoverageWorker();
    setWorker(handle);
    return () => handle.terminate();
  }, []);

  const [sessionVersion, setSessionVersion] = useState(0);
  const [computeError, setComputeError] = useState<Bilingual | null>(null);
  const populationPoints = useRef<Parameters<CoverageWorkerHandle['api']['setPopulationPoints']>[0]>(null);
  const [population, setPopulation] = useState<PopulationState>({ status: 'census' });
  // Set by an import or a reset: from then on the stored file is not applied.
  const populationChosen = useRef(false);
  // Read from IndexedDB once; every (re)initialisation of the worker awaits the same read.
  const storedPopulation = useRef<Promise<LoadedPopulation> | null>(null);

  useEffect(() => {
    if (!worker || !districts) return;
    let live = true;
    (async () => {
      await worker.api.init(districts, censusPopulation);
      // A new grid starts from the census; a population file the user gave still applies.
      if (populationPoints.current) await worker.api.setPopulationPoints(populationPoints.current);
      else if (!populationChosen.current) {
        // Before the first numbers, so that a reload never shows census figures first.
        const store = defaultPopulationStore();
        storedPopulation.current ??= loadPopulation(store).catch(() => ({ status: 'dropped' }) as const);
        const stored = await storedPopulation.current;
        if (!live || populationChosen.current) return;
        if (stored.status === 'dropped') {
          void clearPopulation(store).catch(() => undefined);
          setPopulation({ status: 'census', storeMessage: STORED_UNREADABLE });
        }
        if (stored.status === 'stored') {
          const { fileName, imported, skipped, points } = stored.population;
          const info = await worker.api.setPopulationPoints(points);
          // An import or a reset meanwhile reaches the worker after this, so it wins there too.
          if (!live || populationChosen.current) return;
          populationPoints.current = points;
          setPopulation({ status: 'imported', fileName, info, warnings: [], stats: { imported, skipped }, restored: true, saveError: null });
          setPopulationVersion((v) => v + 1);
        }
      }
      if (live) setSessionVersion((v) => v + 1);
    })().catch((e: unknown) => {
      if (live)
        setComputeError({ zh: `覆盖计算无法启动：${errorText(e)}`, en: `Coverage could not start: ${errorText(e)}` });
    });
    return () => {
      live = false;
    };
  }, [worker, districts, censusPopulation]);

  const [latest, setLatest] = useState<{ response: ComputeResponse; source: readonly Facility[]; radius: number; populationVersion: number } | null>(null);
  const [drawn, setDrawn] = useState<DrawnGeometry | null>(null);
  const [computing, setComputing] = useState(false);
  const scheduler = useRef<LatestOnly<ComputeRequest> | null>(null);
  useEffect(() => {
    if (!worker) return;
    const s = latestOnly<ComputeRequest, ComputeResponse>(
      (req) => worker.api.compute(req.facilities, req.radius, { geometry: req.geometry }),
      (response, req) => {
        setComputeError(null);
        setLatest({ response, source: req.source, radius: req.radius, populationVersion: req.populationVersion });
        if (response.geometry) setDrawn({ response, source: req.source, radius: req.radius });
      },
      (e) => setComputeError({ zh: `覆盖计算出错：${errorText(e)}`, en: `Coverage computation failed: ${errorText(e)}` }),
      () => setComputing(false),
    );
    scheduler.current = s;
    return () => s.cancel();
  }, [worker]);

  const payload = useMemo(() => sessionPayload(inPlay), [inPlay]);
  const [populationVersion, setPopulationVersion] = useState(0);
  useEffect(() => {
    const s = scheduler.current;
    if (!s || sessionVersion === 0) return;
    if (radius === null || inPlay.length === 0) {
      s.cancel();
      setLatest(null);
      setDrawn(null);
      setComputing(false);
      return;
    }
    setComputing(true);
    s.request({ facilities: payload, source: inPlay, radius, geometry: !dragging, populationVersion });
  }, [sessionVersion, populationVersion, payload, inPlay, radius, dragging]);

  const current = latest && radius !== null && inPlay.length > 0 ? latest : null;
  // Until the result for exactly these inputs is in, the figures on screen are being updated.
  const upToDate = current !== null && current.source === inPlay && current.radius === radius && current.populationVersion === populationVersion;
  // A result for an older facility set can still be showing while the new one computes.
  const coverage = current?.response.result ?? null;
  const geometryStale = drawn !== null && (drawn.radius !== radius || drawn.source !== inPlay);

  // --- overlays ------------------------------------------------------------------------------------
  const layersOn = useMemo(() => visibleLayers(view.layers), [view.layers]);
  const showFacilities = layersOn.has('facilities');
  const showCoverage = layersOn.has('coverage');
  const showGaps = layersOn.has('gaps');
  const points = useMemo(() => facilityPoints(inPlay), [inPlay]);
  const townSeatsShown = showFacilities && inPlay.some((f) => f.source === 'town-seat');
  const footprintColour = cats.length === 1 ? (categoryById(cats[0]!)?.color ?? DEFAULT_FOOTPRINT_COLOUR) : DEFAULT_FOOTPRINT_COLOUR;
  const drawnGeometry = inPlay.length > 0 && radius !== null ? drawn : null;
  const overlays = useMemo(
    () => [
      ...coverageOverlays({
        circles: drawnGeometry?.response.circles ?? null,
        footprint: drawnGeometry?.response.geometry?.footprint ?? null,
        gaps: drawnGeometry?.response.geometry?.gaps ?? null,
        showCoverage,
        showGaps,
        footprintColour,
        stale: geometryStale,
      }),
      ...facilityOverlays({ points, visible: showFacilities, attribution: townSeatsShown ? TOWN_SEAT_ATTRIBUTION : undefined }),
    ],
    [drawnGeometry, showCoverage, showGaps, footprintColour, geometryStale, points, showFacilities, townSeatsShown],
  );

  // --- categories ----------------------------------------------------------------------------------
  const setCategoryVisible = useCallback((id: string, visible: boolean) => update((s) => withCategoryVisible(s, id, visible, [])), [update]);

  // --- population ------------------------------------------------------------------------------------
  const importPopulation = useCallback(
    (file: File, crs: CrsId) => {
      const fileName = file.name;
      const tooLarge = checkImportSize(file.size, fileName);
      // A refused file leaves the one in use (if any) in use, and the panel says so.
      const refuse = (errors: ImportIssue[]) => setPopulation((p) => ({ status: 'failed', fileName, errors, previous: populationInUse(p) }));
      if (tooLarge) {
        refuse([tooLarge]);
        return;
      }
      if (!worker) return;
      setPopulation((p) => ({ status: 'reading', fileName, previous: populationInUse(p) }));
      (async () => {
        const result = await parser().parsePopulation(await file.arrayBuffer(), { crs, fileName });
        if (!result.ok) {
          refuse(result.errors);
          return;
        }
        populationChosen.current = true;
        const points = result.points.map(({ lon, lat, population: p }) => ({ lon, lat, population: p }));
        const info = await worker.api.setPopulationPoints(points);
        populationPoints.current = points;
        const { imported, skipped } = result.stats;
        const saved = await savePopulation(defaultPopulationStore(), { fileName, crs, importedAt: new Date().toISOString(), imported, skipped, points });
        setPopulation({ status: 'imported', fileName, info, warnings: result.warnings, stats: { imported, skipped }, restored: false, saveError: saved.ok ? null : saved.message });
        setPopulationVersion((v) => v + 1);
      })().catch((e: unknown) => refuse([unreadable(fileName, e)]));
    },
    [worker, parser],
  );
  const resetPopulation = useCallback(() => {
    if (!worker) return;
    populationChosen.current = true;
    populationPoints.current = null;
    void (async () => {
      const cleared = await clearPopulation(defaultPopulationStore()).then(
        () => true,
        () => false,
      );
      await worker.api.setPopulationPoints(null);
      setPopulation(
        cleared
          ? { status: 'census' }
          : {
              status: 'census',
              storeMessage: {
                zh: '已恢复普查人口模型，但未能从本浏览器中删除保存的人口文件：刷新页面后它可能再次生效。',
                en: 'Back to the census model, but the population file stored in this browser could not be removed: it may apply again after a reload.',
              },
            },
      );
      setPopulationVersion((v) => v + 1);
    })();
  }, [worker]);

  // --- proposed sites and suggestions -------------------------------------------------------------------
  const sites = useProposedSites(view, update);
  const { addSite, ...siteHandle } = sites;
  const suggestions = useSiteSuggestions({ worker, radius, available, townFacilities, populationVersion, addSite });

  // --- labels ----------------------------------------------------------------------------------------------
  const label = useMemo(() => labelFor(cats, radius), [cats, radius]);
  const importedPopulationFile = populationInUse(population)?.fileName ?? null;
  const populationModelText: Bilingual = useMemo(
    () =>
      importedPopulationFile !== null
        ? { zh: `人口按导入文件“${importedPopulationFile}”的点计`, en: `Population: the points of the imported file "${importedPopulationFile}"` }
        : censusPopulation
          ? { zh: '人口按各区2020年普查常住人口在区内均匀分布（近似）', en: "Population: each district's 2020 census residents spread evenly over its area (an approximation)" }
          : { zh: '普查人口未加载，只计算面积覆盖率', en: 'Census population not loaded: area shares only' },
    [importedPopulationFile, censusPopulation],
  );
  const districtCoverage = useCallback(
    (adcode: string) => {
      const figures = coverage?.districts.find((d) => d.adcode === adcode);
      return figures && label ? { label, figures, populationModel: populationModelText } : null;
    },
    [coverage, label, populationModelText],
  );

  const { allLayers: _all, ...importHandle } = imports;
  return {
    overlays,
    coverage,
    coverageLabel: label,
    radiusInForce: radius,
    lang,
    visibleCategories: cats,
    setCategoryVisible,
    availableCounts,
    facilitiesInPlay: inPlay.length,
    townSeats: {
      status: towns.isPending ? 'loading' : towns.error ? 'error' : 'ready',
      error: towns.error?.message ?? null,
      unmatched: towns.data?.unmatched ?? NO_TOWNS,
    },
    standard: standardInForce(cats, radius),
    dragRadius,
    commitRadius,
    resetRadius,
    radiusSet: view.radius !== null,
    dragging,
    ready: sessionVersion > 0,
    computing: computing || (radius !== null && inPlay.length > 0 && !upToDate && computeError === null),
    computeError,
    timings: current?.response.timings ?? null,
    geometryStale,
    footprintOnly: drawnGeometry !== null && drawnGeometry.response.circles === null,
    censusAvailable: censusPopulation !== undefined,
    populationModelText,
    districtCoverage,
    ...importHandle,
    population,
    importPopulation,
    resetPopulation,
    ...siteHandle,
    ...suggestions,
  };
}
