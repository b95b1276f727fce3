import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { districtPixel, openApp, watchConsole } from './support/app.ts';

interface StoredValue { indicator: string; scope: string; year: number; printed?: string; value: number }
const health = JSON.parse(readFileSync('data/indicators/values-health-plan.json', 'utf8')) as { values: StoredValue[] };
const printed = (indicator: string, scope: string, year: number) => {
  const v = health.values.find((x) => x.indicator === indicator && x.scope === scope && x.year === year)!;
  return v.printed ?? String(v.value);
};

test('a planner hovers and clicks 新会区 on the map and reads its figures, targets and sources', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page, './?v=1&indicator=beds_per_1000&year=2025');
  const point = await districtPixel(page, '440705');

  await page.mouse.move(point.x, point.y);
  await expect(page.getByTestId('hover-info')).toContainText('新会区');
  await expect(page.getByTestId('hover-info')).toContainText('6.35');

  await page.mouse.click(point.x, point.y);
  const card = page.getByTestId('district-card');
  await expect(card).toHaveAttribute('data-adcode', '440705');
  await expect(card.getByRole('heading', { level: 2 })).toContainText('新会区');
  await expect(page).toHaveURL(/district=440705/);

  // Health plan 表2 (seed 004 L3367–3371): 新会 5.40 in 2020, 6.35 targeted for 2025; the city 5.20.
  const beds = card.locator('[data-indicator="beds_per_1000"]');
  await expect(beds.getByTestId('value-beds_per_1000')).toContainText(`${printed('beds_per_1000', '440705', 2020)} 张/千人`);
  await expect(beds.getByTestId('target-beds_per_1000')).toContainText(printed('beds_per_1000', '440705', 2025));
  await expect(beds.getByTestId('city-beds_per_1000')).toContainText(printed('beds_per_1000', 'city', 2020));
  await expect(beds.getByTestId('gap-beds_per_1000').first()).toContainText('-0.95'); // 5.40 − 6.35: behind, as in the map's gap view
  await expect(beds).toContainText('不含市直医疗卫生机构');
  await beds.getByText('来源').click();
  await expect(beds).toContainText('表2 江门市“十四五”卫生健康主要指标分解表 (004_028c46f8710c799b.txt L3370)');
  // The figure on the map is the first the card shows.
  await expect(card.locator('.card-item').first()).toHaveAttribute('data-indicator', 'beds_per_1000');

  // Every domain with district figures is on the card, and derived values show their formula.
  for (const domain of ['人口', '医疗卫生', '教育', '养老']) await expect(card.getByRole('heading', { level: 3, name: domain })).toBeVisible();
  await expect(card.locator('[data-indicator="population_density"] .formula')).toContainText('÷');

  await page.screenshot({ path: testInfo.outputPath('03-card-xinhui.png') });

  // A long card is filtered by name: only the registered-nurses figure is left (表2: 新会 2.97 in 2020).
  await card.getByLabel('筛选指标（名称或领域）').fill('护士');
  await expect(card.locator('.card-item')).toHaveCount(1);
  await expect(card.getByTestId('value-nurses_per_1000')).toContainText('2.97');
  await expect(card.getByRole('status')).toContainText('显示 1 /');
  await card.getByLabel('筛选指标（名称或领域）').fill('');
  await expect(card.locator('.card-item').first()).toHaveAttribute('data-indicator', 'beds_per_1000');
  await card.getByRole('button', { name: '关闭指标卡' }).click();
  await expect(card).toHaveCount(0);
  await expect(page).not.toHaveURL(/district=/);
  expect(errors).toEqual([]);
});
