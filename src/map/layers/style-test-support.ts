// Shared by the layer tests: every overlay must make a valid MapLibre style on its own.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import type { Overlay } from '../overlay.ts';

/** Validation messages for the overlays as one style (empty when valid). */
export function styleErrors(overlays: Overlay[]): string[] {
  const style = {
    version: 8,
    sources: Object.fromEntries(overlays.map((o) => [o.sourceId, o.source])),
    layers: overlays.flatMap((o) => o.layers),
  } as StyleSpecification;
  return validateStyleMin(style).map((e) => e.message);
}
