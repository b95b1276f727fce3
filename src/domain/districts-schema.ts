import { z } from 'zod';
import { DISTRICTS, type DistrictCollection } from './districts.ts';

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const adcodes = DISTRICTS.map((d) => d.adcode) as [string, ...string[]];

const districtFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    adcode: z.enum(adcodes),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    areaKm2: z.number().positive(),
  }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
  ]),
});

const districtCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(districtFeature).length(DISTRICTS.length),
  provenance: z.object({ source: z.string(), licence: z.string(), transform: z.string() }).loose().optional(),
});

/** Validates the districts file; the error names the file and the first broken path. */
export function parseDistricts(raw: unknown, fileName = 'geo/districts.geojson'): DistrictCollection {
  const result = districtCollection.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return raw as DistrictCollection;
}
