import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Collects console errors and page errors; journeys assert it stays empty. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()} ${res.url()}`);
  });
  return errors;
}

/** Opens the app (optionally at a share link) and waits until the map is idle with its layers drawn. */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await waitForMapIdle(page);
}

export async function waitForMapIdle(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true');
  await page.evaluate(() => window.__atlas!.whenIdle());
}

/** Adcodes of the districts the map has actually rendered in the viewport. */
export async function renderedDistricts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const features = window.__atlas!.map.queryRenderedFeatures({ layers: ['district-fill'] });
    return [...new Set(features.map((f) => String(f.properties.adcode)))].sort();
  });
}

export interface Pixel {
  x: number;
  y: number;
}

/**
 * A point of the page inside a district's fill, clear of its borders, its label and any panel over
 * the map: where a planner would click, and where the fill colour can be read.
 */
export async function districtPixel(page: Page, adcode: string): Promise<Pixel> {
  const pixel = await page.evaluate((code) => {
    const map = window.__atlas!.map;
    const canvas = map.getCanvas();
    const box = canvas.getBoundingClientRect();
    const at = (x: number, y: number) =>
      String(map.queryRenderedFeatures([x, y], { layers: ['district-fill'] })[0]?.properties.adcode ?? '');
    const label = map.querySourceFeatures('district-labels').find((f) => String(f.properties.adcode) === code);
    const [lon, lat] = label ? (label.geometry as GeoJSON.Point).coordinates : [0, 0];
    const labelPx = map.project([lon!, lat!]);
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let y = 10; y < box.height - 10; y += 8)
      for (let x = 10; x < box.width - 10; x += 8) {
        if (at(x, y) !== code) continue;
        const clear = [-12, 0, 12].every((dx) => [-12, 0, 12].every((dy) => at(x + dx, y + dy) === code));
        const top = document.elementFromPoint(box.left + x, box.top + y);
        const d = Math.hypot(x - labelPx.x, y - labelPx.y);
        if (clear && top === canvas && d > 36) candidates.push({ x, y, d });
      }
    candidates.sort((a, b) => a.d - b.d);
    const best = candidates[0];
    return best ? { x: box.left + best.x, y: box.top + best.y } : null;
  }, adcode);
  if (!pixel) throw new Error(`no clear pixel of district ${adcode} in view`);
  return pixel;
}

/** The colours the map drew at page points, as [r, g, b], read from one copy of the canvas. */
export async function coloursAt(page: Page, pixels: readonly Pixel[]): Promise<[number, number, number][]> {
  return page.evaluate((points) => {
    const canvas = window.__atlas!.map.getCanvas();
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    return points.map(({ x, y }) => {
      const i = (Math.round((y - box.top) * ratio) * copy.width + Math.round((x - box.left) * ratio)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!] as [number, number, number];
    });
  }, pixels);
}

/** The colour the map drew at a page point, as [r, g, b]. */
export async function colourAt(page: Page, pixel: Pixel): Promise<[number, number, number]> {
  return (await coloursAt(page, [pixel]))[0]!;
}

/** The fill colour the district layer asks for, per adcode (from its match expression). */
export async function districtFills(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const paint = window.__atlas!.map.getPaintProperty('district-fill', 'fill-color');
    if (!Array.isArray(paint)) return {};
    const pairs = paint.slice(2, -1) as string[];
    const out: Record<string, string> = {};
    for (let i = 0; i < pairs.length; i += 2) out[pairs[i]!] = pairs[i + 1]!;
    return out;
  });
}

/**
 * A colleague's browser: a fresh context (no shared storage, no imported layers) that opens the
 * link and waits for the map. Close the context when done.
 */
export async function openInColleaguesBrowser(browser: Browser, link: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(link);
  await waitForMapIdle(page);
  return { context, page, errors };
}
