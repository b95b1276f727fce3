import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Facility, FacilitySource } from '../../domain/facilities.ts';
import { CATEGORY_CATALOGUE, type CategoryCatalogue } from '../../domain/facility-categories.ts';
import { shapeIconId } from '../facility-icons.ts';
import type { Overlay } from '../overlay.ts';

export const FACILITY_SOURCE = 'facility-points';
/** Existing facilities: imported layers and town seats. */
export const FACILITY_POINT_LAYER = 'facility-points';
/** Proposed sites, drawn larger with a dark ring so they never read as existing facilities. */
export const FACILITY_PROPOSED_LAYER = 'facility-proposed';
/** The category's shape in white inside each circle, from zoom 10, so colour is not the only cue. */
export const FACILITY_SHAPE_LAYER = 'facility-shapes';
export const FACILITY_SHAPE_MIN_ZOOM = 10;

/** Points whose category the catalogue does not know (should not happen: imports map to it). */
export const UNKNOWN_CATEGORY_COLOUR = '#777777';
export const PROPOSED_STROKE_COLOUR = '#111827';

export interface FacilityPointProperties {
  id: string;
  /** Shown as text only (data property, never markup). */
  name: string;
  category: string;
  source: FacilitySource;
}

export type FacilityPoints = FeatureCollection<Point, FacilityPointProperties>;

export function facilityPoints(facilities: readonly Facility[]): FacilityPoints {
  return {
    type: 'FeatureCollection',
    features: facilities.map(
      (f): Feature<Point, FacilityPointProperties> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: { id: f.id, name: f.name, category: f.category, source: f.source },
      }),
    ),
  };
}

/** `match` on the category id: the id of the category's shape icon (facility-icons.ts). */
export function categoryShapeIconExpression(catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): ExpressionSpecification {
  const pairs = catalogue.categories.flatMap((c) => [c.id, shapeIconId(c.symbol.shape)]);
  return ['match', ['get', 'category'], ...pairs, shapeIconId('circle')] as unknown as ExpressionSpecification;
}

/** `match` on the category id: every catalogue category gets its own colour. */
export function categoryColourExpression(catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): ExpressionSpecification {
  const pairs = catalogue.categories.flatMap((c) => [c.id, c.color]);
  return ['match', ['get', 'category'], ...pairs, UNKNOWN_CATEGORY_COLOUR] as unknown as ExpressionSpecification;
}

/** Credited on the map whenever town seats are drawn (GeoNames asks for attribution, CC BY 4.0). */
export const TOWN_SEAT_ATTRIBUTION = '镇街驻地 Town seats: GeoNames (CC BY 4.0), NBS 2023 codes';

export interface FacilityLayerState {
  /** Memoise it: the map re-uploads the source whenever its identity changes. */
  points: FacilityPoints;
  /** The 'facilities' entry of visibleLayers(view.layers). */
  visible: boolean;
  /** Source credit for what the points include (the town seats' GeoNames positions). */
  attribution?: string;
  catalogue?: CategoryCatalogue;
}

export function facilityOverlays(state: FacilityLayerState): Overlay[] {
  const colour = categoryColourExpression(state.catalogue);
  const proposed: ExpressionSpecification = ['==', ['get', 'source'], 'proposed'];
  return [
    {
      sourceId: FACILITY_SOURCE,
      source: { type: 'geojson', data: state.points, ...(state.attribution && { attribution: state.attribution }) },
      layers: state.visible
        ? [
            {
              id: FACILITY_POINT_LAYER,
              type: 'circle',
              source: FACILITY_SOURCE,
              filter: ['!', proposed],
              paint: {
                'circle-color': colour,
                'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 12, 6.5, 15, 9],
                'circle-stroke-color': '#ffffff',
                'circle-stroke-width': 1.2,
              },
            },
            {
              id: FACILITY_PROPOSED_LAYER,
              type: 'circle',
              source: FACILITY_SOURCE,
              filter: proposed,
              paint: {
                'circle-color': colour,
                'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6.5, 12, 9.5, 15, 12],
                'circle-stroke-color': PROPOSED_STROKE_COLOUR,
                'circle-stroke-width': 2.5,
              },
            },
            {
              id: FACILITY_SHAPE_LAYER,
              type: 'symbol',
              source: FACILITY_SOURCE,
              minzoom: FACILITY_SHAPE_MIN_ZOOM,
              layout: {
                'icon-image': categoryShapeIconExpression(state.catalogue),
                'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 12, 0.85, 15, 1.2],
                'icon-allow-overlap': true,
                'icon-ignore-placement': true,
              },
            },
          ]
        : [],
    },
  ];
}
