import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { waitForMapIdle } from './app.ts';

/** A sample file of the repository (data/samples/README.md: town seats standing in for facilities). */
export const sample = (name: string) => fileURLToPath(new URL(`../../data/samples/${name}`, import.meta.url));

export const FACILITY_LAYERS = ['facility-points', 'facility-proposed'];
export const CIRCLE_LAYER = 'coverage-circles-fill';

/** Imports a facility file through the panel's file picker, with its coordinate system chosen first. */
export async function importFacilities(page: Page, file: string, crs: 'wgs84' | 'gcj02' | 'bd09'): Promise<void> {
  await page.getByLabel('设施文件坐标系').selectOption(crs);
  await page.getByLabel('导入设施文件（CSV 或 GeoJSON）').setInputFiles(sample(file));
}

/** Ids of the facility points the map has drawn in the viewport, with their category and source. */
export async function renderedFacilities(page: Page, layers = FACILITY_LAYERS) {
  return page.evaluate((ids) => {
    const map = window.__atlas!.map;
    const present = ids.filter((id) => map.getLayer(id));
    if (present.length === 0) return [];
    const seen = new Map<string, { id: string; category: string; source: string; colour: string }>();
    for (const f of map.queryRenderedFeatures({ layers: present })) {
      const p = f.properties as { id: string; category: string; source: string };
      const colour = (f.layer.paint as Record<string, { toString(): string } | undefined>)['circle-color'];
      seen.set(p.id, { id: p.id, category: p.category, source: p.source, colour: String(colour) });
    }
    return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
  }, layers);
}

/** Facility ids whose service circle the map has drawn in the viewport. */
export async function renderedCircles(page: Page): Promise<string[]> {
  return page.evaluate((layer) => {
    const map = window.__atlas!.map;
    if (!map.getLayer(layer)) return [];
    return [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.id)))].sort();
  }, CIRCLE_LAYER);
}

/** City figures as shown, once the computation has settled. */
export async function cityCoverage(page: Page): Promise<{ area: string; population: string }> {
  await expect(page.locator('.fac-coverage')).toHaveAttribute('aria-busy', 'false');
  await waitForMapIdle(page);
  return {
    area: (await page.getByTestId('coverage-city-area').innerText()).trim(),
    population: (await page.getByTestId('coverage-city-population').innerText()).trim(),
  };
}

/** The per-district table as { adcode: [area %, population %] }. */
export async function districtCoverage(page: Page): Promise<Record<string, [string, string]>> {
  const rows = page.getByRole('table', { name: '各区服务覆盖率' }).locator('tbody tr');
  const out: Record<string, [string, string]> = {};
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    out[(await row.getAttribute('data-adcode'))!] = [cells[0]!.trim(), cells[1]!.trim()];
  }
  return out;
}

/**
 * Places one proposed site by clicking the map at a WGS84 position, then leaves placing mode.
 * Waits for the coverage panel to settle first: while it recomputes, the notes above the sites section
 * change height, and a click landing on a moving button is lost (the map click would then open a card).
 */
export async function placeSite(page: Page, category: string, at: { lng: number; lat: number }): Promise<void> {
  await cityCoverage(page);
  const sites = page.getByRole('list', { name: '拟建设施' }).getByRole('listitem');
  const before = await sites.count();
  await page.getByLabel('拟建设施类别').selectOption(category);
  await page.getByRole('button', { name: '在地图上添加拟建设施' }).click();
  const done = page.getByRole('button', { name: '完成添加' });
  await expect(done).toHaveAttribute('aria-pressed', 'true');
  const pixel = await page.evaluate(({ lng, lat }) => window.__atlas!.map.project([lng, lat]), at);
  await page.locator('.maplibregl-canvas').click({ position: { x: pixel.x, y: pixel.y } });
  await expect(sites).toHaveCount(before + 1);
  await done.click();
  await expect(page.getByRole('button', { name: '在地图上添加拟建设施' })).toHaveAttribute('aria-pressed', 'false');
}
