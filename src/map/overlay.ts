import type { GeoJSONSourceSpecification, LayerSpecification, RasterSourceSpecification } from 'maplibre-gl';

/**
 * One source (GeoJSON, or raster tiles for the optional online basemaps) and the layers drawn from it. Every map layer module is a pure function
 * returning overlays from app state; MapView reconciles them with the live map.
 */
export interface Overlay {
  sourceId: string;
  source: GeoJSONSourceSpecification | RasterSourceSpecification;
  layers: LayerSpecification[];
}
