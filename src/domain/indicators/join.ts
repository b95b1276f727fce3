import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { DistrictTable } from './select.ts';

/** Properties the choropleth reads from each district feature after the join. */
export interface IndicatorJoinProperties {
  indicatorValue: number | null;
  indicatorDisplay: string;
  /** Stored values disagree, or a computed check disagrees with the printed value. */
  indicatorFlagged: boolean;
}

/**
 * Joins one indicator's district values onto district features by adcode. Features keep their
 * own properties; a feature with no value gets null, never 0, so "no data" stays distinguishable.
 */
export function joinDistrictValues<G extends Geometry, P extends { adcode: string }>(
  collection: FeatureCollection<G, P>,
  table: DistrictTable,
): FeatureCollection<G, P & IndicatorJoinProperties> {
  const rows = new Map(table.rows.map((r) => [r.adcode as string, r]));
  return {
    ...collection,
    features: collection.features.map((feature): Feature<G, P & IndicatorJoinProperties> => {
      const row = rows.get(feature.properties.adcode);
      return {
        ...feature,
        properties: {
          ...feature.properties,
          indicatorValue: row?.value ?? null,
          indicatorDisplay: row?.display ?? '',
          indicatorFlagged: Boolean(row?.resolved && (row.resolved.conflict || row.resolved.discrepancy)),
        },
      };
    }),
  };
}
