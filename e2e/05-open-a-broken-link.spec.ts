import { expect, test } from '@playwright/test';
import { openApp, renderedDistricts, watchConsole } from './support/app.ts';

test('a link with garbage parameters opens a working map with a notice naming what was ignored', async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await openApp(page, './?v=1&classes=9&radius=-5&foo=%3Cscript%3Ealert(1)%3C/script%3E&indicator=no_such_indicator&district=999999#40/91/112.8');

  const notices = page.getByTestId('link-notices');
  await expect(notices).toBeVisible();
  for (const param of ['classes', 'radius', 'indicator', 'district', 'zoom', 'lat']) await expect(notices).toContainText(param);
  await expect(notices).toContainText('无法识别的链接参数');
  // The raw value is shown as text, never run as markup.
  await expect(notices).toContainText('<script>alert(1)</script>');
  expect(await page.locator('script:not([src]):not([type])').count()).toBe(0);

  // The map still works: the whole city with its seven districts and the first indicator in 5 classes.
  expect(await renderedDistricts(page)).toEqual(['440703', '440704', '440705', '440781', '440783', '440784', '440785']);
  await expect(page.getByLabel('分级数')).toHaveValue('5');
  await expect(page.getByTestId('legend')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('05-broken-link.png') });

  await notices.getByRole('button', { name: '知道了' }).click();
  await expect(notices).toHaveCount(0);
  expect(errors).toEqual([]);
});
