import { describe, expect, it } from 'vitest';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Overlay } from './overlay.ts';
import { reconcileOverlays } from './reconcile.ts';

/** Just enough of a MapLibre map to record what the reconciler does to it. */
function fakeMap() {
  const sources = new Map<string, { spec: unknown; data: unknown; setData(d: unknown): void }>();
  const layers: LayerSpecification[] = [];
  const log: string[] = [];
  const map = {
    addSource(id: string, spec: { data?: unknown }) {
      log.push(`addSource ${id}`);
      const source = { spec, data: spec.data, setData: (d: unknown) => { log.push(`setData ${id}`); source.data = d; } };
      sources.set(id, source);
    },
    getSource: (id: string) => sources.get(id),
    removeSource(id: string) {
      log.push(`removeSource ${id}`);
      sources.delete(id);
    },
    addLayer(layer: LayerSpecification) {
      log.push(`addLayer ${layer.id}`);
      layers.push(layer);
    },
    getLayer: (id: string) => layers.find((l) => l.id === id),
    removeLayer(id: string) {
      log.push(`removeLayer ${id}`);
      layers.splice(layers.findIndex((l) => l.id === id), 1);
    },
    moveLayer(id: string) {
      const i = layers.findIndex((l) => l.id === id);
      layers.push(...layers.splice(i, 1));
    },
    getLayersOrder: () => layers.map((l) => l.id),
    setPaintProperty(id: string, key: string, value: unknown) {
      log.push(`setPaintProperty ${id} ${key}`);
      const layer = layers.find((l) => l.id === id) as { paint?: Record<string, unknown> };
      layer.paint = { ...layer.paint, [key]: value };
    },
  };
  return { map: map as unknown as MapLibreMap, sources, layers, log };
}

const collection = (n: number) => ({ type: 'FeatureCollection' as const, features: Array.from({ length: n }, () => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [113, 22.5] }, properties: {} })) });
const fill = (id: string, source: string, colour: string): LayerSpecification => ({ id, type: 'fill', source, paint: { 'fill-color': colour } });
const overlay = (sourceId: string, data: unknown, layers: LayerSpecification[], attribution?: string): Overlay => ({
  sourceId,
  source: { type: 'geojson', data: data as never, ...(attribution && { attribution }) },
  layers,
});

describe('reconcileOverlays', () => {
  it('adds sources and layers once, and does nothing when the overlays are unchanged', () => {
    const { map, log, layers } = fakeMap();
    const data = collection(2);
    const overlays = [overlay('a', data, [fill('a-fill', 'a', '#fff')])];
    reconcileOverlays(map, overlays);
    reconcileOverlays(map, [overlay('a', data, [fill('a-fill', 'a', '#fff')])]);
    expect(log).toEqual(['addSource a', 'addLayer a-fill']);
    expect(layers.map((l) => l.id)).toEqual(['a-fill']);
  });

  it('updates data in place when only the data changes, and paint in place when only the paint changes', () => {
    const { map, log, layers } = fakeMap();
    const three = collection(3);
    reconcileOverlays(map, [overlay('a', collection(1), [fill('a-fill', 'a', '#fff')])]);
    log.length = 0;
    reconcileOverlays(map, [overlay('a', three, [fill('a-fill', 'a', '#000')])]);
    expect(log).toEqual(['setData a', 'setPaintProperty a-fill fill-color']);
    expect(layers[0]).toEqual(fill('a-fill', 'a', '#000'));
    // A paint property that goes away is unset (undefined: back to the style default).
    log.length = 0;
    reconcileOverlays(map, [overlay('a', three, [{ id: 'a-fill', type: 'fill', source: 'a', paint: {} }])]);
    expect(log).toEqual(['setPaintProperty a-fill fill-color']);
  });

  it('replaces a layer whose filter, layout or type changes', () => {
    const { map, log } = fakeMap();
    const data = collection(1);
    reconcileOverlays(map, [overlay('a', data, [fill('a-fill', 'a', '#fff')])]);
    log.length = 0;
    reconcileOverlays(map, [overlay('a', data, [{ id: 'a-fill', type: 'fill', source: 'a', filter: ['==', ['get', 'k'], 1], paint: { 'fill-color': '#000' } }])]);
    expect(log).toEqual(['removeLayer a-fill', 'addLayer a-fill']);
  });

  it('re-adds a source whose spec changes apart from its data (e.g. its attribution)', () => {
    const { map, log, sources } = fakeMap();
    const data = collection(1);
    reconcileOverlays(map, [overlay('a', data, [fill('a-fill', 'a', '#fff')])]);
    log.length = 0;
    reconcileOverlays(map, [overlay('a', data, [fill('a-fill', 'a', '#fff')], 'GeoNames')]);
    expect(log).toEqual(['removeLayer a-fill', 'removeSource a', 'addSource a', 'addLayer a-fill']);
    expect((sources.get('a')!.spec as { attribution?: string }).attribution).toBe('GeoNames');
  });

  it('leaves a raster source alone when its tiles are equal, and re-adds it when they change', () => {
    const { map, log } = fakeMap();
    const raster = (key: string): Overlay => ({
      sourceId: 'osm',
      source: { type: 'raster', tiles: [`https://tiles.example/{z}/{x}/{y}.png?k=${key}`], tileSize: 256 },
      layers: [{ id: 'osm', type: 'raster', source: 'osm' }],
    });
    reconcileOverlays(map, [raster('a')]);
    log.length = 0;
    reconcileOverlays(map, [raster('a')]); // a new but equal tiles array
    expect(log).toEqual([]);
    reconcileOverlays(map, [raster('b')]);
    expect(log).toEqual(['removeLayer osm', 'removeSource osm', 'addSource osm', 'addLayer osm']);
  });

  it('removes what is no longer wanted and keeps layers in overlay order', () => {
    const { map, log, layers } = fakeMap();
    const a = collection(1);
    const b = collection(1);
    reconcileOverlays(map, [overlay('a', a, [fill('a-fill', 'a', '#fff')]), overlay('b', b, [fill('b-fill', 'b', '#fff'), fill('b-2', 'b', '#000')])]);
    reconcileOverlays(map, [overlay('b', b, [fill('b-2', 'b', '#000'), fill('b-fill', 'b', '#fff')]), overlay('a', a, [])]);
    expect(layers.map((l) => l.id)).toEqual(['b-2', 'b-fill']);
    log.length = 0;
    reconcileOverlays(map, [overlay('b', b, [fill('b-2', 'b', '#000')])]);
    expect(log).toEqual(['removeSource a', 'removeLayer b-fill']);
    expect(layers.map((l) => l.id)).toEqual(['b-2']);
  });
});
