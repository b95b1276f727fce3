import { expect, type Page } from '@playwright/test';

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
