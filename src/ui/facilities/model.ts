/**
 * The pure part of the facility state machine: which facilities are in play, the radius in force
 * and how to say what the numbers mean. No React, so it is tested directly.
 */
import type { Facility } from '../../domain/facilities.ts';
import {
  CATEGORY_CATALOGUE,
  categoryById,
  defaultRadiusM,
  describeStandard,
  serviceStandard,
  type CategoryCatalogue,
} from '../../domain/facility-categories.ts';
import { TOWN_SEAT_CATEGORY, TOWN_SEAT_LABEL } from '../../domain/town-seats.ts';
import type { Bilingual, Site, ViewState } from '../../domain/url-state.ts';
import type { ImportedLayer } from '../../data/imported-layers.ts';

const NONE: readonly string[] = Object.freeze([]);

/** Categories whose facilities count; none until the user (or a link) picks some. Same array while unchanged. */
export function visibleCategories(view: Pick<ViewState, 'cats'>): readonly string[] {
  return view.cats ?? NONE;
}

/** The ids in catalogue order (unknown ids dropped). */
export function inCatalogueOrder(ids: readonly string[], catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): string[] {
  const wanted = new Set(ids);
  return catalogue.categories.filter((c) => wanted.has(c.id)).map((c) => c.id);
}

/** The category whose standard sets the default radius: the first visible one in catalogue order. */
export function leadCategory(cats: readonly string[], catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): string | null {
  return inCatalogueOrder(cats, catalogue)[0] ?? null;
}

/** The link's radius, else the lead category's urban default; null when no category is visible. */
export function radiusInForce(view: Pick<ViewState, 'cats' | 'radius'>, catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): number | null {
  const lead = leadCategory(visibleCategories(view), catalogue);
  if (lead === null) return null;
  return view.radius ?? defaultRadiusM(lead, 'urban', catalogue);
}

/** The short form of TOWN_SEAT_LABEL (the part before the colon), for tight places such as a legend line. */
export const TOWN_SEAT_SHORT_LABEL: Bilingual = {
  zh: TOWN_SEAT_LABEL.zh.split('：')[0]!,
  en: TOWN_SEAT_LABEL.en.split(': ')[0]!,
};

export function categoryName(id: string, catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): Bilingual {
  if (id === TOWN_SEAT_CATEGORY) return TOWN_SEAT_SHORT_LABEL;
  return categoryById(id, catalogue)?.name ?? { zh: id, en: id };
}

/** Proposed sites as facilities; ids follow the site's place in the link. */
export function siteFacilities(sites: readonly Site[]): Facility[] {
  return sites.map((s, i) => ({ id: `site:${i}`, name: s.name ?? '', category: s.category, lon: s.lng, lat: s.lat, source: 'proposed' }));
}

export interface FacilitySources {
  /** Town-seat facilities, once loaded. */
  towns: readonly Facility[] | undefined;
  /** Layers stored in this browser (and any kept only in memory after a failed save). */
  layers: readonly ImportedLayer[];
  view: Pick<ViewState, 'imported' | 'sites'>;
}

/** Every facility the user has put on the map, whatever its category's visibility. */
export function availableFacilities({ towns, layers, view }: FacilitySources): Facility[] {
  const shown = new Set(view.imported);
  return [
    ...(towns ?? []),
    ...layers.filter((l) => shown.has(l.id)).flatMap((l) => l.facilities),
    ...siteFacilities(view.sites),
  ];
}

/** Town seats (if 'town-seat' is visible) + shown imported layers + proposed sites, of the visible categories. */
export function facilitiesInPlay(available: readonly Facility[], cats: readonly string[]): Facility[] {
  const visible = new Set(cats);
  return available.filter((f) => visible.has(f.category));
}

export function countByCategory(facilities: readonly Facility[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of facilities) counts[f.category] = (counts[f.category] ?? 0) + 1;
  return counts;
}

const metres = (m: number) => Math.round(m).toLocaleString('en-US');

/** What the coverage numbers are for: '幼儿园、小学 · 半径 300 米'. */
export function coverageLabel(cats: readonly string[], radius: number | null, catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): Bilingual | null {
  const ordered = inCatalogueOrder(cats, catalogue);
  if (ordered.length === 0 || radius === null) return null;
  const names = ordered.map((id) => categoryName(id, catalogue));
  return {
    zh: `${names.map((n) => n.zh).join('、')} · 半径 ${metres(radius)} 米`,
    en: `${names.map((n) => n.en).join(', ')} · ${metres(radius)} m radius`,
  };
}

export interface StandardInForce {
  /** The lead category, whose default radius is used while the user has not set one. */
  category: string;
  defaultRadius: number;
  custom: boolean;
  /** describeStandard of the urban standard at the radius in force, in both languages. */
  sentence: Bilingual;
  /** The rural standard of the same category, which the map does not apply. */
  rural: Bilingual;
  /** Other visible categories whose own default differs: the one radius applies to them too. */
  others: { category: string; defaultRadius: number }[];
}

export function standardInForce(cats: readonly string[], radius: number | null, catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): StandardInForce | null {
  const ordered = inCatalogueOrder(cats, catalogue);
  const lead = ordered[0];
  if (lead === undefined || radius === null) return null;
  const urban = serviceStandard(lead, 'urban', catalogue);
  const rural = serviceStandard(lead, 'rural', catalogue);
  return {
    category: lead,
    defaultRadius: urban.radiusM,
    custom: Math.round(radius) !== Math.round(urban.radiusM),
    sentence: { zh: describeStandard(urban, 'zh', radius, catalogue), en: describeStandard(urban, 'en', radius, catalogue) },
    rural: { zh: describeStandard(rural, 'zh', rural.radiusM, catalogue), en: describeStandard(rural, 'en', rural.radiusM, catalogue) },
    others: ordered
      .slice(1)
      .map((category) => ({ category, defaultRadius: defaultRadiusM(category, 'urban', catalogue) }))
      .filter((o) => o.defaultRadius !== radius),
  };
}

/** A 0–1 share as a percentage with one decimal ('12.3%'); '—' when there is no figure. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** Whole persons with thousands separators. */
export function formatPersons(n: number, lang: 'zh' | 'en'): string {
  return Math.round(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

/** A valid radius from a form field (whole metres, 1–50,000), or null. */
export function parseRadiusInput(value: string, max = 50_000): number | null {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return null;
  const r = Math.round(n);
  return r >= 1 && r <= max ? r : null;
}
