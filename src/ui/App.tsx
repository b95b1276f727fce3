import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bbox } from '@turf/turf';
import { useDistricts, LAND_FILE } from '../data/useDistricts.ts';
import { useIndicators } from '../data/useIndicators.ts';
import { useImportedLayers } from '../data/imported-layers.ts';
import { staticUrl } from '../data/static-url.ts';
import {
  choroplethModel,
  defaultYear,
  fillByAdcode,
  mappableIndicators,
  resolveIndicator,
  targetYears,
  yearOptions,
  type YearOption,
} from '../domain/choropleth.ts';
import { COVERAGE_AREA_INDICATOR, COVERAGE_POPULATION_INDICATOR, coverageExternalValues } from '../domain/coverage/as-indicators.ts';
import { DISTRICTS } from '../domain/districts.ts';
import { CATEGORY_CATALOGUE } from '../domain/facility-categories.ts';
import { availableYears, cardFor, valueFor, CITY_SCOPE, type ExternalValues } from '../domain/indicators/index.ts';
import { DEFAULT_TARGET_YEAR } from '../domain/indicators/select.ts';
import { DEFAULT_VIEW, shareUrl, withDistrict, withLang, type DecodeContext, type ViewState } from '../domain/url-state.ts';
import { MapView } from '../map/MapView.tsx';
import { MAP_LAYER_IDS, visibleLayers } from '../map/layers/catalogue.ts';
import { districtOverlays, DEFAULT_DISTRICT_FILL } from '../map/layers/districts.ts';
import { districtLabelPoints } from '../map/layers/district-labels.ts';
import { ONLINE_BASEMAP_IDS, onlineBasemapOverlay, tiandituKey } from '../map/layers/online-basemaps.ts';
import { DistrictCard } from './DistrictCard.tsx';
import { DistrictList } from './DistrictList.tsx';
import { censusPopulationFromDb } from './facilities/census.ts';
import { FacilityPanel } from './facilities/FacilityPanel.tsx';
import { useFacilities } from './facilities/useFacilities.ts';
import { Header } from './Header.tsx';
import { createPointerStore, MapHover } from './HoverInfo.tsx';
import { LangContext, type Lang } from './i18n.ts';
import { IndicatorControls } from './IndicatorControls.tsx';
import { LayerToggles } from './LayerToggles.tsx';
import { Legend } from './Legend.tsx';
import { LinkNotices } from './LinkNotices.tsx';
import { ShareExport } from './ShareExport.tsx';
import { StatusMessage } from './StatusMessage.tsx';
import { useViewState } from './useViewState.ts';

const noUpdate = () => {};

/** The language a link asks for, read before the data loads so the first paint is in it. */
function linkLang(): Lang {
  return new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'zh';
}

/** Coverage joins the indicators only once the radius stops moving: rebuilding them takes ~25 ms. */
const COVERAGE_SETTLE_MS = 400;

/** Width of the district card over the map (app.css .district-card). */
const CARD_WIDTH_PX = 400;

export function App() {
  const districts = useDistricts();
  const [coverageValues, setCoverageValues] = useState<ExternalValues | undefined>(undefined);
  const indicators = useIndicators(coverageValues);
  const imported = useImportedLayers();
  const db = indicators.data;
  const items = useMemo(() => (db ? mappableIndicators(db) : []), [db]);

  // Links are decoded once everything they may name is known (or has failed to load).
  const settled = (q: { isLoading: boolean }) => !q.isLoading;
  const context = useMemo<DecodeContext | null>(() => {
    if (!settled(districts) || !settled(indicators) || !settled(imported)) return null;
    return {
      // The scenario's coverage indicators exist once coverage is computed, after the link is read.
      indicatorIds: [...items.map((i) => i.indicator.id), COVERAGE_POPULATION_INDICATOR, COVERAGE_AREA_INDICATOR],
      adcodes: DISTRICTS.map((d) => d.adcode),
      layerIds: MAP_LAYER_IDS,
      categoryIds: CATEGORY_CATALOGUE.categories.map((c) => c.id),
      importedIds: imported.data?.layers.map((l) => l.id) ?? [],
      yearsOf: db ? (id) => availableYears(db, id).map((y) => y.year) : undefined,
    };
    // The query objects change identity on every render; their states are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [districts.isLoading, indicators.isLoading, imported.isLoading, items, db, imported.data]);
  const viewHandle = useViewState(context);
  const view: ViewState = viewHandle?.state ?? { ...DEFAULT_VIEW, lang: linkLang() };
  const update = viewHandle?.update ?? noUpdate;
  const lang = view.lang;

  // --- choropleth: indicator, year and view in force -------------------------------------------
  const item = resolveIndicator(items, view.indicator);
  const indicatorId = item?.indicator.id ?? null;
  const targets = useMemo(() => (db && indicatorId ? targetYears(db, indicatorId) : []), [db, indicatorId]);
  const canTarget = !!item && item.indicator.better !== 'neutral' && targets.length > 0;
  const targetMode = view.view === 'target' && canTarget;
  const years: YearOption[] = useMemo(() => {
    if (!item) return [];
    if (!targetMode) return yearOptions(item);
    return targets.map((year) => ({ year, kind: 'target', districts: item.years.find((y) => y.year === year)?.districts ?? 0 }));
  }, [item, targetMode, targets]);
  const year =
    view.year !== null && years.some((y) => y.year === view.year)
      ? view.year
      : targetMode
        ? targets.includes(DEFAULT_TARGET_YEAR)
          ? DEFAULT_TARGET_YEAR
          : targets[0]!
        : item
          ? defaultYear(item)
          : null;
  const model = useMemo(
    () =>
      db && indicatorId && year !== null
        ? choroplethModel(db, { ...view, view: targetMode ? 'target' : 'value' }, indicatorId, year)
        : undefined,
    // Only the fields the model reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [db, indicatorId, year, targetMode, view.target, view.goal, view.method, view.classes, view.palette, view.lang],
  );
  const { planTarget, goals } = useMemo(() => {
    if (!db || !indicatorId || year === null || !targetMode) return { planTarget: null, goals: { city: false, own: false } };
    const city = valueFor(db, indicatorId, CITY_SCOPE, year, 'target')?.primary.display ?? null;
    const own = DISTRICTS.some((d) => valueFor(db, indicatorId, d.adcode, year, 'target'));
    return { planTarget: city, goals: { city: city !== null, own } };
  }, [db, indicatorId, year, targetMode]);

  // From the documents' database, which the scenario's coverage never rebuilds: the coverage
  // worker is not re-initialised by its own result.
  const censusPopulation = useMemo(() => censusPopulationFromDb(indicators.base), [indicators.base]);
  const facilities = useFacilities({ view, update, districts: districts.data, censusPopulation, lang });

  // The coverage of the scenario as indicators (choropleth, card), once the numbers settle.
  const { coverage, coverageLabel, populationModelText } = facilities;
  useEffect(() => {
    const timer = setTimeout(
      () => setCoverageValues(coverage && coverageLabel ? coverageExternalValues(coverage, coverageLabel, populationModelText) : undefined),
      COVERAGE_SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [coverage, coverageLabel, populationModelText]);

  // --- map -------------------------------------------------------------------------------------
  const layers = useMemo(() => visibleLayers(view.layers), [view.layers]);
  const labelPoints = useMemo(() => (districts.data ? districtLabelPoints(districts.data) : null), [districts.data]);
  const fills = useMemo(() => (layers.has('districts') ? fillByAdcode(model) : {}), [layers, model]);
  const overlays = useMemo(() => {
    if (!districts.data || !labelPoints) return [];
    const [districtFill, labels] = districtOverlays({
      districts: districts.data,
      labelPoints,
      fillByAdcode: fills,
      noDataColour: DEFAULT_DISTRICT_FILL,
      selectedAdcode: view.district,
      lang,
      showLabels: layers.has('labels'),
    });
    // Online basemaps (off by default) under everything the app draws.
    const basemaps = ONLINE_BASEMAP_IDS.flatMap((id) =>
      layers.has(id) ? (onlineBasemapOverlay(id, tiandituKey()) ?? []) : [],
    );
    return [...basemaps, districtFill!, ...facilities.overlays, labels!];
  }, [districts.data, labelPoints, fills, view.district, lang, layers, facilities.overlays]);

  const mapRef = useRef<MapLibreMap | null>(null);
  const pointer = useMemo(createPointerStore, []);
  const contentReady = !districts.isLoading && !indicators.isLoading && viewHandle !== null;

  const link = useCallback(() => {
    const map = mapRef.current;
    const camera = map
      ? { zoom: map.getZoom(), lat: map.getCenter().lat, lng: map.getCenter().lng, bearing: map.getBearing(), pitch: map.getPitch() }
      : null;
    return shareUrl({ ...view, camera }, window.location.href);
  }, [view]);

  // Picked from the list, a district is brought into view beside its card (a click on the map
  // leaves the camera where the planner put it).
  const showDistrict = useCallback(
    (adcode: string) => {
      const map = mapRef.current;
      const feature = districts.data?.features.find((f) => f.properties.adcode === adcode);
      if (!map || !feature) return;
      const [west, south, east, north] = bbox(feature);
      map.fitBounds(
        [
          [west, south],
          [east, north],
        ],
        // Keep clear of the card, but never pad away more than half of a small map.
        { padding: { top: 40, bottom: 60, left: 40, right: Math.min(CARD_WIDTH_PX + 80, map.getCanvas().clientWidth / 2) }, maxZoom: 11, duration: 600 },
      );
    },
    [districts.data],
  );

  const card = useMemo(() => (db && view.district ? cardFor(db, view.district as (typeof DISTRICTS)[number]['adcode']) : undefined), [db, view.district]);
  const closeCard = useCallback(() => update((s) => withDistrict(s, null)), [update]);

  return (
    <LangContext.Provider value={lang}>
      <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <Header lang={lang} onLangChange={(l) => update((s) => withLang(s, l))}>
          <ShareExport shareUrl={link} model={model} mapCanvas={() => mapRef.current?.getCanvas() ?? null} />
        </Header>
        <aside className="sidebar" aria-label={lang === 'zh' ? '图层与指标' : 'Layers and indicators'}>
          {(districts.isLoading || indicators.isLoading) && (
            <StatusMessage kind="loading" text={{ zh: '正在加载数据…', en: 'Loading data…' }} />
          )}
          {districts.error && (
            <StatusMessage kind="error" text={{ zh: `行政区数据有误：${districts.error.message}`, en: `District data error: ${districts.error.message}` }} />
          )}
          {indicators.error && (
            <StatusMessage kind="error" text={{ zh: `指标数据有误：${indicators.error.message}`, en: `Indicator data error: ${indicators.error.message}` }} />
          )}
          {item && indicatorId && year !== null && (
            <IndicatorControls
              view={view}
              update={update}
              items={items}
              indicatorId={indicatorId}
              year={year}
              years={years}
              canTarget={canTarget}
              planTarget={planTarget}
              goals={goals}
            />
          )}
          <LayerToggles view={view} update={update} />
          {districts.data && (
            <DistrictList
              districts={districts.data}
              rows={model?.rows}
              selected={view.district}
              onSelect={(adcode) => {
                update((s) => withDistrict(s, adcode));
                showDistrict(adcode);
              }}
            />
          )}
          <FacilityPanel facilities={facilities} />
        </aside>
        <main className="map-area">
          <MapView
            landUrl={staticUrl(LAND_FILE)}
            overlays={overlays}
            contentReady={contentReady}
            ariaLabel={lang === 'zh' ? '江门市行政区地图' : 'Map of Jiangmen districts'}
            onHover={pointer.set}
            onDistrictClick={(adcode) => update((s) => withDistrict(s, adcode))}
            onPick={facilities.pick}
            onMapReady={(map) => (mapRef.current = map)}
          />
          {viewHandle && <LinkNotices notices={viewHandle.notices} onDismiss={viewHandle.dismissNotices} />}
          {model && layers.has('districts') && <Legend model={model} />}
          <MapHover store={pointer} rows={model?.rows} />
          {card && <DistrictCard card={card} mappedIndicator={indicatorId} coverage={view.district ? facilities.districtCoverage(view.district) : null} onClose={closeCard} />}
        </main>
      </div>
    </LangContext.Provider>
  );
}
