import type { Overlay } from '../overlay.ts';

/**
 * Optional online basemaps, off by default: the app never depends on them, and no test does.
 * Both are drawn in WGS84-compatible Web Mercator, so the WGS84 overlays sit on them without an
 * offset (unlike Amap or Baidu tiles, which are GCJ-02 / BD-09 and would shift everything ~600 m).
 */
export const ONLINE_BASEMAP_IDS = ['osm', 'tianditu'] as const;
export type OnlineBasemapId = (typeof ONLINE_BASEMAP_IDS)[number];

/** Tianditu needs a key of your own, given at build time: VITE_TIANDITU_KEY=… npm start. */
export function tiandituKey(): string | null {
  const key = import.meta.env.VITE_TIANDITU_KEY as string | undefined;
  return key && /^[A-Za-z0-9]+$/.test(key) ? key : null;
}

export function onlineBasemapOverlay(id: OnlineBasemapId, key: string | null): Overlay | null {
  if (id === 'osm') {
    return {
      sourceId: 'basemap-osm',
      source: {
        type: 'raster',
        tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        tileSize: 256,
        maxzoom: 19,
        attribution: '底图 Basemap © OpenStreetMap contributors',
      },
      layers: [{ id: 'basemap-osm', type: 'raster', source: 'basemap-osm', paint: { 'raster-opacity': 0.9 } }],
    };
  }
  if (!key) return null;
  const tiles = [0, 1, 2, 3, 4, 5, 6, 7].map(
    (n) =>
      `https://t${n}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default` +
      `&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
  );
  return {
    sourceId: 'basemap-tianditu',
    source: { type: 'raster', tiles, tileSize: 256, maxzoom: 18, attribution: '底图 Basemap © 天地图 Tianditu' },
    layers: [{ id: 'basemap-tianditu', type: 'raster', source: 'basemap-tianditu', paint: { 'raster-opacity': 0.9 } }],
  };
}
