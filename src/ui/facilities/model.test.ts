import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLayer } from '../../data/imported-layers.ts';
import { parseFacilitiesFile } from '../../domain/import/index.ts';
import { parseTownSeats, townSeatFacilities } from '../../domain/town-seats.ts';
import { DEFAULT_VIEW, withCategoryVisible, withImported, withRadius, withSiteAdded, type ViewState } from '../../domain/url-state.ts';
import {
  availableFacilities,
  countByCategory,
  coverageLabel,
  facilitiesInPlay,
  formatShare,
  parseRadiusInput,
  radiusInForce,
  standardInForce,
  visibleCategories,
} from './model.ts';

const root = (path: string) => new URL(`../../../${path}`, import.meta.url);
const towns = townSeatFacilities(parseTownSeats(JSON.parse(readFileSync(root('public/geo/towns.geojson'), 'utf8'))));
const sample = parseFacilitiesFile(readFileSync(root('data/samples/facilities-sample.csv')), { crs: 'gcj02', fileName: 'facilities-sample.csv', idPrefix: 'L1' });
if (!sample.ok) throw new Error('sample did not parse');
const layer = createLayer('L1', 'facilities-sample.csv', 'gcj02', sample.facilities, new Date('2024-01-01T00:00:00Z'));
const other = createLayer('L2', 'other.csv', 'wgs84', [], new Date('2024-01-02T00:00:00Z'));

const view = (change: (s: ViewState) => ViewState = (s) => s): ViewState => change({ ...DEFAULT_VIEW, sites: [], imported: [] });
const site = { category: 'kindergarten', lng: towns[0]!.lon, lat: towns[0]!.lat, name: null };

describe('facilities in play', () => {
  it('are none by default: no category is visible until one is chosen', () => {
    const v = view((s) => withImported(s, 'L1', true));
    expect(visibleCategories(v)).toEqual([]);
    // The same array on every call, so memoised selections do not recompute on each render.
    expect(visibleCategories(v)).toBe(visibleCategories(view()));
    expect(facilitiesInPlay(availableFacilities({ towns, layers: [layer], view: v }), visibleCategories(v))).toEqual([]);
  });

  it('take town seats only when town-seat is visible, imported layers only when shown, sites of visible categories', () => {
    const cats = (s: ViewState, ...ids: string[]) => ids.reduce((acc, id) => withCategoryVisible(acc, id, true, []), s);
    const v = view((s) => withSiteAdded(withImported(cats(s, 'town-seat', 'township-health-centre'), 'L1', true), site));
    const inPlay = facilitiesInPlay(availableFacilities({ towns, layers: [layer, other], view: v }), visibleCategories(v));
    const counts = countByCategory(inPlay);
    // The sample: 70 seats, a 乡镇卫生院 stand-in at each 镇 and a 社区卫生服务中心 at each 街道.
    expect(counts['town-seat']).toBe(70);
    expect(counts['township-health-centre']).toBe(sample.facilities.filter((f) => f.category === 'township-health-centre').length);
    expect(counts['township-health-centre']).toBeGreaterThan(0);
    expect(counts['community-health-centre']).toBeUndefined();
    expect(counts['kindergarten']).toBeUndefined(); // the site's category is not visible
    const withKg = withCategoryVisible(v, 'kindergarten', true, []);
    const sites = facilitiesInPlay(availableFacilities({ towns, layers: [layer], view: withKg }), visibleCategories(withKg)).filter((f) => f.source === 'proposed');
    expect(sites).toEqual([{ id: 'site:0', name: '', category: 'kindergarten', lon: 113.07264, lat: 22.57607, source: 'proposed' }]);
    const hidden = withImported(withKg, 'L1', false);
    expect(countByCategory(facilitiesInPlay(availableFacilities({ towns, layers: [layer], view: hidden }), visibleCategories(hidden)))['township-health-centre']).toBeUndefined();
  });
});

describe('radius in force and what it means', () => {
  it('is the first visible category in catalogue order, else the link radius', () => {
    expect(radiusInForce(view())).toBeNull();
    const kgAndPrimary = view((s) => withCategoryVisible(withCategoryVisible(s, 'primary-school', true, []), 'kindergarten', true, []));
    expect(radiusInForce(kgAndPrimary)).toBe(300); // kindergarten comes before primary school in the catalogue
    expect(radiusInForce(view((s) => withCategoryVisible(s, 'primary-school', true, [])))).toBe(500);
    expect(radiusInForce(withRadius(kgAndPrimary, 750))).toBe(750);
  });

  it('labels the numbers with the categories and radius', () => {
    expect(coverageLabel(['primary-school', 'kindergarten'], 300)).toEqual({ zh: '幼儿园、小学 · 半径 300 米', en: 'Kindergarten, Primary school · 300 m radius' });
    expect(coverageLabel(['town-seat'], 1000)).toEqual({ zh: '镇街驻地（GeoNames 点位） · 半径 1,000 米', en: 'Town seats (GeoNames points) · 1,000 m radius' });
    expect(coverageLabel([], 1000)).toBeNull();
  });

  it('states the standard, says when the user changed it, and lists categories whose own default differs', () => {
    const std = standardInForce(['primary-school', 'kindergarten'], 300)!;
    expect(std.category).toBe('kindergarten');
    expect(std.custom).toBe(false);
    expect(std.sentence.zh).toMatch(/^步行 5 分钟 ≈ 300 米（直线半径）/);
    expect(std.others).toEqual([{ category: 'primary-school', defaultRadius: 500 }]);
    const custom = standardInForce(['kindergarten'], 650)!;
    expect(custom.custom).toBe(true);
    expect(custom.sentence.zh).toMatch(/^半径 650 米（用户设定；默认 步行 5 分钟/);
    expect(custom.sentence.en).toMatch(/^radius 650 m \(set by user; default 5 min walk/);
    expect(custom.rural.zh).toContain('2,000 米');
  });
});

describe('formatting', () => {
  it('gives shares with one decimal and a dash without a figure', () => {
    expect(formatShare(0.031383)).toBe('3.1%');
    expect(formatShare(0.0575)).toBe('5.8%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(null)).toBe('—');
  });

  it('accepts whole metres from 1 to 50,000 only', () => {
    expect(parseRadiusInput('650')).toBe(650);
    expect(parseRadiusInput('649.6')).toBe(650);
    expect(parseRadiusInput('')).toBeNull();
    expect(parseRadiusInput('0')).toBeNull();
    expect(parseRadiusInput('60000')).toBeNull();
    expect(parseRadiusInput('abc')).toBeNull();
  });
});
