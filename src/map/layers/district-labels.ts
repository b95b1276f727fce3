import { area, booleanPointInPolygon, centerOfMass, pointOnFeature, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { DistrictCollection, DistrictFeature } from '../../domain/districts.ts';

export interface DistrictLabelProperties {
  adcode: string;
  name: string;
  nameEn: string;
}

/** The part of a district that carries its label: the largest polygon (台山's mainland, not an island). */
function mainPart(feature: DistrictFeature): Feature<Polygon> {
  const parts = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  return parts.map((rings) => polygon(rings)).reduce((best, p) => (area(p) > area(best) ? p : best));
}

/** One label point per district, inside the district (centre of mass, or a point on it when that falls outside). */
export function districtLabelPoints(districts: DistrictCollection): FeatureCollection<Point, DistrictLabelProperties> {
  return {
    type: 'FeatureCollection',
    features: districts.features.map((f) => {
      const part = mainPart(f);
      const centre = centerOfMass(part);
      const point = booleanPointInPolygon(centre, part) ? centre : pointOnFeature(part);
      const { adcode, name, nameEn } = f.properties;
      return { type: 'Feature', geometry: point.geometry, properties: { adcode, name, nameEn } };
    }),
  };
}
