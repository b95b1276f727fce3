import { expect, test } from '@playwright/test';
import { districtFills, openApp, openInColleaguesBrowser, waitForMapIdle, watchConsole } from './support/app.ts';

test('a planner copies the link of a view and a colleague opens exactly the same view', async ({ page, browser }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.getByLabel('选择指标').selectOption('physicians_per_1000');
  await page.getByLabel('年份').selectOption('2023');
  await page.getByLabel('分级方法').selectOption('ckmeans');
  await page.getByLabel('分级数').selectOption('4');
  await page.getByLabel(/配色/).selectOption('viridis');
  await page.getByRole('navigation', { name: '行政区列表' }).getByRole('button', { name: /鹤山市/ }).click();
  await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [112.85, 22.6], zoom: 9.6 }));
  await waitForMapIdle(page);

  await page.getByRole('button', { name: '复制链接' }).click();
  const link = await page.getByLabel('分享链接').inputValue();
  expect(link).toMatch(/\?v=1&indicator=physicians_per_1000&year=2023&method=ckmeans&classes=4&palette=viridis&district=440784#9\.6\/22\.6\/112\.85$/);

  const legend = await page.getByTestId('legend').innerText();
  const fills = await districtFills(page);
  const card = await page.getByTestId('district-card').locator('.card-item').first().innerText();
  await page.screenshot({ path: testInfo.outputPath('04-original.png') });

  // A colleague's browser: a fresh context, nothing shared but the link.
  const { context, page: colleague, errors: colleagueErrors } = await openInColleaguesBrowser(browser, link);

  await expect(colleague.getByLabel('选择指标')).toHaveValue('physicians_per_1000');
  await expect(colleague.getByLabel('年份')).toHaveValue('2023');
  await expect(colleague.getByLabel('分级方法')).toHaveValue('ckmeans');
  await expect(colleague.getByLabel('分级数')).toHaveValue('4');
  await expect(colleague.getByLabel(/配色/)).toHaveValue('viridis');
  await expect(colleague.getByTestId('district-card')).toHaveAttribute('data-adcode', '440784');
  expect(await colleague.getByTestId('legend').innerText()).toBe(legend);
  expect(await districtFills(colleague)).toEqual(fills);
  expect(await colleague.getByTestId('district-card').locator('.card-item').first().innerText()).toBe(card);
  const camera = await colleague.evaluate(() => {
    const map = window.__atlas!.map;
    return { zoom: map.getZoom(), lng: map.getCenter().lng, lat: map.getCenter().lat };
  });
  expect(camera.zoom).toBeCloseTo(9.6, 5);
  expect(camera.lng).toBeCloseTo(112.85, 5);
  expect(camera.lat).toBeCloseTo(22.6, 5);
  await expect(colleague.getByTestId('link-notices')).toHaveCount(0);
  await colleague.screenshot({ path: testInfo.outputPath('04-reopened.png') });
  expect(colleagueErrors).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
