import { expect, test } from '@playwright/test';
import { openApp, watchConsole } from './support/app.ts';
import { cityCoverage, districtCoverage, importFacilities, renderedCircles, renderedFacilities } from './support/facilities.ts';

test('a planner imports a GCJ-02 facility file and reads its points, circles and district coverage', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page);

  await importFacilities(page, 'facilities-sample.csv', 'gcj02');
  await expect(page.getByTestId('import-summary')).toContainText('已导入“facilities-sample.csv”：70 个设施（共 70 行）');

  // Both stand-in categories of the sample are switched on with the layer.
  await expect(page.getByRole('checkbox', { name: '社区卫生服务中心' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '乡镇卫生院' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /facilities-sample\.csv/ })).toBeChecked();
  await expect(page.getByRole('list', { name: '已导入图层' })).toContainText('70 个设施 · GCJ-02（高德、腾讯地图）');

  // Numbers: the same as the coverage CLI on this file at 1,000 m (bench/README.md).
  const city = await cityCoverage(page);
  expect(city).toEqual({ area: '2.3%', population: '3.1%' });
  const districts = await districtCoverage(page);
  expect(districts['440703']).toEqual(['5.8%', '5.8%']); // 蓬江区 0.057507
  expect(districts['440781']).toEqual(['1.5%', '1.5%']); // 台山市 0.015312
  expect(Object.keys(districts)).toHaveLength(7);
  await expect(page.locator('.fac-model')).toHaveText('人口按各区2020年普查常住人口在区内均匀分布（近似）');
  await expect(page.getByTestId('standard-in-force')).toContainText('步行 15 分钟 ≈ 1,000 米（直线半径）');
  await expect(page.locator('.fac-coverage-label')).toHaveText('社区卫生服务中心、乡镇卫生院 · 半径 1,000 米');

  // Points: all 70 drawn, each in its category's catalogue colour.
  const points = await renderedFacilities(page);
  expect(points).toHaveLength(70);
  const colours = Object.fromEntries(points.map((p) => [p.category, p.colour]));
  expect(Object.keys(colours).sort()).toEqual(['community-health-centre', 'township-health-centre']);
  expect(colours['community-health-centre']).toBe('rgba(238,51,119,1)'); // #EE3377
  expect(colours['township-health-centre']).toBe('rgba(136,34,85,1)'); // #882255
  expect(points.every((p) => p.source === 'import')).toBe(true);

  // Circles: one per facility (70 ≤ 500), drawn and queryable.
  const circles = await renderedCircles(page);
  expect(circles).toHaveLength(70);
  expect(circles).toEqual(points.map((p) => p.id));

  const timing = await page.locator('.fac-coverage [role=status]').innerText();
  testInfo.annotations.push({ type: 'coverage', description: timing });
  await page.screenshot({ path: testInfo.outputPath('20-imported.png') });

  // The layer survives a reload: it is stored in this browser and the link names it.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /facilities-sample\.csv/ })).toBeChecked();
  expect(await cityCoverage(page)).toEqual({ area: '2.3%', population: '3.1%' });
  expect(errors).toEqual([]);
});
