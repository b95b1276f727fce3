import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DISTRICTS } from './districts.ts';
import {
  DEFAULT_VIEW,
  MAX_SITES,
  ViewStateSchema,
  decodeView,
  encodeCameraHash,
  encodeView,
  shareUrl,
  withCategoryVisible,
  withClassification,
  withDistrict,
  withImported,
  withIndicator,
  withLayerVisible,
  withSiteAdded,
  withSiteRemoved,
  withYear,
  type DecodeContext,
  type Site,
  type ViewState,
} from './url-state.ts';

/** Deterministic pseudo-random numbers (mulberry32), so every run tests the same cases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ids as the app's data would supply them (examples, not the app's lists).
const CONTEXT: DecodeContext = {
  indicatorIds: ['beds_per_1000', 'urbanisation_rate', 'population'],
  adcodes: DISTRICTS.map((d) => d.adcode),
  layerIds: ['districts', 'labels', 'towns', 'coverage', 'gaps', 'circles'],
  categoryIds: ['kindergarten', 'primary-school', 'community-health-centre', 'old_style_id'],
  importedIds: ['my-clinics', 'survey.2024'],
  yearsOf: (id) => (id === 'beds_per_1000' ? [2020, 2023, 2025] : undefined),
};

const view = (change: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...change });
const link = (s: ViewState) => {
  const { search, hash } = encodeView(s);
  return `./${search}${hash}`;
};
const decodeLink = (href: string, context: DecodeContext = CONTEXT) => {
  const url = new URL(href, 'http://example.test/');
  return decodeView(url.search, url.hash, context);
};

describe('camera hash, as MapLibre writes it', () => {
  // Expected strings from MapLibre's own tests (src/ui/hash.test.ts, getHashString and _updateHash).
  test('zoom/lat/lng, then bearing and pitch only when needed', () => {
    expect(encodeCameraHash({ zoom: 10, lat: 3.75, lng: 2.5, bearing: 0, pitch: 0 })).toBe('#10/3.75/2.5');
    expect(encodeCameraHash({ zoom: 10, lat: 3.75, lng: 2.5, bearing: 45, pitch: 30 })).toBe('#10/3.75/2.5/45/30');
    expect(encodeCameraHash({ zoom: 3, lat: 1, lng: 2, bearing: 0, pitch: 60 })).toBe('#3/1/2/0/60');
    expect(encodeCameraHash({ zoom: 3, lat: 1, lng: 2, bearing: 135, pitch: 60 })).toBe('#3/1/2/135/60');
    expect(encodeCameraHash({ zoom: 3, lat: 1, lng: 2, bearing: -30, pitch: 0 })).toBe('#3/1/2/-30');
  });

  test('rounding: zoom 2 decimals, centre to half a pixel, bearing 0.1°, pitch 1°', () => {
    // precision = ceil((z·ln2 + ln(512/360/0.5)) / ln10): 4 at zoom 9, 5 at zoom 12.35
    expect(encodeCameraHash({ zoom: 9, lat: 22.123456, lng: 112.987654, bearing: 0, pitch: 0 })).toBe('#9/22.1235/112.9877');
    expect(encodeCameraHash({ zoom: 12.3456, lat: 22.123456, lng: 112.987654, bearing: 12.345, pitch: 44.6 })).toBe(
      '#12.35/22.12346/112.98765/12.3/45',
    );
    expect(encodeCameraHash(null)).toBe('');
  });

  test('reads what MapLibre reads: trailing slash, extra hash entries, leading #', () => {
    expect(decodeView('', '#9/22.30/112.70/').state.camera).toEqual({ zoom: 9, lat: 22.3, lng: 112.7, bearing: 0, pitch: 0 });
    expect(decodeView('', '9/22.3/112.7&foo=bar').state.camera).toEqual({ zoom: 9, lat: 22.3, lng: 112.7, bearing: 0, pitch: 0 });
    expect(decodeView('', '#9/22.3/112.7/-45.5/30').state.camera).toEqual({ zoom: 9, lat: 22.3, lng: 112.7, bearing: -45.5, pitch: 30 });
    expect(decodeView('', '').state.camera).toBeNull();
  });
});

describe('encodeView', () => {
  test('the default view has an empty query and no hash', () => {
    expect(encodeView(DEFAULT_VIEW)).toEqual({ search: '', hash: '' });
  });

  test('v first, then the documented order; defaults left out', () => {
    const s = view({ district: '440703', palette: 'viridis', indicator: 'beds_per_1000', lang: 'en', classes: 5, method: 'quantile' });
    expect(encodeView(s).search).toBe('?v=1&lang=en&indicator=beds_per_1000&palette=viridis&district=440703');
  });

  test('the same view gives the same link whatever the order of the changes', () => {
    const defaults = ['districts', 'labels'];
    const a = withLayerVisible(withDistrict(withIndicator(DEFAULT_VIEW, 'population'), '440781'), 'towns', true, defaults);
    const b = withIndicator(withDistrict(withLayerVisible(DEFAULT_VIEW, 'towns', true, defaults), '440781'), 'population');
    expect(link(a)).toBe(link(b));
    expect(link(a)).toBe('./?v=1&indicator=population&district=440781&layers=districts,labels,towns');
  });

  test('an empty list is written (everything hidden), unlike the default', () => {
    expect(encodeView(view({ layers: [] })).search).toBe('?v=1&layers=');
    expect(decodeView('?v=1&layers=', '').state.layers).toEqual([]);
  });

  test('shareUrl replaces the query and hash of the page address', () => {
    const s = view({ indicator: 'population', camera: { zoom: 9, lat: 22.25, lng: 112.7, bearing: 0, pitch: 0 } });
    expect(shareUrl(s, 'http://intranet.example/atlas/index.html?old=1#3/1/2')).toBe(
      'http://intranet.example/atlas/index.html?v=1&indicator=population#9/22.25/112.7',
    );
    expect(shareUrl(DEFAULT_VIEW, 'http://intranet.example/atlas/?x#y')).toBe('http://intranet.example/atlas/');
  });
});

describe('round trip: decode(encode(s)) = s', () => {
  const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const NAME_CHARS = [...'新会区台山开平鹤山恩平蓬江海幼儿园卫生站 abcXYZ019_~&=#%+?/,;:\'"<>!*()éü', '🏥'];

  function randomSite(rnd: () => number): Site {
    const length = Math.floor(rnd() * 12);
    const name = Array.from({ length }, () => pick(rnd, NAME_CHARS)).join('');
    return {
      category: pick(rnd, CONTEXT.categoryIds!),
      lng: Math.round((111.6 + rnd() * 2.2) * 1e5) / 1e5,
      lat: Math.round((21.3 + rnd() * 1.9) * 1e5) / 1e5,
      name: name === '' ? null : name,
    };
  }

  function randomState(rnd: () => number): ViewState {
    const maybe = <T>(make: () => T): T | null => (rnd() < 0.5 ? null : make());
    const subset = (ids: readonly string[]) => ids.filter(() => rnd() < 0.5).sort();
    return {
      // Centre to 1 decimal and zoom to 2: already at MapLibre's precision for any zoom ≥ 0.
      camera: maybe(() => ({
        zoom: Math.round(rnd() * 2200) / 100,
        lat: Math.round((20 + rnd() * 4.5) * 10) / 10,
        lng: Math.round((110.5 + rnd() * 4.5) * 10) / 10,
        bearing: Math.round(rnd() * 3600 - 1800) / 10 + 0,
        pitch: Math.round(rnd() * 60),
      })),
      lang: pick(rnd, ['zh', 'en'] as const),
      indicator: maybe(() => pick(rnd, ['urbanisation_rate', 'population'])),
      year: maybe(() => 1949 + Math.floor(rnd() * 152)),
      view: pick(rnd, ['value', 'target'] as const),
      target: maybe(() => Math.round(rnd() * 200000 - 100000) / 100 + 0),
      goal: pick(rnd, ['city', 'own'] as const),
      method: pick(rnd, ['quantile', 'ckmeans', 'equal'] as const),
      classes: 3 + Math.floor(rnd() * 5),
      palette: pick(rnd, ['blues', 'ylgnbu', 'viridis', 'oranges'] as const),
      district: maybe(() => pick(rnd, CONTEXT.adcodes!)),
      layers: maybe(() => subset(CONTEXT.layerIds!)),
      cats: maybe(() => subset(CONTEXT.categoryIds!)),
      radius: maybe(() => 1 + Math.floor(rnd() * 50000)),
      sites: Array.from({ length: Math.floor(rnd() * 4) }, () => randomSite(rnd)),
      imported: subset(CONTEXT.importedIds!),
    };
  }

  test('500 random views, Chinese and punctuation-laden site names included', () => {
    const rnd = random(20250101);
    for (let i = 0; i < 500; i++) {
      const s = randomState(rnd);
      expect(ViewStateSchema.safeParse(s).success).toBe(true);
      const { search, hash } = encodeView(s);
      const decoded = decodeView(search, hash, CONTEXT);
      expect(decoded.notices).toEqual([]);
      expect(decoded.state).toEqual(s);
    }
  });

  test('a camera off MapLibre precision settles: decoding a link and encoding it again changes nothing', () => {
    const rnd = random(7);
    for (let i = 0; i < 200; i++) {
      const s = view({ camera: { zoom: rnd() * 22, lat: 20 + rnd() * 4.5, lng: 110.5 + rnd() * 4.5, bearing: rnd() * 360 - 180, pitch: rnd() * 60 } });
      const roundTrip = (e: { search: string; hash: string }) => encodeView(decodeView(e.search, e.hash).state);
      // MapLibre tests the unrounded pitch, so pitch 0.25 is written as "/0", then read back as 0.
      const link1 = roundTrip(encodeView(s));
      expect(roundTrip(link1)).toEqual(link1);
    }
  });

  test('like MapLibre, a pitch under half a degree is still written (as 0)', () => {
    expect(encodeCameraHash({ zoom: 5.57, lat: 23.298, lng: 110.502, bearing: 77.14, pitch: 0.25 })).toBe('#5.57/23.298/110.502/77.1/0');
  });

  test('a Chinese site name with separators survives', () => {
    const s = view({ sites: [{ category: 'kindergarten', lng: 113.07264, lat: 22.57607, name: '白沙_新~幼儿园 #1 & 2' }] });
    expect(encodeView(s).search).toBe(
      '?v=1&sites=kindergarten~113.07264~22.57607~%E7%99%BD%E6%B2%99%5F%E6%96%B0%7E%E5%B9%BC%E5%84%BF%E5%9B%AD%20%231%20%26%202',
    );
    expect(decodeView(encodeView(s).search, '', CONTEXT).state).toEqual(s);
  });

  test('category ids with "_" are escaped inside sites', () => {
    const s = view({ sites: [{ category: 'old_style_id', lng: 112.5, lat: 22.5, name: null }, { category: 'kindergarten', lng: 112.6, lat: 22.6, name: null }] });
    expect(encodeView(s).search).toBe('?v=1&sites=old%5Fstyle%5Fid~112.5~22.5_kindergarten~112.6~22.6');
    expect(decodeView(encodeView(s).search, '', CONTEXT).state.sites).toEqual(s.sites);
  });
});

describe('bad links: ignored with a notice, never a crash', () => {
  const params = (search: string, hash = '', context: DecodeContext = CONTEXT) =>
    decodeView(search, hash, context).notices.map((n) => `${n.code}:${n.param}`);

  test('values out of range', () => {
    const r = decodeView('?classes=9&radius=-5', '#40/91/112.8', CONTEXT);
    expect(r.notices.map((n) => `${n.param}=${n.value}`)).toEqual(['classes=9', 'radius=-5', 'zoom=40', 'lat=91']);
    expect(r.state).toEqual(DEFAULT_VIEW);
    expect(params('?radius=50001')).toEqual(['invalid-value:radius']);
    expect(decodeView('?radius=50000', '').state.radius).toBe(50000);
    expect(params('?classes=4.5&year=20255&target=1e999')).toEqual(['invalid-value:classes', 'invalid-value:target', 'invalid-value:year']);
  });

  test('a camera outside the Jiangmen region is dropped; a bad bearing alone is reset', () => {
    expect(params('', '#9/39.9/116.4')).toEqual(['invalid-value:lat', 'invalid-value:lng']); // Beijing
    expect(decodeView('', '#9/22.3/120').state.camera).toBeNull();
    const r = decodeView('', '#9/22.3/112.7/200/70');
    expect(r.state.camera).toEqual({ zoom: 9, lat: 22.3, lng: 112.7, bearing: 0, pitch: 0 });
    expect(r.notices.map((n) => n.param)).toEqual(['bearing', 'pitch']);
    expect(params('', '#9/22.3')).toEqual(['invalid-value:camera']);
    expect(params('', '#nine/22.3/112.7')).toEqual(['invalid-value:zoom']);
  });

  test('unknown, repeated and malformed parameters', () => {
    expect(params('?foo=bar&classes=4&classes=6')).toEqual(['unknown-param:foo', 'duplicate-param:classes']);
    expect(decodeView('?classes=4&classes=6', '').state.classes).toBe(4);
    expect(params('?indicator=%E0%A4%A')).toEqual(['invalid-value:indicator']);
    expect(params('?%E0%A4%A=1')).toEqual(['unknown-param:%E0%A4%A']);
  });

  test('ids the map does not have', () => {
    expect(params('?indicator=no_such_indicator&district=440700&layers=labels,nope&cats=kindergarten,hospital')).toEqual([
      'unknown-id:indicator',
      'unknown-id:district',
      'unknown-id:layers',
      'unknown-id:cats',
    ]);
    const r = decodeView('?indicator=beds_per_1000&year=2024&layers=labels,nope', '', CONTEXT);
    expect(r.state).toMatchObject({ indicator: 'beds_per_1000', year: null, layers: ['labels'] });
    expect(r.notices.map((n) => `${n.code}:${n.param}=${n.value}`)).toEqual(['unknown-id:year=2024', 'unknown-id:layers=nope']);
  });

  test('without a context only the syntax is checked', () => {
    const r = decodeView('?indicator=anything_else&district=123456&cats=x-1', '');
    expect(r.notices).toEqual([]);
    expect(r.state).toMatchObject({ indicator: 'anything_else', district: '123456', cats: ['x-1'] });
  });

  test('imported layers missing from this browser are named, the rest is shown', () => {
    const r = decodeView('?imported=my-clinics,from-elsewhere&district=440703', '', CONTEXT);
    expect(r.state.imported).toEqual(['my-clinics']);
    expect(r.state.district).toBe('440703');
    expect(r.notices).toMatchObject([{ code: 'missing-imported', param: 'imported', value: 'from-elsewhere' }]);
  });

  test('a bad site is skipped, the good ones kept; at most 50 sites', () => {
    const long = encodeURIComponent('名'.repeat(41));
    const r = decodeView(
      `?sites=kindergarten~113.1~22.6_kindergarten~1~2_kindergarten~113.1~22.6~${long}_nope~113~22_kindergarten~113.1_primary-school~113.2~22.7~ok`,
      '',
      CONTEXT,
    );
    expect(r.state.sites).toEqual([
      { category: 'kindergarten', lng: 113.1, lat: 22.6, name: null },
      { category: 'primary-school', lng: 113.2, lat: 22.7, name: 'ok' },
    ]);
    expect(r.notices.map((n) => `${n.code}:${n.param}`)).toEqual([
      'invalid-value:sites',
      'invalid-value:sites',
      'unknown-id:sites',
      'invalid-value:sites',
    ]);
    expect(params(`?sites=${encodeURIComponent('a')}~113~22~%01`)).toEqual(['invalid-value:sites']); // control character

    const many = Array.from({ length: MAX_SITES + 3 }, () => 'kindergarten~113~22.5').join('_');
    const r2 = decodeView(`?sites=${many}`, '', CONTEXT);
    expect(r2.state.sites).toHaveLength(MAX_SITES);
    expect(r2.notices).toMatchObject([{ code: 'too-many', param: 'sites' }]);
  });

  test('versions: none → 1; newer → notice and best effort; nonsense → notice', () => {
    expect(decodeView('?classes=4', '')).toMatchObject({ version: 1, notices: [] });
    const newer = decodeView('?v=2&classes=4&shiny=1', '');
    expect(newer.version).toBe(2);
    expect(newer.state.classes).toBe(4);
    expect(newer.notices.map((n) => n.code)).toEqual(['unknown-param', 'newer-version']);
    expect(params('?v=abc')).toEqual(['invalid-value:v']);
    expect(params('?v=0')).toEqual(['invalid-value:v']);
  });

  test('script in a link stays data: names kept verbatim, never copied into messages', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const enc = encodeURIComponent(xss);
    const r = decodeView(
      `?${enc}=${enc}&indicator=${enc}&lang=${enc}&layers=${enc}&sites=kindergarten~113~22.5~${encodeURIComponent('<b>x</b>')}`,
      `#${enc}`,
      CONTEXT,
    );
    expect(r.state.sites[0]!.name).toBe('<b>x</b>');
    expect(r.notices.length).toBeGreaterThanOrEqual(5);
    for (const n of r.notices) {
      expect(n.message.zh).not.toMatch(/[<>]/);
      expect(n.message.en).not.toMatch(/[<>]/);
    }
  });

  test('2,000 random garbage links: no throw, always a valid state, short notice fields', () => {
    const rnd = random(42);
    const alphabet = 'abcv=&%#/?~_,.-+;:0123456789EF<>"\' 新区\u0000\u202e';
    const randomText = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const keys = ['v', 'lang', 'indicator', 'year', 'view', 'target', 'goal', 'method', 'classes', 'palette', 'district', 'layers', 'cats', 'radius', 'sites', 'imported'];
    for (let i = 0; i < 2000; i++) {
      const search =
        i % 2 === 0
          ? `?${randomText(Math.floor(rnd() * 200))}`
          : `?${keys.map((k) => `${k}=${randomText(Math.floor(rnd() * 20))}`).join('&')}`;
      const hash = `#${randomText(Math.floor(rnd() * 30))}`;
      const r = decodeView(search, hash, i % 3 === 0 ? {} : CONTEXT);
      expect(ViewStateSchema.safeParse(r.state).success).toBe(true);
      for (const n of r.notices) {
        expect(n.value.length).toBeLessThanOrEqual(80);
        expect(n.param.length).toBeLessThanOrEqual(80);
        expect(n.message.zh.length).toBeGreaterThan(0);
      }
    }
  });

  test('a huge value is clipped in its notice', () => {
    const r = decodeView(`?indicator=${'x'.repeat(5000)}`, '');
    expect(r.notices[0]!.value).toHaveLength(80);
    expect(r.notices[0]!.value.endsWith('…')).toBe(true);
  });
});

describe('pure updaters', () => {
  test('return new states and leave the old one and the defaults untouched', () => {
    const before = structuredClone(DEFAULT_VIEW);
    const s = withSiteAdded(DEFAULT_VIEW, { category: 'kindergarten', lng: 113.072641234, lat: 22.576069876, name: null });
    expect(s.sites).toEqual([{ category: 'kindergarten', lng: 113.07264, lat: 22.57607, name: null }]);
    expect(DEFAULT_VIEW).toEqual(before);
    expect(Object.isFrozen(DEFAULT_VIEW) && Object.isFrozen(DEFAULT_VIEW.sites)).toBe(true);
    expect(withSiteRemoved(s, 0).sites).toEqual([]);
  });

  test('a new indicator drops the year and the target override', () => {
    const s = withIndicator(view({ indicator: 'beds_per_1000', year: 2025, target: 6.5 }), 'population');
    expect(s).toMatchObject({ indicator: 'population', year: null, target: null });
    expect(withYear(s, 2020).year).toBe(2020);
  });

  test('layer, category and imported toggles keep sorted sets, starting from the defaults', () => {
    const s = withLayerVisible(DEFAULT_VIEW, 'labels', false, ['labels', 'districts']);
    expect(s.layers).toEqual(['districts']);
    expect(withLayerVisible(s, 'coverage', true, []).layers).toEqual(['coverage', 'districts']);
    expect(withCategoryVisible(DEFAULT_VIEW, 'kindergarten', true, ['primary-school', 'kindergarten']).cats).toEqual(['kindergarten', 'primary-school']);
    expect(withImported(withImported(DEFAULT_VIEW, 'b', true), 'a', true).imported).toEqual(['a', 'b']);
    expect(withClassification(DEFAULT_VIEW, { classes: 7 })).toMatchObject({ method: 'quantile', classes: 7 });
  });
});

describe('the example links of docs/url-scheme.md', () => {
  const doc = readFileSync(new URL('../../docs/url-scheme.md', import.meta.url), 'utf8');
  const examples = [...doc.matchAll(/\]\((\.\/[^)\s]*)\)/g)].map((m) => m[1]!);
  const BAD = ['./?v=1&classes=9&radius=-5#40/91/112.8', './?v=1&foo=bar&indicator=no_such_indicator'];

  test('there is one for every parameter and the camera', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    for (const p of ['v', 'lang', 'indicator', 'year', 'view', 'target', 'goal', 'method', 'classes', 'palette', 'district', 'layers', 'cats', 'radius', 'sites', 'imported']) {
      expect(examples.some((e) => new URL(e, 'http://x/').search.includes(`${p}=`))).toBe(true);
    }
    expect(examples.some((e) => e.startsWith('./#'))).toBe(true);
  });

  test('each valid example decodes without notices and is exactly what encodeView writes', () => {
    for (const example of examples.filter((e) => !BAD.includes(e))) {
      const r = decodeLink(example);
      expect(r.notices, example).toEqual([]);
      expect(link(r.state)).toBe(example);
    }
  });

  test('the whole-view example restores every part', () => {
    const r = decodeLink(
      './?v=1&lang=en&indicator=beds_per_1000&year=2025&view=target&method=ckmeans&classes=4&district=440703#12/22.57607/113.07264',
    );
    expect(r.state).toEqual(
      view({
        lang: 'en', indicator: 'beds_per_1000', year: 2025, view: 'target', method: 'ckmeans', classes: 4, district: '440703',
        camera: { zoom: 12, lat: 22.57607, lng: 113.07264, bearing: 0, pitch: 0 },
      }),
    );
  });

  test('the sites example names 新幼儿园', () => {
    const sites = decodeLink(examples.find((e) => e.includes('sites='))!).state.sites;
    expect(sites).toEqual([
      { category: 'kindergarten', lng: 113.07264, lat: 22.57607, name: '新幼儿园' },
      { category: 'primary-school', lng: 113.11016, lat: 22.63285, name: null },
    ]);
  });

  test('the bad examples give the notices the page describes', () => {
    expect(decodeLink(BAD[0]!).notices.map((n) => n.param)).toEqual(['classes', 'radius', 'zoom', 'lat']);
    expect(decodeLink(BAD[1]!).notices.map((n) => n.param)).toEqual(['foo', 'indicator']);
  });
});
