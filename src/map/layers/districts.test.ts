import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDistricts } from '../../domain/districts-schema.ts';
import { baseStyle } from '../base-style.ts';
import { styleErrors } from './style-test-support.ts';
import { districtLabelPoints } from './district-labels.ts';
import { DEFAULT_DISTRICT_FILL, DISTRICT_FILL_LAYER, districtOverlays, type DistrictLayerState } from './districts.ts';
import { onlineBasemapOverlay } from './online-basemaps.ts';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';

const districts = parseDistricts(JSON.parse(readFileSync('public/geo/districts.geojson', 'utf8')), 'geo/districts.geojson');
const labelPoints = districtLabelPoints(districts);
const state = (change: Partial<DistrictLayerState> = {}): DistrictLayerState => ({
  districts,
  labelPoints,
  fillByAdcode: { '440703': '#08519c', '440704': '#c6dbef' },
  noDataColour: '#969696',
  selectedAdcode: null,
  lang: 'zh',
  showLabels: true,
  ...change,
});

describe('district layers', () => {
  it('make a valid style, and so does the offline base style', () => {
    expect(styleErrors(districtOverlays(state({ selectedAdcode: '440705' })))).toEqual([]);
    expect(validateStyleMin(baseStyle('geo/land.geojson')).map((e) => e.message)).toEqual([]);
  });

  it('colour each district from the choropleth and the rest as no data', () => {
    const fill = districtOverlays(state())[0]!.layers.find((l) => l.id === DISTRICT_FILL_LAYER)!;
    expect(fill.type).toBe('fill');
    expect((fill.paint as Record<string, unknown>)['fill-color']).toEqual(['match', ['get', 'adcode'], '440703', '#08519c', '440704', '#c6dbef', '#969696']);
    const plain = districtOverlays(state({ fillByAdcode: {}, noDataColour: DEFAULT_DISTRICT_FILL }))[0]!.layers[0]!;
    expect((plain.paint as Record<string, unknown>)['fill-color']).toBe(DEFAULT_DISTRICT_FILL);
  });

  it('draw the selected district with a heavier outline, on top', () => {
    const outline = districtOverlays(state({ selectedAdcode: '440781' }))[0]!.layers.find((l) => l.id === 'district-outline')!;
    const paint = outline.paint as Record<string, unknown[]>;
    expect(paint['line-width']![1]).toEqual(['==', ['get', 'adcode'], '440781']);
    expect(paint['line-width']![2]).toBe(3.5);
    expect((outline.layout as Record<string, unknown>)['line-sort-key']).toEqual(['case', ['==', ['get', 'adcode'], '440781'], 1, 0]);
  });

  it('label in the chosen language with local fonts, or not at all', () => {
    const labels = (lang: 'zh' | 'en', showLabels = true) => districtOverlays(state({ lang, showLabels }))[1]!.layers;
    expect((labels('zh')[0]!.layout as Record<string, unknown>)['text-field']).toEqual(['get', 'name']);
    expect((labels('en')[0]!.layout as Record<string, unknown>)['text-field']).toEqual(['get', 'nameEn']);
    expect(labels('zh', false)).toEqual([]);
    // One label point per district, inside it.
    expect(labelPoints.features.map((f) => f.properties.adcode).sort()).toEqual(districts.features.map((f) => f.properties.adcode).sort());
  });

  it('offer online basemaps only as valid raster sources, Tianditu only with a key', () => {
    const osm = onlineBasemapOverlay('osm', null)!;
    expect(styleErrors([osm])).toEqual([]);
    expect(onlineBasemapOverlay('tianditu', null)).toBeNull();
    const tianditu = onlineBasemapOverlay('tianditu', 'abc123')!;
    expect(styleErrors([tianditu])).toEqual([]);
    expect((tianditu.source as { tiles: string[] }).tiles[0]).toContain('tk=abc123');
  });
});
