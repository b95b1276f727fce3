import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** The seven county-level districts of Jiangmen, GB/T 2260 codes (adcodes). */
export const DISTRICTS = [
  { adcode: '440703', name: '蓬江区', shortName: '蓬江', nameEn: 'Pengjiang District' },
  { adcode: '440704', name: '江海区', shortName: '江海', nameEn: 'Jianghai District' },
  { adcode: '440705', name: '新会区', shortName: '新会', nameEn: 'Xinhui District' },
  { adcode: '440781', name: '台山市', shortName: '台山', nameEn: 'Taishan' },
  { adcode: '440783', name: '开平市', shortName: '开平', nameEn: 'Kaiping' },
  { adcode: '440784', name: '鹤山市', shortName: '鹤山', nameEn: 'Heshan' },
  { adcode: '440785', name: '恩平市', shortName: '恩平', nameEn: 'Enping' },
] as const;

export type DistrictInfo = (typeof DISTRICTS)[number];
export type Adcode = DistrictInfo['adcode'];

export const CITY = { adcode: '440700', name: '江门市', nameEn: 'Jiangmen' } as const;

export function isAdcode(value: string): value is Adcode {
  return DISTRICTS.some((d) => d.adcode === value);
}

export function districtByAdcode(adcode: string): DistrictInfo | undefined {
  return DISTRICTS.find((d) => d.adcode === adcode);
}

/** 蓬江区 / Pengjiang District; an unknown code is shown as itself. */
export function districtName(adcode: string): { zh: string; en: string } {
  const district = districtByAdcode(adcode);
  return district ? { zh: district.name, en: district.nameEn } : { zh: adcode, en: adcode };
}

export interface DistrictProperties {
  adcode: Adcode;
  /** Chinese name, e.g. 蓬江区 */
  name: string;
  nameEn: string;
  /** Geodesic area from the WGS84 polygon (Turf), km² */
  areaKm2: number;
}

export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProperties>;

export interface DistrictsProvenance {
  source: string;
  sourceFile: string;
  version: string;
  licence: string;
  transform: string;
  built: string;
}

export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProperties> & {
  provenance?: DistrictsProvenance;
};
