import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Overlay } from './overlay.ts';

interface Applied {
  data: unknown;
  /** The source spec without its data: a change (e.g. attribution) means re-adding the source. */
  spec: string;
  layerSpecs: Map<string, AppliedLayer>;
}

interface AppliedLayer {
  json: string;
  /** The layer as applied, without its paint: equal means a paint change can be made in place. */
  structure: string;
  paint: Record<string, unknown>;
}

function appliedLayer(layer: LayerSpecification): AppliedLayer {
  const { paint, ...structure } = layer as LayerSpecification & { paint?: Record<string, unknown> };
  return { json: JSON.stringify(layer), structure: JSON.stringify(structure), paint: paint ?? {} };
}

/**
 * Paint changes (a new choropleth, a stale footprint drawn fainter) are set in place rather than by
 * removing and re-adding the layer. A constant paint value then needs no work in MapLibre's worker;
 * a data-driven one (the choropleth's match on adcode) still makes it lay the source out again.
 * Anything else (type, filter, layout, zoom range) replaces the layer.
 */
function updateLayer(map: MapLibreMap, before: AppliedLayer | undefined, layer: LayerSpecification, now: AppliedLayer): void {
  if (before && before.structure === now.structure && map.getLayer(layer.id)) {
    for (const key of new Set([...Object.keys(before.paint), ...Object.keys(now.paint)]))
      if (JSON.stringify(before.paint[key]) !== JSON.stringify(now.paint[key])) map.setPaintProperty(layer.id, key as never, now.paint[key] as never);
    return;
  }
  if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  map.addLayer(layer);
}

function specWithoutData(overlay: Overlay): string {
  const { data: _data, ...rest } = overlay.source as { data?: unknown };
  return JSON.stringify(rest);
}

/**
 * Only GeoJSON data is updated in place (setData). A raster source's tiles are part of its spec,
 * compared by value: new tiles (another key) re-add the source; an equal list leaves it alone.
 */
function sourceData(overlay: Overlay): unknown {
  return overlay.source.type === 'geojson' ? overlay.source.data : null;
}

const appliedByMap = new WeakMap<MapLibreMap, Map<string, Applied>>();

/**
 * Brings the live map in line with the desired overlays: adds, updates and removes sources and
 * layers, and keeps layer order equal to overlay order. Source data is compared by identity, so
 * callers memoise it; layer specs are compared by value.
 */
export function reconcileOverlays(map: MapLibreMap, overlays: Overlay[]): void {
  let applied = appliedByMap.get(map);
  if (!applied) {
    applied = new Map();
    appliedByMap.set(map, applied);
  }
  const wantedSources = new Set(overlays.map((o) => o.sourceId));
  for (const [sourceId, state] of applied) {
    if (wantedSources.has(sourceId)) continue;
    for (const layerId of state.layerSpecs.keys()) if (map.getLayer(layerId)) map.removeLayer(layerId);
    if (map.getSource(sourceId)) map.removeSource(sourceId);
    applied.delete(sourceId);
  }

  for (const overlay of overlays) {
    let state = applied.get(overlay.sourceId);
    if (state && state.spec !== specWithoutData(overlay)) {
      for (const layerId of state.layerSpecs.keys()) if (map.getLayer(layerId)) map.removeLayer(layerId);
      if (map.getSource(overlay.sourceId)) map.removeSource(overlay.sourceId);
      state = undefined;
    }
    if (!state || !map.getSource(overlay.sourceId)) {
      map.addSource(overlay.sourceId, overlay.source);
      state = { data: sourceData(overlay), spec: specWithoutData(overlay), layerSpecs: new Map() };
      applied.set(overlay.sourceId, state);
    } else if (state.data !== sourceData(overlay)) {
      (map.getSource(overlay.sourceId) as GeoJSONSource).setData(sourceData(overlay) as never);
      state.data = sourceData(overlay);
    }
    const wantedLayers = new Set(overlay.layers.map((l) => l.id));
    for (const layerId of [...state.layerSpecs.keys()]) {
      if (wantedLayers.has(layerId)) continue;
      if (map.getLayer(layerId)) map.removeLayer(layerId);
      state.layerSpecs.delete(layerId);
    }
    for (const layer of overlay.layers) {
      const before = state.layerSpecs.get(layer.id);
      const now = appliedLayer(layer);
      if (before?.json === now.json && map.getLayer(layer.id)) continue;
      updateLayer(map, before, layer, now);
      state.layerSpecs.set(layer.id, now);
    }
  }

  const desiredOrder = overlays.flatMap((o) => o.layers.map((l) => l.id));
  const currentOrder = map.getLayersOrder().filter((id) => desiredOrder.includes(id));
  if (currentOrder.join() !== desiredOrder.join()) for (const id of desiredOrder) map.moveLayer(id);
}
