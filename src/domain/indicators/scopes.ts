import { CITY, districtByAdcode, districtName } from '../districts.ts';
import type { IndicatorDb } from './db.ts';
import { CITY_SCOPE } from './names.ts';
import type { Bilingual } from './schema.ts';

export type ScopeType = 'district' | 'city' | 'area';

export function scopeType(scope: string): ScopeType {
  if (scope === CITY_SCOPE) return 'city';
  return districtByAdcode(scope) ? 'district' : 'area';
}

/** Display name of a scope: 蓬江区 / Pengjiang District, 江门市 / Jiangmen, or a named area. */
export function scopeName(db: Pick<IndicatorDb, 'areas'>, scope: string): Bilingual {
  if (scope === CITY_SCOPE) return { zh: CITY.name, en: CITY.nameEn };
  if (districtByAdcode(scope)) return districtName(scope);
  const area = db.areas.get(scope);
  return area ? area.name : { zh: scope, en: scope };
}
