import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';

/**
 * One GeoJSON source and the layers drawn from it. Every map layer module is a pure function
 * returning overlays from app state; MapView reconciles them with the live map.
 */
export interface Overlay {
  sourceId: string;
  source: GeoJSONSourceSpecification;
  layers: LayerSpecification[];
}
