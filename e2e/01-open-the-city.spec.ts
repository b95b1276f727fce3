import { expect, test } from '@playwright/test';
import { openApp, renderedDistricts, watchConsole } from './support/app.ts';

test('a planner opens the atlas and sees the seven districts of Jiangmen, offline', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  const external: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !url.protocol.startsWith('blob') && !url.protocol.startsWith('data'))
      external.push(req.url());
  });

  await openApp(page);

  expect(await renderedDistricts(page)).toEqual(['440703', '440704', '440705', '440781', '440783', '440784', '440785']);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('江门规划一张图');
  for (const name of ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'])
    await expect(page.getByRole('navigation', { name: '行政区列表' }).getByText(name)).toBeVisible();
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap');

  await testInfo.attach('city-overview', { body: await page.screenshot(), contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('01-city-overview.png') });
  expect(external, 'the app must not reach the network').toEqual([]);
  expect(errors).toEqual([]);
});
