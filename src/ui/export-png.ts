/**
 * The map as a PNG for a report: the rendered map canvas with a title band above it and the
 * legend and attribution drawn beside and below, so a pasted image always carries its key and
 * its sources. Canvas 2D only; text is drawn as text, never parsed as markup.
 */
export interface PngLegendEntry {
  colour: string;
  label: string;
}

export interface PngContent {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: readonly PngLegendEntry[];
  /** Caveats and notes shown under the legend. */
  notes: readonly string[];
  attribution: string;
}

const FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
const LEGEND_WIDTH = 300;
const TITLE_HEIGHT = 64;
const FOOTER_HEIGHT = 44;
const PAD = 16;

/** Breaks text into lines no wider than `width` (by character: Chinese has no spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line !== '') {
      lines.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export function composeMapImage(map: HTMLCanvasElement, content: PngContent): HTMLCanvasElement {
  const scale = map.width / (map.clientWidth || map.width);
  const mapW = map.width / scale;
  const mapH = map.height / scale;
  const out = document.createElement('canvas');
  out.width = Math.round((mapW + LEGEND_WIDTH) * scale);
  out.height = Math.round((mapH + TITLE_HEIGHT + FOOTER_HEIGHT) * scale);
  const ctx = out.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, mapW + LEGEND_WIDTH, mapH + TITLE_HEIGHT + FOOTER_HEIGHT);

  ctx.fillStyle = '#111827';
  ctx.font = `bold 20px ${FONT}`;
  ctx.fillText(content.title, PAD, 28);
  ctx.fillStyle = '#4b5563';
  ctx.font = `13px ${FONT}`;
  ctx.fillText(content.subtitle, PAD, 50);

  ctx.drawImage(map, 0, TITLE_HEIGHT, mapW, mapH);
  ctx.strokeStyle = '#d1d5db';
  ctx.strokeRect(0.5, TITLE_HEIGHT + 0.5, mapW - 1, mapH - 1);

  let y = TITLE_HEIGHT + 8;
  const x = mapW + PAD;
  const textWidth = LEGEND_WIDTH - 2 * PAD;
  ctx.fillStyle = '#111827';
  ctx.font = `bold 14px ${FONT}`;
  for (const line of wrap(ctx, content.legendTitle, textWidth)) {
    y += 18;
    ctx.fillText(line, x, y);
  }
  y += 10;
  ctx.font = `13px ${FONT}`;
  for (const entry of content.legend) {
    ctx.fillStyle = entry.colour;
    ctx.fillRect(x, y, 22, 16);
    ctx.strokeStyle = '#6b7280';
    ctx.strokeRect(x + 0.5, y + 0.5, 21, 15);
    ctx.fillStyle = '#111827';
    ctx.fillText(entry.label, x + 30, y + 13);
    y += 22;
  }
  y += 6;
  ctx.fillStyle = '#4b5563';
  ctx.font = `12px ${FONT}`;
  for (const note of content.notes) {
    for (const line of wrap(ctx, note, textWidth)) {
      y += 16;
      if (y > TITLE_HEIGHT + mapH) break;
      ctx.fillText(line, x, y);
    }
    y += 4;
  }

  ctx.fillStyle = '#4b5563';
  ctx.font = `11px ${FONT}`;
  let fy = TITLE_HEIGHT + mapH + 4;
  for (const line of wrap(ctx, content.attribution, mapW + LEGEND_WIDTH - 2 * PAD).slice(0, 2)) {
    fy += 16;
    ctx.fillText(line, PAD, fy);
  }
  return out;
}

export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map image could not be encoded'))), 'image/png'),
  );
}
