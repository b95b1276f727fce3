import { expect, test, type Page } from '@playwright/test';
import { openApp, openInColleaguesBrowser, waitForMapIdle, watchConsole } from './support/app.ts';
import { cityCoverage, districtCoverage, importFacilities, placeSite, renderedFacilities } from './support/facilities.ts';

/** Inside 台山市, 14.6 km from the nearest town seat (checked against public/geo/towns.geojson). */
const SITE = { lng: 112.64, lat: 21.98 };

async function scenario(page: Page) {
  return {
    city: await cityCoverage(page),
    districts: await districtCoverage(page),
    label: (await page.locator('.fac-coverage-label').innerText()).trim(),
    sites: await page.getByRole('list', { name: '拟建设施' }).getByRole('listitem').allInnerTexts(),
    radius: await page.getByRole('slider', { name: '服务半径' }).inputValue(),
    standard: (await page.getByTestId('standard-in-force').innerText()).trim(),
    checked: await page.locator('.fac-categories input[type=checkbox]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.category)),
    points: (await renderedFacilities(page)).map((p) => `${p.source}:${p.category}`).sort(),
  };
}

test('a planner shares a scenario (categories, radius, proposed site) and it reopens the same', async ({ page, browser }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page);
  await importFacilities(page, 'facilities-sample.csv', 'gcj02');
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByRole('checkbox', { name: '乡镇卫生院' }).uncheck();
  await page.getByRole('checkbox', { name: '镇街驻地（GeoNames 点位）' }).check();
  await page.getByLabel('半径数值（米）').fill('1500');
  await expect(page.getByTestId('standard-in-force')).toContainText('半径 1,500 米（用户设定');
  await placeSite(page, 'community-health-centre', SITE);
  await expect(page.getByRole('list', { name: '拟建设施' }).getByRole('listitem')).toHaveCount(1);
  const original = await scenario(page);
  expect(original.checked).toEqual(['community-health-centre', 'town-seat']);
  expect(original.label).toBe('社区卫生服务中心、镇街驻地（GeoNames 点位） · 半径 1,500 米');
  expect(original.points.filter((p) => p.startsWith('proposed'))).toEqual(['proposed:community-health-centre']);
  expect(original.points.filter((p) => p.startsWith('town-seat'))).toHaveLength(70);

  await page.getByRole('button', { name: '复制链接' }).click();
  const link = await page.getByLabel('分享链接').inputValue();
  const params = new URL(link).searchParams;
  expect(params.get('cats')).toBe('community-health-centre,town-seat');
  expect(params.get('radius')).toBe('1500');
  expect(params.get('sites')).toMatch(/^community-health-centre~112\.\d+~21\.\d+$/);
  expect(params.get('imported')).toMatch(/^L[0-9a-z]+$/);
  await page.screenshot({ path: testInfo.outputPath('23-original.png') });

  // The same browser (same IndexedDB): the imported layer is there too, so everything matches.
  const again = await page.context().newPage();
  const againErrors = watchConsole(again);
  await again.goto(link);
  await waitForMapIdle(again);
  expect(await scenario(again)).toEqual(original);
  await expect(again.getByTestId('link-notices')).toHaveCount(0);
  await again.screenshot({ path: testInfo.outputPath('23-reopened-same-browser.png') });

  // A colleague's browser: no imported layer. Categories, radius and the site still come back;
  // the notice says which layer is missing, and the numbers are for what this browser has.
  const { context, page: colleague, errors: colleagueErrors } = await openInColleaguesBrowser(browser, link);
  await expect(colleague.getByTestId('link-notices')).toContainText('链接引用了在另一浏览器中导入的图层，本浏览器中没有该图层，已略过。');
  const theirs = await scenario(colleague);
  expect(theirs.checked).toEqual(original.checked);
  expect(theirs.radius).toBe('1500');
  expect(theirs.sites).toEqual(original.sites);
  expect(theirs.label).toBe(original.label);
  expect(theirs.points.filter((p) => !p.startsWith('import'))).toEqual(original.points.filter((p) => !p.startsWith('import')));
  expect(theirs.points.some((p) => p.startsWith('import'))).toBe(false);
  await expect(colleague.getByText('参与计算的设施 71 个')).toBeVisible(); // 70 seats + the site
  await colleague.screenshot({ path: testInfo.outputPath('23-colleague.png') });
  await context.close();
  expect([...errors, ...againErrors, ...colleagueErrors]).toEqual([]);
});
