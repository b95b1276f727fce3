import { describe, expect, it } from 'vitest';
import catalogueJson from '../../data/facility-categories.json';
import {
  CATEGORY_CATALOGUE,
  categoryById,
  defaultRadiusM,
  describeStandard,
  facilityCategories,
  findCategory,
  parseCategoryCatalogue,
  serviceStandard,
} from './facility-categories.ts';

const clone = () => JSON.parse(JSON.stringify(catalogueJson)) as typeof catalogueJson;

describe('the bundled catalogue', () => {
  it('has the categories of the plans’ taxonomy', () => {
    const ids = CATEGORY_CATALOGUE.categories.map((c) => c.id);
    expect(ids).toEqual([
      'hospital',
      'community-health-centre',
      'township-health-centre',
      'village-clinic',
      'elderly-care',
      'childcare',
      'kindergarten',
      'primary-school',
      'secondary-school',
      'culture',
      'sport',
      'community-service-centre',
      'town-seat',
    ]);
    expect(facilityCategories().map((c) => c.id)).not.toContain('town-seat');
  });

  it('gives every category a distinct colour', () => {
    const colours = CATEGORY_CATALOGUE.categories.map((c) => c.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('uses the GB 50180-2018 walking distances: 15 min 1,000 m, 10 min 500 m, 5 min 300 m', () => {
    expect(serviceStandard('elderly-care').radiusM).toBe(1000);
    expect(serviceStandard('elderly-care').rangeM).toEqual([800, 1000]);
    expect(serviceStandard('primary-school').radiusM).toBe(500);
    expect(serviceStandard('kindergarten').radiusM).toBe(300);
    expect(serviceStandard('culture').minutes).toBe(10);
  });

  it('distinguishes urban and rural where the plans do', () => {
    // 城市 15 分钟、乡村半个小时 (public-services plan L1072–1080)
    expect(serviceStandard('community-service-centre', 'urban').minutes).toBe(15);
    expect(serviceStandard('community-service-centre', 'rural').minutes).toBe(30);
    expect(defaultRadiusM('community-service-centre', 'rural')).toBe(2000);
    // 农村“十里文化圈”: a distance, not a time
    const ruralCulture = serviceStandard('culture', 'rural');
    expect(ruralCulture.minutes).toBeNull();
    expect(ruralCulture.radiusM).toBe(5000);
    // 城乡普遍建成 15 分钟健身圈: the same in town and country
    expect(serviceStandard('sport', 'rural')).toMatchObject({ minutes: 15, radiusM: 1000 });
    expect(serviceStandard('sport', 'urban')).toMatchObject({ minutes: 15, radiusM: 1000 });
  });

  it('cites a seed line for every plan-derived time', () => {
    for (const c of CATEGORY_CATALOGUE.categories) {
      for (const s of [c.standard.urban, c.standard.rural]) {
        const source = s.timeSource ? CATEGORY_CATALOGUE.sources[s.timeSource] : undefined;
        if (source && !(typeof source.title === 'string' && source.title.startsWith('GB 50180'))) {
          expect(source.file, `${c.id} ${s.timeSource}`).toMatch(/^00\d_[0-9a-f]{16}\.txt$/);
          expect(source.lines, `${c.id} ${s.timeSource}`).toMatch(/^\d/);
        }
      }
    }
  });

  it('keeps the 江海区 300 m / 500 m culture variants', () => {
    const radii = categoryById('culture')!.variants!.map((v) => [v.adcode, v.radiusM]);
    expect(radii).toEqual([
      ['440704', 300],
      ['440704', 500],
    ]);
  });
});

describe('findCategory', () => {
  it.each([
    ['hospital', 'hospital'],
    ['医院', 'hospital'],
    ['卫生院', 'township-health-centre'],
    ['乡镇卫生院', 'township-health-centre'],
    ['村卫生站', 'village-clinic'],
    ['社区卫生服务中心', 'community-health-centre'],
    ['托儿所', 'childcare'],
    [' Kindergarten ', 'kindergarten'],
    ['Primary School', 'primary-school'],
    ['primary_school', 'primary-school'],
    ['初中', 'secondary-school'],
    ['综合文化站', 'culture'],
    ['体育', 'sport'],
    ['党群服务中心', 'community-service-centre'],
    ['镇街驻地', 'town-seat'],
    ['ＨＯＳＰＩＴＡＬ', 'hospital'],
  ])('%s → %s', (name, id) => {
    expect(findCategory(name)?.id).toBe(id);
  });

  it('returns undefined for an unknown name', () => {
    expect(findCategory('加油站')).toBeUndefined();
    expect(findCategory('')).toBeUndefined();
  });
});

describe('parseCategoryCatalogue rejects a broken catalogue with a message naming the problem', () => {
  it('an alias shared by two categories', () => {
    const raw = clone();
    raw.categories[1]!.aliases.push('医院');
    expect(() => parseCategoryCatalogue(raw)).toThrow(/"医院" is used by both "hospital" and "community-health-centre"/);
  });

  it('a radius that does not follow from minutes × speed', () => {
    const raw = clone();
    raw.categories[0]!.standard.urban.radiusM = 1200;
    raw.categories[0]!.standard.urban.rangeM = [800, 1200];
    expect(() => parseCategoryCatalogue(raw)).toThrow(/categories\.0\.standard\.urban.*minutes × speedMPerMin/);
  });

  it('a source key that does not exist', () => {
    const raw = clone();
    raw.categories[2]!.standard.rural.distanceSource = 'nowhere';
    expect(() => parseCategoryCatalogue(raw)).toThrow(/"township-health-centre" rural: unknown source "nowhere"/);
  });

  it('a colour that is not #rrggbb', () => {
    const raw = clone();
    raw.categories[0]!.color = 'red';
    expect(() => parseCategoryCatalogue(raw)).toThrow(/categories\.0\.color/);
  });
});

describe('describeStandard', () => {
  it('states minutes, metres and both sources in Chinese', () => {
    const s = describeStandard(serviceStandard('elderly-care'), 'zh');
    expect(s).toContain('步行 15 分钟 ≈ 1,000 米（直线半径）');
    expect(s).toContain('江门市公共服务“十四五”规划 L2020–2024');
    expect(s).toContain('GB 50180-2018');
  });

  it('says when the user has changed the radius', () => {
    const s = describeStandard(serviceStandard('kindergarten'), 'en', 450);
    expect(s).toMatch(/^radius 450 m \(set by user; default 5 min walk ≈ 300 m/);
  });

  it("gives the app's own derivation in the language of the interface", () => {
    const zh = describeStandard(serviceStandard('community-service-centre', 'rural'), 'zh');
    expect(zh).toContain('距离：本应用推算：30 分钟 × 66.7 米/分钟');
    expect(zh).not.toMatch(/Derived|min ×/);
    const en = describeStandard(serviceStandard('community-service-centre', 'rural'), 'en');
    expect(en).toContain('distance: Derived (this app): 30 min × 66.7 m/min');
  });

  it('describes a distance-only standard without inventing minutes', () => {
    const s = describeStandard(serviceStandard('culture', 'rural'), 'zh');
    expect(s).toBe('5,000 米（直线半径）；依据：江门市“十四五”规划纲要 L2702');
  });
});
