import { expect, test } from '@playwright/test';
import { districtFills, openApp, waitForMapIdle, watchConsole } from './support/app.ts';
import { cityCoverage } from './support/facilities.ts';

test('the coverage of the scenario becomes an indicator: a choropleth and a figure on the card with its formula', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  // The 70 town seats with a 2 km radius (stand-ins for town-level services, not surveyed facilities).
  await openApp(page, './?v=1&cats=town-seat&radius=2000&district=440704');
  await cityCoverage(page);
  // 70 of the 73 township units have a GeoNames seat; the other 3 are listed, never placed.
  const unmatched = page.getByTestId('unmatched-towns');
  await unmatched.locator('summary').click();
  await expect(unmatched).toContainText('另有 3 个镇街没有可靠点位');
  for (const town of ['江南街道', '百合镇', '双合镇']) await expect(unmatched).toContainText(town);
  // The town seats' positions are GeoNames': credited on the map while they are drawn.
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames (CC BY 4.0)');

  const picker = page.getByLabel('选择指标');
  await expect(picker.locator('option[value="scenario_coverage_population_share"]')).toHaveCount(1);
  await picker.selectOption('scenario_coverage_population_share');
  await waitForMapIdle(page);

  const legend = page.getByTestId('legend');
  await expect(legend.getByRole('heading')).toContainText('服务半径覆盖人口比例');
  await expect(legend.getByRole('heading')).toContainText('半径 2,000 米');
  await expect(legend).toContainText('%');
  // It is the coverage of the scenario on screen, not a 2020 statistic, and no plan is its source.
  await expect(legend.getByRole('heading')).toContainText('· 当前情景');
  await expect(legend.getByRole('heading')).not.toContainText('2020');
  await expect(legend).toContainText('来源：本应用按上述算式与当前情景计算，不出自规划文件。');
  const fills = await districtFills(page);
  expect(new Set(Object.values(fills)).size).toBeGreaterThanOrEqual(2);

  // The card of 江海区 shows the same share as the panel's table, with its arithmetic.
  const panelShare = (await page.getByRole('table', { name: '各区服务覆盖率' }).locator('tr[data-adcode="440704"] td').nth(1).innerText()).trim();
  const item = page.getByTestId('district-card').locator('[data-indicator="scenario_coverage_population_share"]');
  await expect(item.getByTestId('value-scenario_coverage_population_share')).toContainText(panelShare.replace('%', ''));
  await expect(item.locator('.formula')).toContainText('半径内常住人口 ÷ 常住人口 × 100');
  await expect(item).toContainText('均匀分布');
  await expect(item.locator('dt').first()).toHaveText('当前情景 推算值');
  // The scenario note is on the indicator and on its value: shown once.
  await expect(item.locator('.note', { hasText: '人口按各区2020年普查常住人口在区内均匀分布' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('25-coverage-choropleth.png') });

  // Zoomed in, each point also shows its category's shape (town seats: a white dot), drawn on demand.
  await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [113.07264, 22.57607], zoom: 12 })); // 白沙街道
  await waitForMapIdle(page);
  const shapes = await page.evaluate(() => {
    const map = window.__atlas!.map;
    const icons = map.queryRenderedFeatures({ layers: ['facility-shapes'] }).map((f) => String(f.properties.category));
    return { icons, image: map.hasImage('facility-shape-circle') };
  });
  expect(shapes.icons.length).toBeGreaterThan(0);
  expect(new Set(shapes.icons)).toEqual(new Set(['town-seat']));
  expect(shapes.image).toBe(true);

  // Pointing at a seat names it, as text, with what it is.
  const seat = await page.evaluate(() => {
    const map = window.__atlas!.map;
    const box = map.getCanvas().getBoundingClientRect();
    const p = map.project([113.07264, 22.57607]);
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.move(seat.x, seat.y);
  await expect(page.getByTestId('hover-info')).toContainText('白沙街道');
  await expect(page.getByTestId('hover-info')).toContainText('镇街驻地（GeoNames 点位）');
  await expect(page.getByTestId('hover-info')).toContainText('蓬江区');
  expect(errors).toEqual([]);
});
