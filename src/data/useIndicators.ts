import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import catalogueUrl from '../../data/indicators/catalogue.json?url';
import censusUrl from '../../data/indicators/values-census-2020.json?url';
import fypUrl from '../../data/indicators/values-fyp-14.json?url';
import healthUrl from '../../data/indicators/values-health-plan.json?url';
import populationUrl from '../../data/indicators/values-population-plan.json?url';
import publicServicesUrl from '../../data/indicators/values-public-services-plan.json?url';
import urbanisationUrl from '../../data/indicators/values-urbanisation-plan.json?url';
import type { DistrictCollection } from '../domain/districts.ts';
import { buildIndicatorDb, type ExternalValues, type IndicatorDb } from '../domain/indicators/db.ts';
import { validateIndicatorFiles, type IndicatorData, type IndicatorFile } from '../domain/indicators/validate.ts';
import { useDistricts } from './useDistricts.ts';

/** The indicator files, served as static assets; names are the repository paths shown in errors. */
export const INDICATOR_FILES = {
  catalogue: { name: 'data/indicators/catalogue.json', url: catalogueUrl },
  values: [
    { name: 'data/indicators/values-population-plan.json', url: populationUrl },
    { name: 'data/indicators/values-urbanisation-plan.json', url: urbanisationUrl },
    { name: 'data/indicators/values-public-services-plan.json', url: publicServicesUrl },
    { name: 'data/indicators/values-health-plan.json', url: healthUrl },
    { name: 'data/indicators/values-fyp-14.json', url: fypUrl },
    { name: 'data/indicators/values-census-2020.json', url: censusUrl },
  ],
} as const;

async function fetchIndicatorFile(file: { name: string; url: string }): Promise<IndicatorFile> {
  let response: Response;
  try {
    response = await fetch(file.url);
  } catch (e) {
    throw new Error(`${file.name}: could not be loaded (${(e as Error).message})`);
  }
  if (!response.ok) throw new Error(`${file.name}: HTTP ${response.status}`);
  try {
    return { name: file.name, json: (await response.json()) as unknown };
  } catch {
    throw new Error(`${file.name}: not valid JSON`);
  }
}

/** Fetches and validates all indicator files; a broken file rejects with a message naming it. */
export async function loadIndicatorData(): Promise<IndicatorData> {
  const [catalogue, ...values] = await Promise.all(
    [INDICATOR_FILES.catalogue, ...INDICATOR_FILES.values].map(fetchIndicatorFile),
  );
  return validateIndicatorFiles(catalogue!, values);
}

export const indicatorsQuery = { queryKey: ['static', 'indicators'], queryFn: loadIndicatorData };

function areasOf(districts: DistrictCollection | undefined) {
  if (!districts) return undefined;
  return Object.fromEntries(districts.features.map((f) => [f.properties.adcode, f.properties.areaKm2]));
}

/**
 * The indicator database for the UI. Validation errors surface as `error` (message names file and entry).
 * Once the district boundaries load, densities are computed from their polygon areas; if the boundaries
 * fail, everything else still works. `external` adds values computed in the app (the coverage of the
 * current scenario) to `data`; pass a memoised object, as that database is rebuilt when it changes.
 * `base` is the database of the documents alone: it does not change with `external`.
 */
export function useIndicators(external?: ExternalValues): {
  data: IndicatorDb | undefined;
  base: IndicatorDb | undefined;
  isLoading: boolean;
  error: Error | null;
} {
  const query = useQuery(indicatorsQuery);
  const districts = useDistricts();
  const areas = useMemo(() => areasOf(districts.data), [districts.data]);
  const source = districts.data?.provenance?.source;
  const options = useMemo(
    () => ({
      areasKm2: areas,
      areaOrigin: source ? { zh: `区界多边形的测地面积（${source}）`, en: `geodesic area of the boundary polygon (${source})` } : undefined,
    }),
    [areas, source],
  );
  const base = useMemo(() => (query.data ? buildIndicatorDb(query.data, options) : undefined), [query.data, options]);
  const data = useMemo(
    () => (query.data && external ? buildIndicatorDb(query.data, { ...options, external }) : base),
    [query.data, options, external, base],
  );
  return { data, base, isLoading: query.isLoading, error: query.error };
}
