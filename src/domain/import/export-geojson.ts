// Facilities back out as GeoJSON (RFC 7946: WGS84 longitude/latitude), so an imported layer can be
// downloaded, checked in a GIS and imported again (with the WGS84 choice) to the same result.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Facility, FacilitySource } from '../facilities.ts';
import { CATEGORY_CATALOGUE, categoryById, type CategoryCatalogue } from '../facility-categories.ts';

export interface FacilityFeatureProperties {
  id: string;
  name: string;
  /** Category id, e.g. 'township-health-centre' */
  category: string;
  /** Chinese category name, e.g. 乡镇卫生院, so the file reads well elsewhere */
  类别: string;
  source: FacilitySource;
  sourceRow?: number;
}

/** 1e-7° ≈ 1 cm: beyond any source's accuracy, and keeps files small. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function toGeoJson(facilities: readonly Facility[], catalogue: CategoryCatalogue = CATEGORY_CATALOGUE): FeatureCollection<Point, FacilityFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: facilities.map(
      (f): Feature<Point, FacilityFeatureProperties> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round7(f.lon), round7(f.lat)] },
        properties: {
          id: f.id,
          name: f.name,
          category: f.category,
          类别: categoryById(f.category, catalogue)?.name.zh ?? f.category,
          source: f.source,
          ...(f.sourceRow !== undefined ? { sourceRow: f.sourceRow } : {}),
        },
      }),
    ),
  };
}
