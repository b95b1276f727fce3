/**
 * Does the map stay interactive with many facilities? In the built app, in headless Chromium:
 * import a CSV of synthetic facilities through the panel, wait for the coverage numbers, then drag
 * the radius slider across 20 positions like a planner would. Records how long the import took to
 * give numbers, how many different city figures the panel showed while the slider moved (the
 * numbers are live), and every main-thread task over 50 ms (the browser's "long task") during the
 * import and during the drag: a long task is a moment when the map cannot respond.
 */
import type { Browser } from '@playwright/test';

export interface InteractionResult {
  facilities: number;
  /** File chosen → city coverage shown and the map idle. */
  importToNumbersMs: number;
  longTasksDuringImport: number[];
  /** Slider positions visited, and how many distinct city figures the panel showed meanwhile. */
  dragSteps: number;
  /** The radii swept, from the slider's own range, and the pause between moves. */
  sweepMetres: [number, number];
  stepPauseMs: number;
  distinctFiguresWhileDragging: number;
  /** While the slider moves (numbers only). */
  longTasksDuringDrag: number[];
  /** After release, until the new circles or footprint are drawn and the map is idle. */
  longTasksWhileSettling: number[];
}

const DRAG_STEPS = 20;
/** About twelve moves a second: a planner's unhurried drag. */
const STEP_PAUSE_MS = 80;
/** The sweep, as fractions of the slider (100–5,000 m): about 200 to 1,700 m, where coverage still changes. */
const SWEEP: readonly [number, number] = [0.02, 0.32];

export async function measureInteraction(browser: Browser, url: string, csvPath: string, facilities: number): Promise<InteractionResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
    const startLongTasks = () =>
      page.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
        }).observe({ type: 'longtask' });
      });
    const longTasks = () => page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
    await startLongTasks();

    await page.getByLabel('设施文件坐标系').selectOption('wgs84');
    const t0 = Date.now();
    await page.getByLabel('导入设施文件（CSV 或 GeoJSON）').setInputFiles(csvPath);
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('.fac-coverage')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 120_000 });
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
    const importToNumbersMs = Date.now() - t0;
    const longTasksDuringImport = await longTasks();

    const slider = page.locator('#fac-radius-range');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const [min, max] = await slider.evaluate((el) => [Number((el as HTMLInputElement).min), Number((el as HTMLInputElement).max)]);
    const y = box.y + box.height / 2;
    const figures = new Set<string>();
    const [from, to] = SWEEP;
    await page.mouse.move(box.x + box.width * from, y);
    await page.mouse.down();
    for (let i = 0; i < DRAG_STEPS; i++) {
      await page.mouse.move(box.x + box.width * (from + ((to - from) * (i + 1)) / DRAG_STEPS), y);
      await page.waitForTimeout(STEP_PAUSE_MS);
      figures.add(await page.getByTestId('coverage-city-area').innerText());
    }
    await page.mouse.up();
    const longTasksDuringDrag = await longTasks();
    await page.waitForFunction(() => document.querySelector('.fac-coverage')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60_000 });
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForTimeout(500);
    return {
      facilities,
      importToNumbersMs,
      longTasksDuringImport,
      dragSteps: DRAG_STEPS,
      sweepMetres: [min! + (max! - min!) * SWEEP[0], min! + (max! - min!) * SWEEP[1]],
      stepPauseMs: STEP_PAUSE_MS,
      distinctFiguresWhileDragging: figures.size,
      longTasksDuringDrag,
      longTasksWhileSettling: await longTasks(),
    };
  } finally {
    await context.close();
  }
}
