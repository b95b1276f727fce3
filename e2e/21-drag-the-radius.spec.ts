import { expect, test } from '@playwright/test';
import { openApp, watchConsole } from './support/app.ts';
import { cityCoverage, districtCoverage, importFacilities, renderedCircles } from './support/facilities.ts';

/** Radius of the service circles the map holds (every circle carries it). */
const circleRadii = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const source = window.__atlas!.map.getStyle().sources['coverage-areas'] as { data: { features: { properties: { radiusMetres: number } }[] } } | undefined;
    return [...new Set(source?.data.features.map((f) => f.properties.radiusMetres) ?? [])];
  });

test('a planner drags the service radius and the coverage follows, numbers first, then the map', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page);
  await importFacilities(page, 'facilities-sample.csv', 'gcj02');
  // Expected figures: `npm run coverage` on the same file and radius (bench/README.md shows 1,000 m).
  expect(await cityCoverage(page)).toEqual({ area: '2.3%', population: '3.1%' });
  expect(await circleRadii(page)).toEqual([1000]);

  // Typing a radius: 2,000 m → 8.9 % of the area, 12.2 % of residents; 蓬江区 21.3 %.
  await page.getByLabel('半径数值（米）').fill('2000');
  await expect(page.getByTestId('coverage-city-area')).toHaveText('8.9%');
  expect(await cityCoverage(page)).toEqual({ area: '8.9%', population: '12.2%' });
  expect((await districtCoverage(page))['440703']).toEqual(['21.3%', '21.3%']);
  await expect(page.getByTestId('standard-in-force')).toContainText('半径 2,000 米（用户设定；默认 步行 15 分钟 ≈ 1,000 米（直线半径）');
  await expect.poll(() => circleRadii(page)).toEqual([2000]);
  await expect.poll(() => new URL(page.url()).searchParams.get('radius')).toBe('2000');
  const slider = page.getByRole('slider', { name: '服务半径' });
  await expect(slider).toHaveValue('2000');

  // Dragging the slider with the keyboard, ten steps of 50 m: numbers move at once, while the
  // drawn circles stay those of 2,000 m (dashed) until the slider settles.
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('地图上的覆盖范围仍是上一次的结果（虚线），松开滑块后更新。')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('21-while-dragging.png') });
  await expect(page.getByTestId('coverage-city-area')).toHaveText('5.1%');
  await expect(page.getByText('地图上的覆盖范围仍是上一次的结果（虚线），松开滑块后更新。')).toBeHidden();
  expect(await cityCoverage(page)).toEqual({ area: '5.1%', population: '7.0%' });
  expect((await districtCoverage(page))['440703']).toEqual(['12.4%', '12.4%']);
  expect(await circleRadii(page)).toEqual([1500]);
  expect(new URL(page.url()).searchParams.get('radius')).toBe('1500');
  expect(await renderedCircles(page)).toHaveLength(70);

  // The slider's far end used by a planner testing a wide reach: 3,000 m.
  await slider.fill('3000');
  await expect(page.getByTestId('coverage-city-area')).toHaveText('19.5%');
  expect(await cityCoverage(page)).toEqual({ area: '19.5%', population: '25.6%' });
  expect((await districtCoverage(page))['440703']).toEqual(['43.6%', '43.6%']);
  await page.screenshot({ path: testInfo.outputPath('21-3000m.png') });

  // Back to the standard: the link drops the radius, the sentence no longer says "set by user".
  await page.getByRole('button', { name: '恢复标准半径' }).click();
  expect(await cityCoverage(page)).toEqual({ area: '2.3%', population: '3.1%' });
  await expect(page.getByTestId('standard-in-force')).not.toContainText('用户设定');
  await expect.poll(() => new URL(page.url()).searchParams.has('radius')).toBe(false);
  await expect(slider).toHaveValue('1000');
  expect(errors).toEqual([]);
});
