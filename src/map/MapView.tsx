import { useEffect, useRef, useState } from 'react';
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, type LngLatBoundsLike } from 'maplibre-gl';
import { decodeView } from '../domain/url-state.ts';
import { baseStyle } from './base-style.ts';
import { drawMapImage } from './map-images.ts';
import type { Overlay } from './overlay.ts';
import { reconcileOverlays } from './reconcile.ts';
import { DISTRICT_FILL_LAYER, DISTRICT_SOURCE } from './layers/districts.ts';
import { FACILITY_POINT_LAYER, FACILITY_PROPOSED_LAYER } from './layers/facilities.ts';

/** Facility layers whose points name themselves on hover; proposed sites first (drawn on top). */
const FACILITY_HOVER_LAYERS = [FACILITY_PROPOSED_LAYER, FACILITY_POINT_LAYER];

/** Whole city in view when a link carries no camera. */
export const JIANGMEN_BOUNDS: LngLatBoundsLike = [
  [111.95, 21.45],
  [113.3, 22.88],
];

/** A facility point under the pointer, as its data properties (names are shown as text only). */
export interface PointedFacility {
  name: string;
  category: string;
  source: string;
}

export interface MapPointer {
  adcode: string | null;
  facility?: PointedFacility;
  x: number;
  y: number;
}

export interface MapViewProps {
  landUrl: string | null;
  overlays: Overlay[];
  /** False while the app still loads what the overlays will show: the map does not report ready before. */
  contentReady?: boolean;
  ariaLabel: string;
  onHover: (pointer: MapPointer | null) => void;
  onDistrictClick: (adcode: string) => void;
  /** When set, a click on the map reports its position instead of selecting a district. */
  onPick?: ((lngLat: { lon: number; lat: number }) => void) | null;
  onMapReady?: (map: MapLibreMap) => void;
}

declare global {
  interface Window {
    /** Test and benchmark hook: the live map and a promise for its next idle state. */
    __atlas?: { map: MapLibreMap; whenIdle: () => Promise<void> };
  }
}

export function MapView({ landUrl, overlays, contentReady = true, ariaLabel, onHover, onDistrictClick, onPick, onMapReady }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const handlers = useRef({ onHover, onDistrictClick, onPick });
  handlers.current = { onHover, onDistrictClick, onPick };

  useEffect(() => {
    // A camera the link scheme rejects (zoom 40, latitude 91…) is dropped before MapLibre reads and
    // clamps it: the map then fits the city, and the link decoder reports what was wrong.
    const hasCamera = decodeView('', window.location.hash).state.camera !== null;
    if (!hasCamera && window.location.hash !== '')
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    const instance = new MapLibreMap({
      container: container.current!,
      style: baseStyle(landUrl ? new URL(landUrl, document.baseURI).href : null),
      hash: true,
      bounds: hasCamera ? undefined : JIANGMEN_BOUNDS,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      // No label fade-in: each fading frame is a full software-rendered repaint on machines without a GPU,
      // and the map is not idle (ready to read or export) until the fade ends. bench/README.md.
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      maxBounds: [
        [108, 19],
        [117, 26],
      ],
    });
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    instance.addControl(new AttributionControl({ compact: false }), 'bottom-right');

    let hovered: string | null = null;
    const setHover = (adcode: string | null) => {
      if (hovered === adcode) return;
      if (hovered) instance.setFeatureState({ source: DISTRICT_SOURCE, id: hovered }, { hover: false });
      hovered = adcode;
      if (hovered) instance.setFeatureState({ source: DISTRICT_SOURCE, id: hovered }, { hover: true });
    };
    instance.on('mousemove', (e) => {
      if (!instance.getLayer(DISTRICT_FILL_LAYER)) return;
      // One query per move (this runs on every mouse move); features come topmost first.
      const pointLayers = FACILITY_HOVER_LAYERS.filter((id) => instance.getLayer(id));
      const features = instance.queryRenderedFeatures(e.point, { layers: [...pointLayers, DISTRICT_FILL_LAYER] });
      const feature = features.find((f) => f.layer.id === DISTRICT_FILL_LAYER);
      const adcode = (feature?.properties?.adcode as string | undefined) ?? null;
      setHover(adcode);
      instance.getCanvas().style.cursor = handlers.current.onPick ? 'crosshair' : adcode ? 'pointer' : '';
      const point = features.find((f) => f.layer.id !== DISTRICT_FILL_LAYER);
      const facility = point
        ? { name: String(point.properties.name ?? ''), category: String(point.properties.category ?? ''), source: String(point.properties.source ?? '') }
        : undefined;
      handlers.current.onHover(adcode || facility ? { adcode, x: e.point.x, y: e.point.y, ...(facility && { facility }) } : null);
    });
    instance.on('mouseout', () => {
      setHover(null);
      handlers.current.onHover(null);
    });
    instance.on('click', (e) => {
      if (handlers.current.onPick) {
        handlers.current.onPick({ lon: e.lngLat.lng, lat: e.lngLat.lat });
        return;
      }
      if (!instance.getLayer(DISTRICT_FILL_LAYER)) return;
      const feature = instance.queryRenderedFeatures(e.point, { layers: [DISTRICT_FILL_LAYER] })[0];
      const adcode = feature?.properties?.adcode as string | undefined;
      if (adcode) handlers.current.onDistrictClick(adcode);
    });
    instance.on('load', () => setReady(true));
    // Images (facility category shapes, the gap hatching) are drawn when a layer first asks. MapLibre 6
    // resolves missing images only through this resolver, not through the event.
    instance.setMissingStyleImageResolver((id) => {
      const ratio = window.devicePixelRatio || 1;
      const image = drawMapImage(id, ratio);
      if (image && !instance.hasImage(id)) instance.addImage(id, image, { pixelRatio: ratio });
    });

    const whenIdle = () =>
      new Promise<void>((resolve) => {
        if (instance.loaded() && !instance.isMoving()) resolve();
        else instance.once('idle', () => resolve());
      });
    window.__atlas = { map: instance, whenIdle };
    setMap(instance);
    onMapReady?.(instance);
    return () => {
      instance.remove();
      if (window.__atlas?.map === instance) delete window.__atlas;
    };
    // The map is created once; later prop changes flow through overlays.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!map || !ready) return;
    reconcileOverlays(map, overlays);
    if (container.current) container.current.dataset.mapReady = 'false';
    if (!contentReady) return;
    map.once('idle', () => {
      if (container.current) container.current.dataset.mapReady = 'true';
    });
    map.triggerRepaint();
  }, [map, ready, overlays, contentReady]);

  return (
    <div
      ref={container}
      className="map"
      data-testid="map"
      data-map-ready="false"
      role="region"
      aria-label={ariaLabel}
    />
  );
}
