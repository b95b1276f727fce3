import { expect, test } from '@playwright/test';
import { openApp, renderedDistricts } from './support/app.ts';

test('a broken indicator file is named in a clear message, and the district map still works', async ({ page }) => {
  // As if a deploy had shipped a hand-edited file: one value of the health plan is text.
  await page.route(/values-health-plan-[^/]*\.json$/, async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { values: { value: unknown }[] };
    json.values[3]!.value = '五点二';
    await route.fulfill({ response, json });
  });
  await openApp(page);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('指标数据有误');
  await expect(alert).toContainText('data/indicators/values-health-plan.json');
  await expect(alert).toContainText('values[3]');
  // Nothing else is lost: the seven districts are drawn and listed, and the facility panel works.
  expect(await renderedDistricts(page)).toEqual(['440703', '440704', '440705', '440781', '440783', '440784', '440785']);
  await expect(page.getByRole('navigation', { name: '行政区列表' }).getByRole('button')).toHaveCount(7);
  await expect(page.getByRole('checkbox', { name: /镇街驻地/ })).toBeEnabled();
});
