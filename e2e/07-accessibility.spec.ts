import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './support/app.ts';

for (const [name, path] of [
  ['the main screen', './'],
  ['the main screen with a district card open, in the target view', './?v=1&indicator=beds_per_1000&view=target&district=440703'],
  ['the English main screen', './?v=1&lang=en&district=440785'],
] as const) {
  test(`axe finds no serious or critical accessibility violation on ${name}`, async ({ page }) => {
    await openApp(page, path);
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(severe).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  });
}
