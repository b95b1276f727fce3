import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { buildIndicatorDb } from './db.ts';
import { joinDistrictValues } from './join.ts';
import { normaliseDistrict, normaliseScope } from './names.ts';
import { readIndicatorFiles } from './real-data.test-support.ts';
import { availableYears, cardFor, districtTable, gapBetween, mappableIndicators, seriesFor, valueFor } from './select.ts';
import { validateIndicatorFiles } from './validate.ts';

const real = readIndicatorFiles();
const db = buildIndicatorDb(validateIndicatorFiles(real.catalogue, real.values));

describe('name normalisation', () => {
  it.each([
    ['蓬江', '440703'],
    ['蓬江区', '440703'],
    ['Pengjiang', '440703'],
    ['pengjiang district', '440703'],
    ['江海區', '440704'],
    [' 台山市 ', '440781'],
    ['台山', '440781'],
    ['Taishan', '440781'],
    ['440785', '440785'],
  ])('%s → %s', (name, code) => expect(normaliseDistrict(name)).toBe(code));

  it('knows the city and rejects other places', () => {
    expect(normaliseScope('江门市')).toBe('city');
    expect(normaliseScope('全市')).toBe('city');
    expect(normaliseDistrict('江门市')).toBeUndefined();
    expect(normaliseDistrict('中山')).toBeUndefined();
  });
});

describe('conflicts are kept, each with its own source', () => {
  it('2025 urbanisation target: 70 % (urbanisation plan, FYP, public services plan) and 72.21 % (population plan)', () => {
    const v = valueFor(db, 'urbanisation_rate', 'city', 2025, 'target')!;
    expect(v.conflict).toBe(true);
    const byDoc = [v.primary, ...v.alternatives].map((p) => `${p.source?.document}:${p.display}`);
    expect(byDoc).toEqual(
      expect.arrayContaining(['urbanisation-plan:70', 'population-plan:72.21', 'fyp-14:70', 'public-services-plan:70']),
    );
  });

  it('base-year beds per 1,000: 5.24 for 2019, and 5.20 vs 5.39 for 2020', () => {
    expect(valueFor(db, 'beds_per_1000', 'city', 2019)?.primary.display).toBe('5.24');
    const y2020 = valueFor(db, 'beds_per_1000', 'city', 2020, 'actual')!;
    expect(y2020.conflict).toBe(true);
    expect(y2020.primary.display).toBe('5.20'); // health plan first (census-based, its note L3361)
    const fyp = y2020.alternatives.find((p) => p.source?.document === 'fyp-14')!;
    expect(fyp.display).toBe('5.39');
    expect(fyp.source?.lines).toEqual([1560, 1560]);
    expect(fyp.notes[0]?.en).toContain('not recomputed with the 2020 census');
  });

  it('two definitions of 中心城区, each scope with its own values', () => {
    const p = db.areas.get('centre-population-plan')!;
    const u = db.areas.get('centre-urbanisation-plan')!;
    expect(p.members.map((m) => m.adcode)).toContain('440784');
    expect(u.members.find((m) => m.adcode === '440705')?.whole).toBe(false);
    expect(seriesFor(db, 'population', 'centre-population-plan').map((x) => x.display)).toEqual(['250–300', '300–400']);
    expect(seriesFor(db, 'public_transport_share', 'centre-urbanisation-plan').map((x) => x.display)).toEqual(['19.4', '25', '30', '45']);
  });

  it('printing errors are corrected visibly, quoting the original', () => {
    const infant = valueFor(db, 'infant_mortality', 'city', 2020)!.primary;
    expect(db.indicators.get('infant_mortality')?.unit.zh).toBe('‰');
    expect(infant.source?.printedUnit).toBe('%');
    expect(infant.notes[0]?.zh).toContain('原表单位印作“%”');
    const tfr = valueFor(db, 'total_fertility_rate', 'city', 2019)!.primary;
    expect(tfr.notes[0]?.en).toContain('prints the unit as "%"');
  });
});

describe('districtTable', () => {
  it('gives the seven districts in order with the 市直 caveat and the city value', () => {
    const t = districtTable(db, 'beds_per_1000', 2020)!;
    expect(t.rows.map((r) => r.shortName)).toEqual(['蓬江', '江海', '新会', '台山', '开平', '鹤山', '恩平']);
    expect(t.rows.map((r) => r.display)).toEqual(['2.41', '1.69', '5.40', '4.79', '3.74', '3.80', '3.29']);
    expect(t.complete).toBe(true);
    expect(t.range).toEqual({ min: 1.69, max: 5.4 });
    expect(t.caveats.map((c) => c.id)).toEqual(['excludes-municipal']);
    expect(t.city?.primary.display).toBe('5.20');
    expect(t.sources.map((s) => s.document)).toEqual(['health-plan']);
  });

  it('keeps "—" cells as text with a null value, never 0', () => {
    const t = districtTable(db, 'hospitals_specialist', 2019)!;
    const jianghai = t.rows.find((r) => r.adcode === '440704')!;
    expect(jianghai.value).toBeNull();
    expect(jianghai.display).toBe('—');
    expect(t.complete).toBe(false);
  });

  it('joins by adcode onto district features', () => {
    const fc: FeatureCollection<Polygon, { adcode: string; name: string }> = {
      type: 'FeatureCollection',
      features: ['440704', '440703', '440700'].map((adcode) => ({
        type: 'Feature',
        properties: { adcode, name: adcode },
        geometry: { type: 'Polygon', coordinates: [] },
      })),
    };
    const joined = joinDistrictValues(fc, districtTable(db, 'urbanisation_rate', 2020)!);
    expect(joined.features.map((f) => f.properties.indicatorValue)).toEqual([100, 96.95, null]);
    expect(joined.features[0]!.properties.name).toBe('440704');
  });
});

describe('availableYears and mappableIndicators', () => {
  it('lists years with kinds', () => {
    expect(availableYears(db, 'population', '440703')).toEqual([
      { year: 2019, kinds: ['actual'], districts: 1, city: false },
      { year: 2020, kinds: ['derived'], districts: 1, city: false },
      { year: 2025, kinds: ['target'], districts: 1, city: false },
      { year: 2035, kinds: ['target'], districts: 1, city: false },
    ]);
    const health = availableYears(db, 'childcare_places_per_1000').map((y) => [y.year, y.districts]);
    expect(health).toEqual([[2020, 7], [2023, 7], [2025, 7], [2035, 0]]);
  });

  it('offers only indicators with district values to the choropleth', () => {
    const ids = mappableIndicators(db).map((m) => m.indicator.id);
    expect(ids).toContain('beds_per_1000');
    expect(ids).toContain('urbanisation_rate');
    expect(ids).not.toContain('g5_penetration');
  });
});

describe('gaps to targets', () => {
  it('measures a district against its own 2025 target', () => {
    const card = cardFor(db, '440704')!;
    const beds = card.domains.flatMap((d) => d.items).find((i) => i.indicator.id === 'beds_per_1000')!;
    expect(beds.current?.primary.display).toBe('1.69');
    expect(beds.target?.primary.display).toBe('2.64');
    expect(beds.cityCurrent?.primary.display).toBe('5.20');
    expect(beds.cityTarget?.primary.display).toBe('6.15');
    expect(beds.gaps).toHaveLength(1);
    // Behind the target: negative, as in the map's gap view.
    expect(beds.gaps[0]).toMatchObject({ targetScope: 'own', met: false, display: '-0.95' });
    expect(beds.gaps[0]!.difference).toBeCloseTo(-0.95, 10);
    expect(beds.gaps[0]!.formula.expression).toBe('1.69 − 2.64 = -0.95');
    expect(beds.caveats.map((c) => c.id)).toContain('excludes-municipal');
  });

  it('without a district target, measures against each conflicting city target', () => {
    const item = cardFor(db, '440705')!.domains.flatMap((d) => d.items).find((i) => i.indicator.id === 'urbanisation_rate')!;
    expect(item.current?.primary.value).toBe(66.4);
    expect(item.gaps.map((g) => [g.target.source?.document, g.display])).toEqual([
      ['public-services-plan', '-3.6'],
      ['population-plan', '-5.81'],
    ]);
    expect(item.gaps.every((g) => g.targetScope === 'city' && g.met === false)).toBe(true);
  });

  it('does not compare a district count with a city total', () => {
    const item = cardFor(db, '440704')!.domains.flatMap((d) => d.items).find((i) => i.indicator.id === 'kindergartens')!;
    expect(item.cityCurrent?.primary.value).toBe(632);
    expect(item.gaps).toEqual([]);
  });

  it('reads "lower is better" and qualified targets', () => {
    const lower = { ...db.indicators.get('maternal_mortality')! };
    const current = valueFor(db, 'maternal_mortality', 'city', 2020)!.primary;
    const target = valueFor(db, 'maternal_mortality', 'city', 2025)!.primary; // "<8"
    const gap = gapBetween(lower, current, target, 'own')!;
    expect(gap.met).toBe(true); // 5.89 < 8
    expect(gap.difference).toBeCloseTo(8 - 5.89, 10); // ahead, since lower is better
    expect(gap.display).toBe('+2.11');
    expect(gap.shortfall).toBeCloseTo(5.89 - 8, 10);
    expect(gap.attainmentPct).toBeCloseTo((8 / 5.89) * 100, 10);
  });
});

describe('cardFor', () => {
  it('groups a district card by domain in catalogue order, with sources on every item', () => {
    const card = cardFor(db, '440781')!;
    expect(card.name).toEqual({ zh: '台山市', en: 'Taishan' });
    const domains = card.domains.map((d) => d.domain.id);
    expect(domains.slice(0, 3)).toEqual(['population', 'urbanisation', 'health']);
    for (const item of card.domains.flatMap((d) => d.items)) {
      expect(item.sources.length + item.trend.filter((p) => p.formula).length, item.indicator.id).toBeGreaterThan(0);
    }
    const planned = card.domains.flatMap((d) => d.items).find((i) => i.indicator.id === 'new_schools_primary')!;
    expect(planned.target?.primary.value).toBe(24);
    expect(planned.target?.primary.period).toEqual([2020, 2035]);
  });

  it('can include the city-only indicators', () => {
    const n = (o?: { includeCityOnly: boolean }) => cardFor(db, '440703', o)!.domains.flatMap((d) => d.items).length;
    expect(n({ includeCityOnly: true })).toBeGreaterThan(n());
    expect(cardFor(db, '440700' as never)).toBeUndefined();
  });
});
