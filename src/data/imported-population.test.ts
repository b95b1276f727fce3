import { describe, expect, it } from 'vitest';
import { memoryLayerStore, type KeyValueStore } from './imported-layers.ts';
import { clearPopulation, loadPopulation, packPoints, savePopulation, unpackPoints, type StoredPopulation } from './imported-population.ts';

// The first two rows of data/samples/population-heshan-2020.csv: 鹤山 town seats, 2020 populations.
const heshan: StoredPopulation = {
  fileName: 'population-heshan-2020.csv',
  crs: 'wgs84',
  importedAt: '2026-12-01T08:00:00.000Z',
  imported: 2,
  skipped: 1,
  points: [
    { lon: 112.95776, lat: 22.77019, population: 240614 }, // 沙坪街道
    { lon: 112.90708, lat: 22.77426, population: 32680 }, // 龙口镇
  ],
};

describe('stored population file', () => {
  it('packs points as (lon, lat, population) triples and back, exactly', () => {
    const packed = packPoints(heshan.points);
    expect([...packed]).toEqual([112.95776, 22.77019, 240614, 112.90708, 22.77426, 32680]);
    expect(unpackPoints(packed)).toEqual(heshan.points);
  });

  it('saves, loads and clears the file', async () => {
    const store = memoryLayerStore();
    expect(await loadPopulation(store)).toEqual({ status: 'none' });
    expect(await savePopulation(store, heshan)).toEqual({ ok: true });
    expect(await loadPopulation(store)).toEqual({ status: 'stored', population: heshan });
    await clearPopulation(store);
    expect(await loadPopulation(store)).toEqual({ status: 'none' });
  });

  it.each([
    ['an old record without a version', { fileName: 'a.csv', points: [] }],
    ['an unknown coordinate system', { v: 1, fileName: 'a.csv', crs: 'mars', importedAt: '', imported: 1, skipped: 0, points: new Float64Array([113, 22.5, 10]) }],
    ['points that are not triples', { v: 1, fileName: 'a.csv', crs: 'wgs84', importedAt: '', imported: 1, skipped: 0, points: new Float64Array([113, 22.5]) }],
    ['a latitude out of range', { v: 1, fileName: 'a.csv', crs: 'wgs84', importedAt: '', imported: 1, skipped: 0, points: new Float64Array([113, 95, 10]) }],
    ['a negative population', { v: 1, fileName: 'a.csv', crs: 'wgs84', importedAt: '', imported: 1, skipped: 0, points: new Float64Array([113, 22.5, -1]) }],
    ['objects instead of packed numbers', { v: 1, fileName: 'a.csv', crs: 'wgs84', importedAt: '', imported: 1, skipped: 0, points: [{ lon: 113, lat: 22.5, population: 1 }] }],
  ])('drops %s, removing it from the store, instead of failing', async (_what, record) => {
    const store = memoryLayerStore();
    store.map.set('population', record);
    expect(await loadPopulation(store)).toEqual({ status: 'dropped' });
    expect(store.map.has('population')).toBe(false);
  });

  it('reports a store that refuses the file, naming it', async () => {
    const full: KeyValueStore = { ...memoryLayerStore(), set: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) };
    const result = await savePopulation(full, heshan);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.zh).toContain('population-heshan-2020.csv');
  });
});
