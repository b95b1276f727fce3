import { GAP_HATCH_IMAGE } from '../map-images.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CoverageAreaProperties, ServiceCircleProperties } from '../../domain/coverage/geometry.ts';
import type { CategoryCatalogue } from '../../domain/facility-categories.ts';
import type { Overlay } from '../overlay.ts';
import { categoryColourExpression } from './facilities.ts';

export const COVERAGE_SOURCE = 'coverage-areas';
export const COVERAGE_CIRCLE_FILL_LAYER = 'coverage-circles-fill';
export const COVERAGE_CIRCLE_OUTLINE_LAYER = 'coverage-circles-outline';
export const COVERAGE_FOOTPRINT_LAYER = 'coverage-footprint-fill';
export const GAPS_SOURCE = 'gaps-areas';
export const GAPS_FILL_LAYER = 'gaps-fill';
/** Red hatching over the light fill: the gap reads as "not covered" without hiding the choropleth. */
export const GAPS_HATCH_LAYER = 'gaps-hatch';

/** Every layer id this module can produce, e.g. for queryRenderedFeatures. */

export const GAPS_COLOUR = '#d62728';
/** Merged footprint when several categories share it (with one category, its own colour is used). */
export const DEFAULT_FOOTPRINT_COLOUR = '#1d4ed8';

export type ServiceCircles = FeatureCollection<Polygon, ServiceCircleProperties>;
export type CoverageAreas = FeatureCollection<MultiPolygon, CoverageAreaProperties>;

export interface CoverageLayerState {
  /** One ring per facility, from the worker; null above MAX_SERVICE_CIRCLES facilities. */
  circles: ServiceCircles | null;
  /** Merged covered area per district: drawn when there are no circles. */
  footprint: CoverageAreas | null;
  gaps: CoverageAreas | null;
  /** visibleLayers(view.layers) has 'coverage' / 'gaps'. */
  showCoverage: boolean;
  showGaps: boolean;
  footprintColour?: string;
  /**
   * The geometry was computed for another radius or facility set (while the slider moves only
   * numbers are recomputed): drawn fainter and dashed, so it does not pass for the current one.
   */
  stale?: boolean;
  catalogue?: CategoryCatalogue;
}

/** Gaps first (below), then service areas; the caller puts facility points above both. */
export function coverageOverlays(state: CoverageLayerState): Overlay[] {
  const overlays: Overlay[] = [];
  const fade = state.stale ? 0.5 : 1;
  // Gaps and footprint are rectangles cut to the districts: drawn unsimplified, like the boundaries.
  if (state.showGaps && state.gaps) {
    overlays.push({
      sourceId: GAPS_SOURCE,
      source: { type: 'geojson', data: state.gaps, tolerance: 0 },
      layers: [
        {
          id: GAPS_FILL_LAYER,
          type: 'fill',
          source: GAPS_SOURCE,
          // Rectangles meet edge to edge; antialiasing would draw a seam between them.
          paint: { 'fill-color': GAPS_COLOUR, 'fill-opacity': 0.15 * fade, 'fill-antialias': false },
        },
        {
          id: GAPS_HATCH_LAYER,
          type: 'fill',
          source: GAPS_SOURCE,
          paint: { 'fill-pattern': GAP_HATCH_IMAGE, 'fill-opacity': 0.6 * fade, 'fill-antialias': false },
        },
      ],
    });
  }
  if (state.showCoverage && state.circles) {
    const colour = categoryColourExpression(state.catalogue);
    overlays.push({
      sourceId: COVERAGE_SOURCE,
      source: { type: 'geojson', data: state.circles },
      layers: [
        {
          id: COVERAGE_CIRCLE_FILL_LAYER,
          type: 'fill',
          source: COVERAGE_SOURCE,
          paint: { 'fill-color': colour, 'fill-opacity': 0.14 * fade },
        },
        {
          id: COVERAGE_CIRCLE_OUTLINE_LAYER,
          type: 'line',
          source: COVERAGE_SOURCE,
          paint: {
            'line-color': colour,
            'line-width': 1.2,
            'line-opacity': 0.9 * fade,
            ...(state.stale && { 'line-dasharray': [2, 2] }),
          },
        },
      ],
    });
  } else if (state.showCoverage && state.footprint) {
    overlays.push({
      sourceId: COVERAGE_SOURCE,
      source: { type: 'geojson', data: state.footprint, tolerance: 0 },
      layers: [
        {
          id: COVERAGE_FOOTPRINT_LAYER,
          type: 'fill',
          source: COVERAGE_SOURCE,
          paint: {
            'fill-color': state.footprintColour ?? DEFAULT_FOOTPRINT_COLOUR,
            'fill-opacity': 0.3 * fade,
            'fill-antialias': false,
          },
        },
      ],
    });
  }
  return overlays;
}
