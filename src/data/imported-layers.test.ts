import { describe, expect, it } from 'vitest';
import type { Facility } from '../domain/facilities.ts';
import { parseFacilitiesCsv } from '../domain/import/index.ts';
import { createLayer, getLayer, listLayers, memoryLayerStore, newLayerId, removeLayer, saveLayer, type KeyValueStore } from './imported-layers.ts';

const facility = (id: string): Facility => ({ id, name: '棠下镇（镇街驻地）', category: 'township-health-centre', lon: 113.03201, lat: 22.68203, source: 'import', sourceRow: 2 });

describe('imported layers', () => {
  it('saves, lists (oldest first) and removes layers', async () => {
    const store = memoryLayerStore();
    const a = createLayer('La', 'a.csv', 'gcj02', [facility('La:r2')], new Date('2024-05-02T08:00:00Z'));
    const b = createLayer('Lb', 'b.geojson', 'wgs84', [facility('Lb:f1')], new Date('2024-05-01T08:00:00Z'));
    expect(await saveLayer(store, a)).toEqual({ ok: true });
    expect(await saveLayer(store, b)).toEqual({ ok: true });
    expect((await listLayers(store)).layers.map((l) => l.id)).toEqual(['Lb', 'La']);
    expect(await getLayer(store, 'La')).toEqual(a);
    await removeLayer(store, 'Lb');
    expect(await listLayers(store)).toEqual({ layers: [a], dropped: 0 });
  });

  it('keeps names exactly as imported, markup included', async () => {
    const store = memoryLayerStore();
    const parsed = parseFacilitiesCsv('name,category,lon,lat\n"<img src=x onerror=alert(1)>",医院,113.03201,22.68203\n', { crs: 'wgs84', fileName: 'x.csv', idPrefix: 'Lx' });
    if (!parsed.ok) throw new Error('parse failed');
    await saveLayer(store, createLayer('Lx', 'x.csv', 'wgs84', parsed.facilities));
    expect((await getLayer(store, 'Lx'))!.facilities[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops corrupt or outdated records instead of failing, and counts them', async () => {
    const store = memoryLayerStore();
    await saveLayer(store, createLayer('Lgood', 'a.csv', 'wgs84', [facility('Lgood:r2')]));
    store.map.set('Lold', { layer: { id: 'Lold' } });
    store.map.set('Lbad', { v: 1, layer: { id: 'Lbad', fileName: 'b.csv', crs: 'mars', importedAt: '', facilities: [] } });
    store.map.set('Lnan', { v: 1, layer: { id: 'Lnan', fileName: 'c.csv', crs: 'wgs84', importedAt: '', facilities: [{ ...facility('x'), lon: 500 }] } });
    const list = await listLayers(store);
    expect(list.layers.map((l) => l.id)).toEqual(['Lgood']);
    expect(list.dropped).toBe(3);
    expect(await getLayer(store, 'Lold')).toBeUndefined();
  });

  it('reports a full store in words, without throwing', async () => {
    const full: KeyValueStore = {
      ...memoryLayerStore(),
      set: async () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const result = await saveLayer(full, createLayer('L1', 'big.csv', 'wgs84', []));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.en).toMatch(/^Browser storage is full: layer "big.csv"/);
  });

  it('newLayerId is time-ordered and uses the random part', () => {
    const a = newLayerId(1_700_000_000_000, () => 0);
    const b = newLayerId(1_700_000_000_001, () => 0.5);
    expect(a).toBe('Lloyw3v280000');
    expect(a < b).toBe(true);
    expect(b.slice(-4)).not.toBe('0000');
  });
});
