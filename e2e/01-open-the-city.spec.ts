import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { coloursAt, openApp, renderedDistricts, watchConsole } from './support/app.ts';

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

test('at the city view every district is filled inside its own boundary and nowhere else', async ({ page }) => {
  await openApp(page);
  const districts = JSON.parse(readFileSync(new URL('../public/geo/districts.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { adcode: string }>;
  // The fills alone: outlines (which also draw the borders between a district's own polygons) and labels hidden.
  await page.evaluate(() => {
    const map = window.__atlas!.map;
    for (const id of ['district-outline', 'district-label']) map.setLayoutProperty(id, 'visibility', 'none');
    map.triggerRepaint();
    return window.__atlas!.whenIdle();
  });
  // Every 8th pixel of the map not under a panel (page coordinates), with the positions 5 px around it.
  const points = await page.evaluate(() => {
    const map = window.__atlas!.map;
    const canvas = map.getCanvas();
    const box = canvas.getBoundingClientRect();
    const out: { x: number; y: number; around: [number, number][] }[] = [];
    for (let y = 6; y < box.height - 6; y += 8)
      for (let x = 6; x < box.width - 6; x += 8) {
        if (document.elementFromPoint(box.left + x, box.top + y) !== canvas) continue;
        const around = [[0, 0], [-5, 0], [5, 0], [0, -5], [0, 5]].map(([dx, dy]) => map.unproject([x + dx!, y + dy!]).toArray() as [number, number]);
        out.push({ x: box.left + x, y: box.top + y, around });
      }
    return out;
  });
  const colours = await coloursAt(page, points);
  const samples = points.map((p, i) => ({ ...p, rgb: colours[i]! }));
  // Which district each sample lies in, from the boundary file itself (not from what the map drew);
  // samples within 5 px of a boundary are left out, where edges blend.
  const districtOf = (p: [number, number]) => districts.features.find((f) => booleanPointInPolygon(p, f))?.properties.adcode ?? null;
  const byDistrict = new Map<string, [number, number, number][]>();
  for (const s of samples) {
    const [code, ...neighbours] = s.around.map(districtOf);
    if (!code || neighbours.some((c) => c !== code)) continue;
    byDistrict.set(code, [...(byDistrict.get(code) ?? []), s.rgb]);
  }
  expect([...byDistrict.keys()].sort()).toEqual(['440703', '440704', '440705', '440781', '440783', '440784', '440785']);
  for (const [adcode, seen] of byDistrict) {
    const median = [0, 1, 2].map((c) => seen.map((rgb) => rgb[c]!).sort((a, b) => a - b)[Math.floor(seen.length / 2)]!);
    const off = seen.filter((rgb) => rgb.some((v, c) => Math.abs(v - median[c]!) > 6));
    expect(off.length, `${adcode}: ${off.length} of ${seen.length} samples not in the district's colour ${median}, e.g. ${JSON.stringify(off.slice(0, 3))}`).toBe(0);
  }
});
