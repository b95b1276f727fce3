import { useQuery } from '@tanstack/react-query';
import { parseDistricts } from '../domain/districts-schema.ts';
import { fetchJson } from './static-url.ts';
import type { FeatureCollection, Polygon } from 'geojson';

export const DISTRICTS_FILE = 'geo/districts.geojson';
export const LAND_FILE = 'geo/land.geojson';

export const districtsQuery = {
  queryKey: ['static', DISTRICTS_FILE],
  queryFn: async () => parseDistricts(await fetchJson(DISTRICTS_FILE), DISTRICTS_FILE),
};

export function useDistricts() {
  return useQuery(districtsQuery);
}

/** Land polygons for the offline basemap; the map still works (sea colour only) if this fails. */
export function useLand() {
  return useQuery({
    queryKey: ['static', LAND_FILE],
    queryFn: async () => (await fetchJson(LAND_FILE)) as FeatureCollection<Polygon>,
  });
}
