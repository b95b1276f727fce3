import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForMapIdle, watchConsole } from './support/app.ts';
import { cityCoverage, importFacilities, placeSite, renderedFacilities } from './support/facilities.ts';

/** A point inside 台山市, 14.6 km from the nearest town seat and over 3 km from its boundary. */
const SITE = { lng: 112.64, lat: 21.98 };
const TAISHAN_KM2 = 3467.95;
const CITY_KM2 = 9721.98;

const value = async (page: Page, selector: string) => Number(await page.locator(selector).getAttribute('data-value'));
const taishanArea = (page: Page) => value(page, 'tr[data-adcode="440781"] td:nth-of-type(1)');
const cityPopulation = (page: Page) => value(page, '[data-testid="coverage-city-population"]');
const cityArea = (page: Page) => value(page, '[data-testid="coverage-city-area"]');

test('a planner proposes a site by clicking the map, then adopts a suggested one, and coverage rises', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page);
  await importFacilities(page, 'facilities-sample.csv', 'gcj02');
  await expect(page.getByTestId('import-summary')).toBeVisible();
  // Only the 街道 stand-ins (社区卫生服务中心), so that suggestions and coverage count the same facilities.
  await page.getByRole('checkbox', { name: '乡镇卫生院' }).uncheck();
  await cityCoverage(page);
  const before = { taishan: await taishanArea(page), city: await cityArea(page), population: await cityPopulation(page) };

  await placeSite(page, 'community-health-centre', SITE);

  // The site travels in the link, in WGS84 with 5 decimals, near where the click was.
  await expect.poll(() => new URL(page.url()).searchParams.get('sites')).toMatch(/^community-health-centre~112\.\d{1,5}~21\.\d{1,5}$/);
  const [, lng, lat] = new URL(page.url()).searchParams.get('sites')!.split('~').map(Number);
  expect(Math.abs(lng! - SITE.lng)).toBeLessThan(0.005);
  expect(Math.abs(lat! - SITE.lat)).toBeLessThan(0.005);

  // A whole 1 km circle inside 台山市, far from every facility: the covered area grows by π km².
  await cityCoverage(page);
  const circleKm2 = Math.PI;
  expect((await taishanArea(page)) - before.taishan).toBeCloseTo(circleKm2 / TAISHAN_KM2, 5);
  expect((await cityArea(page)) - before.city).toBeCloseTo(circleKm2 / CITY_KM2, 5);
  expect(await cityPopulation(page)).toBeGreaterThan(before.population);
  const proposed = (await renderedFacilities(page)).filter((f) => f.source === 'proposed');
  expect(proposed).toEqual([{ id: 'site:0', category: 'community-health-centre', source: 'proposed', colour: 'rgba(238,51,119,1)' }]);
  await page.evaluate(({ lng, lat }) => window.__atlas!.map.jumpTo({ center: [lng, lat], zoom: 12 }), SITE);
  await waitForMapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('22-proposed-site.png') });
  await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [112.7, 22.2], zoom: 8.3 }));
  await waitForMapIdle(page);

  // Suggestions on a 2 km grid, for the radius in force, each with its gain and cumulative share.
  const shareNow = (await page.getByTestId('coverage-city-population').innerText()).trim();
  await page.getByLabel('选址类别').selectOption('community-health-centre');
  await page.getByLabel('建议个数').fill('3');
  await page.getByLabel('候选点').selectOption('grid');
  await page.getByRole('button', { name: '建议 3 个新址' }).click();
  const suggestions = page.getByRole('list', { name: '建议新址' }).getByRole('listitem');
  await expect(suggestions).toHaveCount(3);
  await expect(page.getByText(`现有设施覆盖全市 ${shareNow} 的人口`)).toBeVisible();
  const listed = await suggestions.evaluateAll((items) => items.map((li) => ({ gain: Number(li.dataset.gain), share: Number(li.dataset.share) })));
  expect(listed[0]!.gain).toBeGreaterThan(listed[1]!.gain);
  expect(listed[1]!.gain).toBeGreaterThanOrEqual(listed[2]!.gain);
  expect(listed[2]!.share).toBeGreaterThan(listed[0]!.share);
  await page.screenshot({ path: testInfo.outputPath('22-suggestions.png') });

  // Adopting the best one: the city figure becomes the share the suggestion promised.
  await page.getByRole('button', { name: '采用建议 1' }).click();
  await expect(page.getByRole('button', { name: '采用建议 1' })).toHaveText('已采用');
  await expect(page.getByRole('list', { name: '拟建设施' }).getByRole('listitem')).toHaveCount(2);
  await expect.poll(async () => (await cityCoverage(page)).population).toBe(`${(listed[0]!.share * 100).toFixed(1)}%`);
  expect(await cityPopulation(page)).toBeCloseTo(listed[0]!.share, 4);
  expect(new URL(page.url()).searchParams.get('sites')!.split('_')).toHaveLength(2);

  // Removing the clicked site takes its π km² back out.
  const withBoth = await cityArea(page);
  await page.getByRole('button', { name: '删除拟建设施 1' }).click();
  await expect(page.getByRole('list', { name: '拟建设施' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(async () => (await cityCoverage(page), withBoth - (await cityArea(page)))).toBeCloseTo(circleKm2 / CITY_KM2, 5);
  expect(errors).toEqual([]);
});
