import type { Bilingual } from '../../domain/url-state.ts';

/**
 * The map's toggleable layers: the ids that travel in the link's `layers` parameter. Changing an
 * id or the defaults changes what existing links mean (URL scheme v1, docs/url-scheme.md).
 */
export const MAP_LAYERS = [
  { id: 'districts', name: { zh: '分区设色（指标）', en: 'District choropleth (indicator)' } },
  { id: 'labels', name: { zh: '行政区名称', en: 'District names' } },
  { id: 'facilities', name: { zh: '设施点', en: 'Facility points' } },
  { id: 'coverage', name: { zh: '服务范围（圆或合并覆盖区）', en: 'Service areas (circles or merged footprint)' } },
  { id: 'gaps', name: { zh: '未覆盖区域', en: 'Uncovered areas' } },
  { id: 'osm', name: { zh: '在线底图：OpenStreetMap（需联网）', en: 'Online basemap: OpenStreetMap (needs internet)' } },
  { id: 'tianditu', name: { zh: '在线底图：天地图（需联网和密钥）', en: 'Online basemap: Tianditu (needs internet and a key)' } },
] as const satisfies readonly { id: string; name: Bilingual }[];

export type MapLayerId = (typeof MAP_LAYERS)[number]['id'];

export const MAP_LAYER_IDS: readonly MapLayerId[] = MAP_LAYERS.map((l) => l.id);

/** Visible while a link has no `layers` parameter; sorted, as links write them. */
export const DEFAULT_VISIBLE_LAYERS: readonly MapLayerId[] = ['coverage', 'districts', 'facilities', 'labels'];

/** The layers in force: the link's list, or the defaults while it has none. */
export function visibleLayers(layers: readonly string[] | null): ReadonlySet<string> {
  return new Set(layers ?? DEFAULT_VISIBLE_LAYERS);
}
