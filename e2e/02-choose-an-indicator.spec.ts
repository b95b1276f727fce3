import { expect, test } from '@playwright/test';
import { colourAt, districtFills, districtPixel, openApp, waitForMapIdle, watchConsole } from './support/app.ts';

test('a planner picks hospital beds per 1,000 for 2025 and the legend and district colours follow', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page);
  const legend = page.getByTestId('legend');
  const before = await legend.textContent();

  await page.getByLabel('选择指标').selectOption('beds_per_1000');
  await page.getByLabel('年份').selectOption('2025');
  await waitForMapIdle(page);

  await expect(legend.getByRole('heading')).toHaveText('每千人口医疗卫生机构床位数 · 2025');
  expect(await legend.textContent()).not.toBe(before);
  // Health plan 表2 (seed 004 L3363–3376): 2025 district targets range from 2.64 (江海) to 6.35 (新会).
  await expect(legend).toContainText('2.64 –');
  await expect(legend).toContainText('6.35 张/千人');
  await expect(legend).toContainText('不含市直医疗卫生机构');
  await expect(page).toHaveURL(/indicator=beds_per_1000&year=2025/);

  const fills = await districtFills(page);
  expect(Object.keys(fills)).toHaveLength(7);
  expect(new Set(Object.values(fills)).size).toBeGreaterThanOrEqual(2);
  // 新会 (6.35) sits in the top class, 恩平 (4.24) lower: the map draws them in different colours.
  expect(fills['440705']).not.toBe(fills['440785']);
  const xinhui = await colourAt(page, await districtPixel(page, '440705'));
  const enping = await colourAt(page, await districtPixel(page, '440785'));
  expect(xinhui).not.toEqual(enping);
  // Darker is higher on every sequential ramp.
  expect(xinhui.reduce((a, b) => a + b)).toBeLessThan(enping.reduce((a, b) => a + b));

  await page.getByLabel('分级方法').selectOption('equal');
  await page.getByLabel('分级数').selectOption('3');
  await waitForMapIdle(page);
  await expect(legend.locator('.legend-classes li')).toHaveCount(4); // three classes and no data
  // Equal interval over 2.64–6.35: bounds 2.64, 3.88, 5.11, 6.35 (width 1.2367).
  await expect(legend).toContainText('3.88 – 5.11');

  await page.screenshot({ path: testInfo.outputPath('02-beds-2025.png') });

  // An indicator with a note on its definition shows it in the legend (catalogue note).
  await page.getByLabel('选择指标').selectOption('elderly_beds_per_1000_residents');
  await expect(legend).toContainText('以全部常住人口为分母');
  expect(errors).toEqual([]);
});

test('the target view colours districts by their gap to the 2025 city target of 6.15 beds per 1,000', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page, './?v=1&indicator=beds_per_1000');
  await page.getByLabel('按与目标的差距').check();
  await waitForMapIdle(page);
  await expect(page.getByLabel('目标年份')).toHaveValue('2025');
  await expect(page.getByTestId('legend-target')).toContainText('对照2025年全市规划目标 6.15');
  await expect(page).toHaveURL(/view=target/);
  // Every district's 2020 figure is below 6.15: all are behind target (negative gaps, red side).
  const 新会 = page.getByRole('navigation', { name: '行政区列表' }).getByRole('button', { name: /新会区/ });
  await expect(新会).toContainText('-0.75'); // 5.40 − 6.15
  const fills = await districtFills(page);
  expect(new Set(Object.values(fills)).size).toBeGreaterThanOrEqual(2);

  // Each district against its own 2025 target (health plan 表2, seed 004 L3370: 新会 6.35).
  await page.getByLabel('对照的规划目标').selectOption('own');
  await waitForMapIdle(page);
  await expect(page.getByTestId('legend-target')).toContainText('对照各区自身的2025年规划目标');
  await expect(page).toHaveURL(/view=target&goal=own/);
  await expect(新会).toContainText('-0.95'); // 5.40 − 6.35
  await page.getByLabel('对照的规划目标').selectOption('city');

  await page.getByLabel(/自定目标值/).fill('5');
  await waitForMapIdle(page);
  await expect(page.getByTestId('legend-target')).toContainText('对照用户设定的目标 5');
  await expect(新会).toContainText('+0.4'); // 5.40 − 5
  await page.screenshot({ path: testInfo.outputPath('02-gap-to-target.png') });
  expect(errors).toEqual([]);
});
