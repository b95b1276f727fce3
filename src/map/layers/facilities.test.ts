import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CircleLayerSpecification } from 'maplibre-gl';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { CATEGORY_CATALOGUE } from '../../domain/facility-categories.ts';
import type { Facility } from '../../domain/facilities.ts';
import { parseTownSeats, townSeatFacilities } from '../../domain/town-seats.ts';
import {
  FACILITY_POINT_LAYER,
  FACILITY_SHAPE_LAYER,
  FACILITY_PROPOSED_LAYER,
  FACILITY_SOURCE,
  PROPOSED_STROKE_COLOUR,
  UNKNOWN_CATEGORY_COLOUR,
  facilityOverlays,
  facilityPoints,
} from './facilities.ts';
import { styleErrors } from './style-test-support.ts';

const towns = townSeatFacilities(parseTownSeats(JSON.parse(readFileSync(new URL('../../../public/geo/towns.geojson', import.meta.url), 'utf8'))));
// The seat of 白沙街道 as a proposed kindergarten: a position from the real layer, nothing invented.
const proposed: Facility = { id: 'site:0', name: '拟建幼儿园', category: 'kindergarten', lon: towns[0]!.lon, lat: towns[0]!.lat, source: 'proposed' };

/** Evaluates a paint property's expression for a feature, as MapLibre would. */
function evaluate(value: unknown, properties: Record<string, unknown>, zoom = 10): unknown {
  const parsed = createExpression(value, { type: 'string', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom }, { type: 'Point', properties } as never);
}

describe('facility layers', () => {
  const points = facilityPoints([...towns, proposed]);
  const overlays = facilityOverlays({ points, visible: true });

  it('make a valid style', () => {
    expect(styleErrors(overlays)).toEqual([]);
  });

  it('carry every facility as a point with its id, category and source, in WGS84 as given', () => {
    expect(points.features).toHaveLength(71);
    expect(points.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.07264, 22.57607] },
      properties: { id: 'town:440703002', name: '白沙街道', category: 'town-seat', source: 'town-seat' },
    });
    expect(overlays[0]!.source).toMatchObject({ type: 'geojson', data: points });
  });

  it('colour each point by its category colour from the catalogue', () => {
    const layer = overlays[0]!.layers.find((l) => l.id === FACILITY_POINT_LAYER) as CircleLayerSpecification;
    for (const c of CATEGORY_CATALOGUE.categories) expect(evaluate(layer.paint!['circle-color'], { category: c.id }), c.id).toBe(c.color);
    expect(evaluate(layer.paint!['circle-color'], { category: 'town-seat' })).toBe('#332288'); // checked by hand against the JSON
    expect(evaluate(layer.paint!['circle-color'], { category: 'kindergarten' })).toBe('#999933');
    expect(evaluate(layer.paint!['circle-color'], { category: 'no-such-category' })).toBe(UNKNOWN_CATEGORY_COLOUR);
    expect(layer.paint!['circle-stroke-color']).toBe('#ffffff');
  });

  it('draw proposed sites in their own, larger layer with a dark ring, and existing ones without them', () => {
    const [existing, sites] = overlays[0]!.layers as CircleLayerSpecification[];
    expect([existing!.id, sites!.id]).toEqual([FACILITY_POINT_LAYER, FACILITY_PROPOSED_LAYER]);
    expect(existing!.filter).toEqual(['!', ['==', ['get', 'source'], 'proposed']]);
    expect(sites!.filter).toEqual(['==', ['get', 'source'], 'proposed']);
    expect(sites!.paint!['circle-stroke-color']).toBe(PROPOSED_STROKE_COLOUR);
    const radiusAt = (layer: CircleLayerSpecification, zoom: number) => {
      const stops = (layer.paint!['circle-radius'] as unknown[]).slice(3) as number[];
      return stops[stops.indexOf(zoom) + 1]!;
    };
    for (const zoom of [8, 12, 15]) expect(radiusAt(sites!, zoom)).toBeGreaterThan(radiusAt(existing!, zoom));
  });

  it("draw each category's shape inside its circle from zoom 10, for readers who cannot rely on colour", () => {
    const shapes = overlays[0]!.layers.find((l) => l.id === FACILITY_SHAPE_LAYER)!;
    expect(shapes.type).toBe('symbol');
    expect(shapes.minzoom).toBe(10);
    const icon = (shapes.layout as Record<string, unknown>)['icon-image'];
    expect(evaluate(icon, { category: 'hospital' })).toBe('facility-shape-square'); // data/facility-categories.json
    expect(evaluate(icon, { category: 'village-clinic' })).toBe('facility-shape-triangle');
    expect(evaluate(icon, { category: 'culture' })).toBe('facility-shape-star');
    expect(evaluate(icon, { category: 'no-such-category' })).toBe('facility-shape-circle');
    for (const c of CATEGORY_CATALOGUE.categories) expect(evaluate(icon, { category: c.id })).toBe(`facility-shape-${c.symbol.shape}`);
  });

  it('keep the source but draw nothing when the facilities layer is hidden', () => {
    const hidden = facilityOverlays({ points, visible: false });
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.sourceId).toBe(FACILITY_SOURCE);
    expect(hidden[0]!.layers).toEqual([]);
    expect(styleErrors(hidden)).toEqual([]);
  });

  it('use ids no other module uses', () => {
    const ids = overlays.flatMap((o) => o.layers.map((l) => l.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^facility-/);
  });
});
