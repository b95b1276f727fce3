import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { createCoverageSession } from '../../domain/coverage/session.ts';
import type { CoverageDistrictCollection } from '../../domain/coverage/grid.ts';
import { parseTownSeats, townSeatFacilities } from '../../domain/town-seats.ts';
import {
  COVERAGE_CIRCLE_FILL_LAYER,
  COVERAGE_CIRCLE_OUTLINE_LAYER,
  COVERAGE_FOOTPRINT_LAYER,
  COVERAGE_SOURCE,
  DEFAULT_FOOTPRINT_COLOUR,
  GAPS_COLOUR,
  GAPS_FILL_LAYER,
  GAPS_HATCH_LAYER,
  GAPS_SOURCE,
  coverageOverlays,
} from './coverage.ts';
import { categoryColourExpression } from './facilities.ts';
import { styleErrors } from './style-test-support.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as unknown;
const towns = townSeatFacilities(parseTownSeats(read('public/geo/towns.geojson')));
const session = createCoverageSession();
session.init(read('public/geo/districts.geojson') as CoverageDistrictCollection);
const response = session.compute(towns, 1000);
const geometry = response.geometry!;
const circles = response.circles!;

const ids = (overlays: ReturnType<typeof coverageOverlays>) => overlays.flatMap((o) => o.layers.map((l) => l.id));

describe('coverage layers', () => {
  it('draw one service circle per facility while there are few, coloured by category, above the gaps', () => {
    const overlays = coverageOverlays({ circles, footprint: geometry.footprint, gaps: geometry.gaps, showCoverage: true, showGaps: true });
    expect(styleErrors(overlays)).toEqual([]);
    expect(ids(overlays)).toEqual([GAPS_FILL_LAYER, GAPS_HATCH_LAYER, COVERAGE_CIRCLE_FILL_LAYER, COVERAGE_CIRCLE_OUTLINE_LAYER]);
    const coverage = overlays.find((o) => o.sourceId === COVERAGE_SOURCE)!;
    expect(coverage.source).toMatchObject({ data: circles });
    expect(circles.features).toHaveLength(70);
    const [fill, outline] = coverage.layers as [FillLayerSpecification, LineLayerSpecification];
    expect(fill.paint!['fill-color']).toEqual(categoryColourExpression());
    expect(outline.paint!['line-color']).toEqual(categoryColourExpression());
    expect(outline.paint!['line-dasharray']).toBeUndefined();
  });

  it('draw the merged footprint when the worker sends no circles (more than 500 facilities)', () => {
    const overlays = coverageOverlays({ circles: null, footprint: geometry.footprint, gaps: geometry.gaps, showCoverage: true, showGaps: false });
    expect(styleErrors(overlays)).toEqual([]);
    expect(ids(overlays)).toEqual([COVERAGE_FOOTPRINT_LAYER]);
    expect(overlays[0]!.source).toMatchObject({ data: geometry.footprint });
    expect(geometry.footprint.features.map((f) => f.properties.kind)).toEqual(Array(7).fill('covered'));
    expect((overlays[0]!.layers[0] as FillLayerSpecification).paint!['fill-color']).toBe(DEFAULT_FOOTPRINT_COLOUR);
    const own = coverageOverlays({ circles: null, footprint: geometry.footprint, gaps: null, showCoverage: true, showGaps: true, footprintColour: '#999933' });
    expect((own[0]!.layers[0] as FillLayerSpecification).paint!['fill-color']).toBe('#999933');
  });

  it('draw the uncovered part in translucent red from the gaps geometry', () => {
    const overlays = coverageOverlays({ circles, footprint: geometry.footprint, gaps: geometry.gaps, showCoverage: false, showGaps: true });
    expect(styleErrors(overlays)).toEqual([]);
    expect(overlays.map((o) => o.sourceId)).toEqual([GAPS_SOURCE]);
    expect(overlays[0]!.source).toMatchObject({ data: geometry.gaps });
    const paint = (overlays[0]!.layers[0] as FillLayerSpecification).paint!;
    expect(paint['fill-color']).toBe(GAPS_COLOUR);
    expect(paint['fill-opacity']).toBeGreaterThan(0);
    expect(paint['fill-opacity']).toBeLessThan(0.5);
    // Hatched on top, with the image the map draws on demand (map-images.ts).
    const hatch = overlays[0]!.layers[1] as FillLayerSpecification;
    expect(hatch.id).toBe(GAPS_HATCH_LAYER);
    expect(hatch.paint!['fill-pattern']).toBe('gap-hatch');
  });

  it('respect the coverage and gaps layer switches', () => {
    expect(coverageOverlays({ circles, footprint: geometry.footprint, gaps: geometry.gaps, showCoverage: false, showGaps: false })).toEqual([]);
    expect(coverageOverlays({ circles: null, footprint: null, gaps: null, showCoverage: true, showGaps: true })).toEqual([]);
  });

  it('draw geometry of another radius fainter and dashed', () => {
    const fresh = coverageOverlays({ circles, footprint: null, gaps: geometry.gaps, showCoverage: true, showGaps: true });
    const stale = coverageOverlays({ circles, footprint: null, gaps: geometry.gaps, showCoverage: true, showGaps: true, stale: true });
    expect(styleErrors(stale)).toEqual([]);
    const opacity = (o: typeof fresh, id: string, key: string) => (o.flatMap((x) => x.layers).find((l) => l.id === id)!.paint as Record<string, number>)[key]!;
    expect(opacity(stale, COVERAGE_CIRCLE_FILL_LAYER, 'fill-opacity')).toBeLessThan(opacity(fresh, COVERAGE_CIRCLE_FILL_LAYER, 'fill-opacity'));
    expect(opacity(stale, GAPS_FILL_LAYER, 'fill-opacity')).toBeLessThan(opacity(fresh, GAPS_FILL_LAYER, 'fill-opacity'));
    const outline = stale[1]!.layers[1] as LineLayerSpecification;
    expect(outline.paint!['line-dasharray']).toEqual([2, 2]);
  });

  it('use ids prefixed by their layer group and unique', () => {
    const all = [
      ...ids(coverageOverlays({ circles, footprint: null, gaps: geometry.gaps, showCoverage: true, showGaps: true })),
      ...ids(coverageOverlays({ circles: null, footprint: geometry.footprint, gaps: null, showCoverage: true, showGaps: false })),
    ];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^(coverage|gaps)-/);
  });
});
