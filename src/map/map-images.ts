/**
 * Images the map draws itself, on demand, when a layer first asks for one (MapView registers
 * drawMapImage as MapLibre's missing-image resolver): the facility category shapes and the
 * hatching of uncovered areas. Nothing is fetched.
 */
import { SHAPES, SHAPE_ICON_PREFIX, SHAPE_ICON_SIZE, shapeVertices, type SymbolShape } from './facility-icons.ts';

export const GAP_HATCH_IMAGE = 'gap-hatch';

/** Tile of the hatching, CSS pixels: one diagonal line per tile gives lines 8 px apart. */
const HATCH_TILE = 8;
const HATCH_COLOUR = '#b91c1c';

export interface MapImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Draws on a square canvas of `size` device pixels and returns its pixels; null without a 2D context. */
function paint(size: number, draw: (ctx: CanvasRenderingContext2D) => void): MapImage | null {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  draw(ctx);
  return { width: size, height: size, data: ctx.getImageData(0, 0, size, size).data };
}

function drawHatch(pixelRatio: number): MapImage | null {
  const size = Math.round(HATCH_TILE * pixelRatio);
  return paint(size, (ctx) => {
    ctx.strokeStyle = HATCH_COLOUR;
    ctx.lineWidth = 1.4 * pixelRatio;
    // The diagonal and its two corner pieces, so the lines run on seamlessly from tile to tile.
    for (const offset of [-size, 0, size]) {
      ctx.beginPath();
      ctx.moveTo(offset, size);
      ctx.lineTo(offset + size, 0);
      ctx.stroke();
    }
  });
}

/** The white icon of a category shape. */
function drawShape(shape: SymbolShape, pixelRatio: number): MapImage | null {
  const size = Math.round(SHAPE_ICON_SIZE * pixelRatio);
  return paint(size, (ctx) => {
    const corners = shapeVertices(shape, size * 0.42);
    ctx.beginPath();
    corners.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(size / 2 + x, size / 2 + y) : ctx.lineTo(size / 2 + x, size / 2 + y)));
    ctx.closePath();
    ctx.fillStyle = '#ffffff';
    ctx.fill();
  });
}

/** The image for a style image id, or null when the map does not know it. */
export function drawMapImage(id: string, pixelRatio: number): MapImage | null {
  if (id === GAP_HATCH_IMAGE) return drawHatch(pixelRatio);
  const shape = id.startsWith(SHAPE_ICON_PREFIX) ? (id.slice(SHAPE_ICON_PREFIX.length) as SymbolShape) : null;
  return shape && SHAPES.includes(shape) ? drawShape(shape, pixelRatio) : null;
}
