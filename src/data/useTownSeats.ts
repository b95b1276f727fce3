import { useQuery } from '@tanstack/react-query';
import { parseTownSeats } from '../domain/town-seats.ts';
import { fetchJson } from './static-url.ts';

export const TOWNS_FILE = 'geo/towns.geojson';

/** The town-seat reference layer, validated; a broken file rejects with a message naming it. */
export function useTownSeats() {
  return useQuery({
    queryKey: ['static', TOWNS_FILE],
    queryFn: async () => parseTownSeats(await fetchJson(TOWNS_FILE), TOWNS_FILE),
  });
}
