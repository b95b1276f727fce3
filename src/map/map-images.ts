/**
 * Images the map draws itself, on demand, when a layer first asks for one (MapView registers
 * drawMapImage as MapLibre's missing-image resolver): the facility category shapes and the
 * hatching of uncovered areas. Nothing is fetched.
 */
import { drawShapeIcon, type IconImage } from './facility-icons.ts';

export const GAP_HATCH_IMAGE = 'gap-hatch';

/** Tile of the hatching, CSS pixels: one diagonal line per tile gives lines 8 px apart. */
const HATCH_TILE = 8;
const HATCH_COLOUR = '#b91c1c';

function drawHatch(pixelRatio: number): IconImage | null {
  const size = Math.round(HATCH_TILE * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.strokeStyle = HATCH_COLOUR;
  ctx.lineWidth = 1.4 * pixelRatio;
  // The diagonal and its two corner pieces, so the lines run on seamlessly from tile to tile.
  for (const offset of [-size, 0, size]) {
    ctx.beginPath();
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
    ctx.stroke();
  }
  return { width: size, height: size, data: ctx.getImageData(0, 0, size, size).data };
}

/** The image for a style image id, or null when the map does not know it. */
export function drawMapImage(id: string, pixelRatio: number): IconImage | null {
  if (id === GAP_HATCH_IMAGE) return drawHatch(pixelRatio);
  return drawShapeIcon(id, pixelRatio);
}
