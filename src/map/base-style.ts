import type { StyleSpecification } from 'maplibre-gl';

export const SEA_COLOUR = '#cfe3ef';
export const LAND_COLOUR = '#f4f1ea';

/** Font stack for labels: rendered locally by MapLibre (no glyph server), so it works offline. */
export const LABEL_FONTS = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

export const LAND_ATTRIBUTION = '海岸线 Coastline © OpenStreetMap contributors (ODbL)';

/**
 * The offline base style: sea as background, OpenStreetMap land polygons on top. No glyphs URL:
 * MapLibre then draws every label with local fonts, so nothing is fetched from the network.
 */
export function baseStyle(landUrl: string | null): StyleSpecification {
  return {
    version: 8,
    name: 'Planning Atlas offline',
    sources: landUrl
      ? { land: { type: 'geojson', data: landUrl, attribution: LAND_ATTRIBUTION, tolerance: 0 } }
      : {},
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOUR } },
      ...(landUrl
        ? [{ id: 'land', type: 'fill' as const, source: 'land', paint: { 'fill-color': LAND_COLOUR, 'fill-antialias': false } }]
        : []),
    ],
  };
}
