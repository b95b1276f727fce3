import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, watchConsole } from './support/app.ts';
import { cityCoverage, importFacilities, renderedFacilities, sample } from './support/facilities.ts';

test('a broken file is refused with a message naming its row, and nothing already loaded is lost', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  await importFacilities(page, 'facilities-sample.csv', 'gcj02');
  await expect(page.getByTestId('import-summary')).toContainText('70 个设施');
  const before = await cityCoverage(page);
  expect(before).toEqual({ area: '2.3%', population: '3.1%' });

  // Dropped on the map, as a planner would drag it from a folder.
  const text = readFileSync(sample('facilities-sample-malformed.csv'), 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'facilities-sample-malformed.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await page.locator('.maplibregl-canvas').dispatchEvent('dragenter', { dataTransfer: transfer });
  await page.locator('.maplibregl-canvas').dispatchEvent('drop', { dataTransfer: transfer });

  const alert = page.getByTestId('import-errors');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('文件“facilities-sample-malformed.csv”未导入，已有图层不受影响');
  await expect(alert.locator('li')).toHaveText([
    '文件“facilities-sample-malformed.csv”第 3 行的引号不成对（引号未闭合），此行之后的内容无法可靠读取。请检查该行的双引号后再导入。',
  ]);
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('24-refused.png') });

  // The earlier layer, its points and its numbers are all still there.
  await expect(page.getByRole('list', { name: '已导入图层' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: /facilities-sample\.csv/ })).toBeChecked();
  expect(await renderedFacilities(page)).toHaveLength(70);
  expect(await cityCoverage(page)).toEqual(before);

  // A file with some bad rows: the good ones come in, each bad one is named by its row.
  await page.getByLabel('导入设施文件（CSV 或 GeoJSON）').setInputFiles(sample('facilities-sample-with-errors.csv'));
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('已导入“facilities-sample-with-errors.csv”：3 个设施，跳过 4 行（共 7 行）。');
  await expect(summary).toContainText('第 3 行：经纬度似乎填反了');
  await expect(summary).toContainText('第 4 行：经度“一百一十三”不是数字。');
  await expect(summary).toContainText('第 5 行：名称含有 HTML 或脚本样式的文字，已原样导入，并只作为纯文字显示。');
  await expect(summary).toContainText('第 6 行：类别“加油站”不在类别目录中');
  await expect(summary).toContainText('第 7 行：坐标 (116.397, 39.909) 不在江门市范围内');
  await expect(page.getByRole('list', { name: '已导入图层' }).getByRole('listitem')).toHaveCount(2);
  // The row named <script>alert("荷塘镇")</script> is a point with that text as data, never markup.
  const names = await page.evaluate(() => {
    const source = window.__atlas!.map.getStyle().sources['facility-points'] as unknown as { data: { features: { properties: { name: string } }[] } };
    return source.data.features.map((f) => f.properties.name);
  });
  expect(names).toContain('<script>alert("荷塘镇")</script>');
  expect(await page.locator('script:not([src]):not([type])').count()).toBe(0);
  expect(await renderedFacilities(page)).toHaveLength(73);
  expect(dialogs).toEqual([]);
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('24-partial-import.png') });

  // Removing the second layer leaves the first exactly as it was.
  await page.getByRole('button', { name: '删除“facilities-sample-with-errors.csv”' }).click();
  await expect(page.getByRole('list', { name: '已导入图层' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(async () => (await renderedFacilities(page)).length).toBe(70);
  expect(await cityCoverage(page)).toEqual(before);
  expect(errors).toEqual([]);
});
