// The facility categories of the plans' taxonomy and their default service standards
// (data/facility-categories.json): validation, lookup by id or by any Chinese/English name, and
// the sentence the UI shows for the standard in force.
import { z } from 'zod';
import catalogueJson from '../../data/facility-categories.json';

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** A document title or a clause quoted as printed (one language), or this app's own words (both). */
const printedOrText = z.union([z.string().min(1), text]);
const inLang = (t: string | { zh: string; en: string }, lang: 'zh' | 'en') => (typeof t === 'string' ? t : t[lang]);

const sourceRef = z.object({
  title: printedOrText,
  file: z.string().optional(),
  lines: z.string().optional(),
  clause: z.string().optional(),
  quote: z.string().optional(),
  derivation: printedOrText.optional(),
});

const standardSchema = z
  .object({
    /** Travel time the plan (or GB 50180) names; null when the source defines a distance, not a time. */
    minutes: z.number().positive().nullable(),
    mode: z.enum(['walk', 'unspecified']),
    /** radiusM / minutes: the speed the distance implies; null when there is no time. */
    speedMPerMin: z.number().positive().nullable(),
    /** Default straight-line radius of the service circle, metres. */
    radiusM: z.number().positive(),
    /** Range the source gives, where it gives one (GB 50180: 800–1,000 m for 15 minutes). */
    rangeM: z.tuple([z.number().positive(), z.number().positive()]).optional(),
    timeSource: z.string().nullable(),
    distanceSource: z.string(),
    note: text,
  })
  .refine((s) => (s.minutes === null) === (s.speedMPerMin === null) && (s.minutes === null) === (s.timeSource === null), {
    message: 'minutes, speedMPerMin and timeSource are either all given or all null',
  })
  .refine((s) => s.minutes === null || s.speedMPerMin === null || Math.abs(s.minutes * s.speedMPerMin - s.radiusM) <= s.radiusM * 0.01, {
    message: 'radiusM must equal minutes × speedMPerMin (within 1 %)',
  })
  .refine((s) => !s.rangeM || (s.rangeM[0] <= s.radiusM && s.radiusM <= s.rangeM[1]), {
    message: 'radiusM must lie within rangeM',
  });

const variantSchema = z.object({
  id: z.string().min(1),
  label: text,
  minutes: z.number().positive().nullable(),
  radiusM: z.number().positive(),
  /** District the variant applies to (a district's own plan), if any. */
  adcode: z.string().regex(/^\d{6}$/).optional(),
  source: z.string(),
});

const categorySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  group: z.string(),
  name: text,
  aliases: z.array(z.string().min(1)),
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  symbol: z.object({
    shape: z.enum(['circle', 'square', 'triangle', 'diamond', 'pentagon', 'hexagon', 'star']),
    /** One character the map can draw inside the shape. */
    glyph: z.string().length(1),
  }),
  /** A reference layer (town seats), not a kind of facility a user would survey. */
  reference: z.boolean().optional(),
  description: text.optional(),
  standard: z.object({ urban: standardSchema, rural: standardSchema }),
  variants: z.array(variantSchema).optional(),
});

const catalogueSchema = z.object({
  schemaVersion: z.literal(1),
  about: text,
  documents: z.array(z.object({ file: z.string().nullable(), title: z.string() })),
  walkingSpeed: z.object({ speedMPerMin: z.number().positive(), derivation: text }),
  sources: z.record(z.string(), sourceRef),
  categories: z.array(categorySchema).min(1),
  groups: z.array(z.object({ id: z.string(), name: text })),
});

export type LocalizedText = z.infer<typeof text>;
export type SourceRef = z.infer<typeof sourceRef>;
export type ServiceStandard = z.infer<typeof standardSchema>;
export type StandardVariant = z.infer<typeof variantSchema>;
export type FacilityCategory = z.infer<typeof categorySchema>;
export type CategoryCatalogue = z.infer<typeof catalogueSchema>;
/** Where a service standard applies: the plans set 城市 15 分钟、乡村半个小时. */
export type Setting = 'urban' | 'rural';

/**
 * Key used to compare category names: NFKC (full-width → half-width), lower case, and without
 * spaces, hyphens and underscores, so 'Primary School', 'primary-school' and '小学 ' all compare
 * by their letters.
 */
export function normalizeCategoryKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s_\-]+/g, '');
}

/** Validates a catalogue; the error names the file and the first broken path or the broken rule. */
export function parseCategoryCatalogue(raw: unknown, fileName = 'data/facility-categories.json'): CategoryCatalogue {
  const result = catalogueSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const catalogue = result.data;
  const fail = (message: string) => {
    throw new Error(`${fileName}: ${message}`);
  };
  const groupIds = new Set(catalogue.groups.map((g) => g.id));
  const seenIds = new Set<string>();
  const keyOwner = new Map<string, string>();
  for (const c of catalogue.categories) {
    if (seenIds.has(c.id)) fail(`duplicate category id "${c.id}"`);
    seenIds.add(c.id);
    if (!groupIds.has(c.group)) fail(`category "${c.id}": unknown group "${c.group}"`);
    for (const setting of ['urban', 'rural'] as const) {
      const s = c.standard[setting];
      for (const key of [s.timeSource, s.distanceSource]) {
        if (key !== null && !catalogue.sources[key]) fail(`category "${c.id}" ${setting}: unknown source "${key}"`);
      }
    }
    for (const v of c.variants ?? []) {
      if (!catalogue.sources[v.source]) fail(`category "${c.id}" variant "${v.id}": unknown source "${v.source}"`);
    }
    // Every name must lead to exactly one category, or an imported "卫生站" would be ambiguous.
    for (const name of [c.id, c.name.zh, c.name.en, ...c.aliases]) {
      const key = normalizeCategoryKey(name);
      const owner = keyOwner.get(key);
      if (owner && owner !== c.id) fail(`name "${name}" is used by both "${owner}" and "${c.id}"`);
      keyOwner.set(key, c.id);
    }
  }
  return catalogue;
}

/** The bundled catalogue, validated when this module loads. */
export const CATEGORY_CATALOGUE: CategoryCatalogue = parseCategoryCatalogue(catalogueJson);

const indexCache = new WeakMap<CategoryCatalogue, Map<string, FacilityCategory>>();

function nameIndex(catalogue: CategoryCatalogue): Map<string, FacilityCategory> {
  let index = indexCache.get(catalogue);
  if (!index) {
    index = new Map();
    for (const c of catalogue.categories) {
      for (const name of [c.id, c.name.zh, c.name.en, ...c.aliases]) index.set(normalizeCategoryKey(name), c);
    }
    indexCache.set(catalogue, index);
  }
  return index;
}

export function categoryById(id: string, catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): FacilityCategory | undefined {
  return catalogue.categories.find((c) => c.id === id);
}

/** Finds a category by its id, Chinese or English name, or an alias (e.g. 卫生院, 托儿所, Kindergarten). */
export function findCategory(name: string, catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): FacilityCategory | undefined {
  return nameIndex(catalogue).get(normalizeCategoryKey(name));
}

/** Categories a user can give facilities (all but reference layers such as town seats). */
export function facilityCategories(catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): FacilityCategory[] {
  return catalogue.categories.filter((c) => !c.reference);
}

export function serviceStandard(
  categoryId: string,
  setting: Setting = 'urban',
  catalogue: CategoryCatalogue = CATEGORY_CATALOGUE,
): ServiceStandard {
  const category = categoryById(categoryId, catalogue);
  if (!category) throw new Error(`unknown facility category "${categoryId}"`);
  return category.standard[setting];
}

export function defaultRadiusM(categoryId: string, setting: Setting = 'urban', catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): number {
  return serviceStandard(categoryId, setting, catalogue).radiusM;
}

export function sourceOf(key: string, catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): SourceRef {
  const source = catalogue.sources[key];
  if (!source) throw new Error(`unknown source "${key}"`);
  return source;
}

/** Short citation: "江门市公共服务“十四五”规划 L1072–1080" or "GB 50180-2018 … 表 3.0.4 …". */
export function citeSource(source: SourceRef, lang: 'zh' | 'en' = 'zh'): string {
  const title = inLang(source.title, lang);
  if (source.lines) return `${title} L${source.lines}`;
  if (source.clause) return `${title} ${source.clause}`;
  if (!source.derivation) return title;
  return `${title}${lang === 'zh' ? '：' : ': '}${inLang(source.derivation, lang)}`;
}

/**
 * The standard in force as one sentence, for the UI to show beside every coverage figure. When the
 * user has changed the radius, `radiusM` overrides the default and the sentence says so.
 */
export function describeStandard(
  standard: ServiceStandard,
  lang: 'zh' | 'en',
  radiusM: number = standard.radiusM,
  catalogue: CategoryCatalogue = CATEGORY_CATALOGUE,
): string {
  const metres = Math.round(radiusM).toLocaleString('en-US');
  const custom = Math.round(radiusM) !== Math.round(standard.radiusM);
  const distance = citeSource(sourceOf(standard.distanceSource, catalogue), lang);
  const time = standard.timeSource ? citeSource(sourceOf(standard.timeSource, catalogue), lang) : null;
  if (lang === 'zh') {
    const head =
      standard.minutes !== null
        ? `${standard.mode === 'walk' ? '步行 ' : ''}${standard.minutes} 分钟 ≈ ${standard.radiusM.toLocaleString('en-US')} 米（直线半径）`
        : `${standard.radiusM.toLocaleString('en-US')} 米（直线半径）`;
    const sources = time && time !== distance ? `时间：${time}；距离：${distance}` : `依据：${distance}`;
    return custom ? `半径 ${metres} 米（用户设定；默认 ${head}，${sources}）` : `${head}；${sources}`;
  }
  const head =
    standard.minutes !== null
      ? `${standard.minutes} min ${standard.mode === 'walk' ? 'walk ' : ''}≈ ${standard.radiusM.toLocaleString('en-US')} m (straight-line radius)`
      : `${standard.radiusM.toLocaleString('en-US')} m (straight-line radius)`;
  const sources = time && time !== distance ? `time: ${time}; distance: ${distance}` : `source: ${distance}`;
  return custom ? `radius ${metres} m (set by user; default ${head}, ${sources})` : `${head}; ${sources}`;
}
