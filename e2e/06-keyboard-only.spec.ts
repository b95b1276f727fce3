import { expect, test } from '@playwright/test';
import { openApp, waitForMapIdle, watchConsole } from './support/app.ts';

test('with the keyboard only, a planner opens a district card from the list, reads it and closes it', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page, './?v=1&indicator=nurses_per_1000');
  const list = page.getByRole('navigation', { name: '行政区列表' });

  // Tab from the page start to the district list: every control on the way is reachable.
  await page.locator('body').press('Tab');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    reached = await list.getByRole('button', { name: /蓬江区/ }).evaluate((el) => el === document.activeElement);
    if (!reached) await page.keyboard.press('Tab');
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Tab'); // 江海区
  await page.keyboard.press('Tab'); // 新会区
  await page.keyboard.press('Tab'); // 台山市
  const zoomBefore = await page.evaluate(() => window.__atlas!.map.getZoom());
  await page.keyboard.press('Enter');

  const card = page.getByTestId('district-card');
  await expect(card).toHaveAttribute('data-adcode', '440781');
  // Focus moves to the card's heading, so a screen reader reads it next.
  await expect(card.getByRole('heading', { level: 2 })).toBeFocused();
  // Health plan 表2 (seed 004 L3372): 台山 3.02 registered nurses per 1,000 in 2020.
  await expect(card.getByTestId('value-nurses_per_1000')).toContainText('3.02');
  // Picked from the list, the district is brought into view, its centre clear of the card.
  await waitForMapIdle(page);
  const view = await page.evaluate(() => {
    const map = window.__atlas!.map;
    const centre = map.project([112.7799, 22.25135]); // 台城街道, the seat of 台山市 (GeoNames)
    return { zoom: map.getZoom(), x: centre.x, width: map.getCanvas().clientWidth };
  });
  expect(view.zoom).toBeGreaterThan(zoomBefore);
  expect(view.x).toBeGreaterThan(0);
  expect(view.x).toBeLessThan(view.width - 400);

  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(list.getByRole('button', { name: /台山市/ })).toBeFocused();

  // Open again and close with the close button, by keyboard.
  await page.keyboard.press('Enter');
  await expect(card).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: '关闭指标卡' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
  await expect(list.getByRole('button', { name: /台山市/ })).toBeFocused();
  expect(errors).toEqual([]);
});
