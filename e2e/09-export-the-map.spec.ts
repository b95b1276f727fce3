import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, watchConsole } from './support/app.ts';

test('a planner exports the district table as CSV for Excel and the map as a PNG with its legend', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page, './?v=1&indicator=beds_per_1000&year=2025');

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出表格 CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('每千人口医疗卫生机构床位数-2025.csv');
  const csvPath = testInfo.outputPath('table.csv');
  await csvDownload.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.startsWith('\ufeff')).toBe(true);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(8);
  expect(lines[0]).toBe('行政区划代码,区（市）,数值,单位,年份,类型,分级（1 = 最低）,来源,说明');
  // Health plan 表2 (seed 004 L3370): 新会 6.35 beds per 1,000 targeted for 2025, in the top class of five.
  expect(lines.find((l) => l.startsWith('440705'))).toMatch(/^440705,新会区,6\.35,张\/千人,2025,规划目标,5,/);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出图片 PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('每千人口医疗卫生机构床位数-2025.png');
  const pngPath = testInfo.outputPath('map.png');
  await pngDownload.saveAs(pngPath);
  const png = readFileSync(pngPath);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const canvas = await page.evaluate(() => ({ w: window.__atlas!.map.getCanvas().width, h: window.__atlas!.map.getCanvas().height }));
  // The map plus a legend column beside it and a title and attribution band.
  expect(width).toBeGreaterThan(canvas.w);
  expect(height).toBeGreaterThan(canvas.h);
  expect(errors).toEqual([]);
});
