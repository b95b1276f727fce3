import { expect, test } from '@playwright/test';
import { openApp, waitForMapIdle, watchConsole } from './support/app.ts';

test('the English switch turns the interface, the map labels and the link to English, and back', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page, './?v=1&indicator=beds_per_1000&district=440704');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await waitForMapIdle(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jiangmen Planning Atlas');
  await expect(page.getByLabel('Choose indicator')).toHaveValue('beds_per_1000');
  await expect(page.getByTestId('legend')).toContainText('beds per 1,000 residents');
  await expect(page.getByTestId('district-card').getByRole('heading', { level: 2 })).toContainText('Jianghai District');
  await expect(page).toHaveURL(/lang=en/);
  const labels = await page.evaluate(() =>
    window.__atlas!.map.queryRenderedFeatures({ layers: ['district-label'] }).map((f) => String(f.properties.nameEn)),
  );
  expect(labels.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__atlas!.map.getLayoutProperty('district-label', 'text-field'))).toEqual(['get', 'nameEn']);

  await page.getByRole('button', { name: '切换到中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('江门规划一张图');
  await expect(page).not.toHaveURL(/lang=en/);
  expect(errors).toEqual([]);
});
