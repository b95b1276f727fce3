// The facility point shared by import, the built-in town seats, proposed sites, the coverage engine
// and the map. Coordinates are always WGS84: every other system is converted on the way in.

/** Where a facility comes from: a user's file, the built-in town-seat layer, or a click on the map. */
export type FacilitySource = 'import' | 'town-seat' | 'proposed';

export interface Facility {
  /** Unique within the app: `<layer id>:<row>` for imports, `town:<NBS code>` for town seats. */
  id: string;
  /** As given by the source, trimmed; may contain any text and is always rendered as text. */
  name: string;
  /** A category id of data/facility-categories.json. */
  category: string;
  /** WGS84 longitude, degrees */
  lon: number;
  /** WGS84 latitude, degrees */
  lat: number;
  source: FacilitySource;
  /** The row (CSV: as numbered in a spreadsheet, header = 1) or feature number (GeoJSON) it came from. */
  sourceRow?: number;
}
