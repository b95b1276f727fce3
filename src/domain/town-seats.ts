// The built-in layer of the 73 township-level seats (镇街驻地) of Jiangmen: the place where
// town-level services such as the 乡镇卫生院 usually are. They are GeoNames place points, NOT
// surveyed facility locations, and three towns have no GeoNames point: they are listed without a
// position, never given an invented one. File: public/geo/towns.geojson (scripts/build-towns.ts).
import { z } from 'zod';
import type { Facility } from './facilities.ts';

export const TOWN_SEAT_CATEGORY = 'town-seat';

/** How the layer is labelled wherever it is shown. */
export const TOWN_SEAT_LABEL = {
  zh: '镇街驻地（GeoNames 点位）：镇级公共服务（如乡镇卫生院）通常所在之处，不是实地调查的设施位置',
  en: 'Town seats (GeoNames points): where town-level services such as the township health centre usually are — not surveyed facility locations',
} as const;

const text = z.object({ zh: z.string(), en: z.string() });

const townProperties = z.object({
  /** NBS 2023 township code, 9 digits */
  code: z.string().regex(/^4407\d{5}$/),
  name: z.string().min(2),
  countyAdcode: z.string().regex(/^4407\d{2}$/),
  kind: z.enum(['镇', '街道', '乡']),
  geonameid: z.number().int().positive(),
  /** GeoNames' romanised name, e.g. Tangxia */
  geonameName: z.string(),
  /** Resident population 2020 (鹤山 towns only; source in provenance.population) */
  pop2020: z.number().int().positive().optional(),
});

const townFeature = z.object({
  type: z.literal('Feature'),
  properties: townProperties,
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
});

const unmatchedTown = townProperties.omit({ geonameid: true, geonameName: true }).extend({ reason: text });

const townCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(townFeature),
  /** Administrative units without a GeoNames seat: listed, no position. */
  unmatched: z.array(unmatchedTown),
  /** Non-administrative zones (开发区, 林场, 监狱 …) in the NBS list, left out of the layer. */
  nonAdministrative: z.array(z.object({ code: z.string(), name: z.string(), countyAdcode: z.string() })),
  provenance: z
    .object({
      label: text,
      sources: z.array(z.object({ package: z.string(), version: z.string(), file: z.string(), licence: z.string(), use: z.string() })),
      population: z.object({ source: z.string(), towns: z.number(), note: z.string() }),
      method: z.string(),
      built: z.string(),
    })
    .loose(),
});

export type TownProperties = z.infer<typeof townProperties>;
export type TownFeature = z.infer<typeof townFeature>;
export type UnmatchedTown = z.infer<typeof unmatchedTown>;
export type TownCollection = z.infer<typeof townCollection>;

/** Validates towns.geojson; the error names the file and the first broken path. */
export function parseTownSeats(raw: unknown, fileName = 'geo/towns.geojson'): TownCollection {
  const result = townCollection.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** The seats as facilities of the 'town-seat' category (the 3 without a position are not among them). */
export function townSeatFacilities(towns: TownCollection): Facility[] {
  return towns.features.map((f) => ({
    id: `town:${f.properties.code}`,
    name: f.properties.name,
    category: TOWN_SEAT_CATEGORY,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
    source: 'town-seat',
  }));
}
