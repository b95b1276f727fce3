import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, waitForMapIdle, watchConsole } from './support/app.ts';
import { cityCoverage, districtCoverage, renderedCircles, renderedFacilities, sample } from './support/facilities.ts';

test('a planner imports a GCJ-02 facility file and reads its points, circles and district coverage', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page);

  // The file first: it waits until the planner says which coordinate system it is in.
  await page.getByLabel('导入设施文件（CSV 或 GeoJSON）').setInputFiles(sample('facilities-sample.csv'));
  await expect(page.getByText('已收到文件“facilities-sample.csv”：请选择它的坐标系，随后导入。')).toBeVisible();
  await expect(page.getByRole('list', { name: '已导入图层' })).toHaveCount(0);
  await page.getByLabel('设施文件坐标系').selectOption('gcj02');
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

  // Gaps: off by default; switched on, the uncovered part of every district is drawn.
  await page.getByRole('checkbox', { name: '未覆盖区域' }).check();
  await waitForMapIdle(page);
  const gaps = await page.evaluate(() => {
    const features = window.__atlas!.map.queryRenderedFeatures({ layers: ['gaps-fill'] });
    return [...new Set(features.map((f) => `${f.properties.adcode}:${f.properties.kind}`))].sort();
  });
  expect(gaps).toEqual(['440703', '440704', '440705', '440781', '440783', '440784', '440785'].map((a) => `${a}:gap`));
  // Hatched: the pattern was drawn for the map when the layer first asked for it.
  expect(await page.evaluate(() => window.__atlas!.map.hasImage('gap-hatch'))).toBe(true);

  // The coverage table for a report: the same columns and numbers as `npm run coverage -- --format csv`
  // on this file (bench/README.md), with a byte-order mark for Excel.
  const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出覆盖率表 CSV' }).click()]);
  const csvPath = testInfo.outputPath('coverage.csv');
  await table.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.startsWith('\ufeffadcode,name,areaKm2,coveredAreaShare,population,coveredPopulationShare,radiusMetres,populationModel\r\n')).toBe(true);
  expect(csv).toContain('440703,蓬江区,326.04,0.057507,853007,0.057507,1000,even-census-2020\r\n');
  expect(csv).toContain('440700,江门市,9721.98,0.022619,4798090,0.031383,1000,even-census-2020\r\n');

  const timing = await page.locator('.fac-coverage [role=status]').innerText();
  testInfo.annotations.push({ type: 'coverage', description: timing });
  await page.locator('.fac-coverage').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('20-imported.png') });

  // In English the same figures, with the population model stated in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('.fac-coverage-label')).toHaveText('Community health service centre, Township health centre · 1,000 m radius');
  await expect(page.locator('.fac-model')).toHaveText("Population: each district's 2020 census residents spread evenly over its area (an approximation)");
  await expect(page.getByTestId('coverage-city-area')).toHaveText('2.3%');
  await expect(page.getByRole('table', { name: 'Service coverage by district' }).locator('tr[data-adcode="440703"] th')).toHaveText('Pengjiang District');
  await page.screenshot({ path: testInfo.outputPath('20-english.png') });
  await page.getByRole('button', { name: '切换到中文' }).click();

  // Export: GeoJSON in WGS84, so the layer can be checked in a GIS; the seat of 白沙街道 comes back
  // within a metre of its GeoNames position (113.07264, 22.57607) after the GCJ-02 conversion.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出“facilities-sample.csv”为 GeoJSON' }).click()]);
  expect(download.suggestedFilename()).toBe('facilities-sample-wgs84.geojson');
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { features: { geometry: { coordinates: [number, number] }; properties: { name: string; 类别: string } }[] };
  expect(exported.features).toHaveLength(70);
  const baisha = exported.features.find((f) => f.properties.name === '白沙街道（镇街驻地）')!;
  expect(baisha.properties.类别).toBe('社区卫生服务中心');
  expect(Math.abs(baisha.geometry.coordinates[0] - 113.07264)).toBeLessThan(1e-5);
  expect(Math.abs(baisha.geometry.coordinates[1] - 22.57607)).toBeLessThan(1e-5);

  // A population file (鹤山's 2020 town populations at their seats) replaces the census model:
  // every point sits on a seat of the sample, so 鹤山 is fully covered and no other district has residents.
  await page.getByLabel('人口文件坐标系').selectOption('wgs84');
  await page.getByLabel('导入人口文件（CSV：经度、纬度、人口）').setInputFiles(sample('population-heshan-2020.csv'));
  await expect(page.locator('.fac-model')).toHaveAttribute('data-model', 'imported-points');
  await expect(page.locator('.fac-model')).toContainText('人口按导入文件“population-heshan-2020.csv”的点计（9 个点，合计 517,070 人');
  await cityCoverage(page);
  const withPoints = await districtCoverage(page);
  expect(withPoints['440784']).toEqual(['2.6%', '100.0%']);
  expect(withPoints['440703']).toEqual(['5.8%', '—']);
  expect((await cityCoverage(page)).population).toBe('100.0%');

  // The population file is kept in this browser: after a reload the same model and the same figures.
  await page.reload();
  await expect(page.getByTestId('population-in-use')).toContainText('正在使用“population-heshan-2020.csv”（上次导入，保存在本浏览器中）：9 个点，合计 517,070 人');
  await expect(page.locator('.fac-model')).toHaveAttribute('data-model', 'imported-points');
  expect((await cityCoverage(page)).population).toBe('100.0%');
  expect(await districtCoverage(page)).toEqual(withPoints);
  // A file that is refused leaves the one in use in use, and the panel still says which it is.
  await page.getByLabel('人口文件坐标系').selectOption('wgs84');
  await page.getByLabel('导入人口文件（CSV：经度、纬度、人口）').setInputFiles(sample('facilities-sample-malformed.csv'));
  await expect(page.getByRole('alert').filter({ hasText: '人口文件“facilities-sample-malformed.csv”未导入' })).toBeVisible();
  await expect(page.getByTestId('population-in-use')).toContainText('正在使用“population-heshan-2020.csv”');
  await expect(page.locator('.fac-model')).toHaveAttribute('data-model', 'imported-points');
  expect((await cityCoverage(page)).population).toBe('100.0%');

  await page.getByRole('button', { name: '恢复普查人口模型' }).click();
  await expect(page.locator('.fac-model')).toHaveAttribute('data-model', 'even-census-2020');
  expect(await cityCoverage(page)).toEqual({ area: '2.3%', population: '3.1%' });

  // The layer survives a reload: it is stored in this browser and the link names it. The census
  // model the planner went back to stays too: the stored population file was removed.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /facilities-sample\.csv/ })).toBeChecked();
  expect(await cityCoverage(page)).toEqual({ area: '2.3%', population: '3.1%' });
  await expect(page.locator('.fac-model')).toHaveAttribute('data-model', 'even-census-2020');
  await expect(page.getByTestId('population-in-use')).toHaveCount(0);
  expect(errors).toEqual([]);
});
