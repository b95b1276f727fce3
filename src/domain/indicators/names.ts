import { CITY, DISTRICTS, type Adcode } from '../districts.ts';

/** Scope of a value: a district adcode, the whole city, or a named area id from the catalogue. */
export const CITY_SCOPE = 'city';

const strip = (s: string) =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    // Traditional forms seen in OCR text (江海區).
    .replace(/區/g, '区')
    .replace(/縣/g, '县');

/** Every spelling the plans use for a district, mapped to its adcode. */
const DISTRICT_ALIASES: ReadonlyMap<string, Adcode> = new Map(
  DISTRICTS.flatMap((d) => {
    const english = d.nameEn.replace(/ District$/, '');
    return [d.adcode, d.name, d.shortName, d.nameEn, english, `${english} district`, `${english} city`].map(
      (alias) => [strip(alias), d.adcode] as const,
    );
  }),
);

const CITY_ALIASES = new Set([CITY_SCOPE, CITY.adcode, CITY.name, '江门', '全市', '市域', CITY.nameEn].map(strip));

/**
 * The plans write 蓬江, 蓬江区 or Pengjiang for the same district; tables use the short name.
 * Returns the adcode, or undefined for a name that is not one of the seven districts.
 */
export function normaliseDistrict(name: string): Adcode | undefined {
  return DISTRICT_ALIASES.get(strip(name));
}

/** District adcode, "city" for 江门市 / 全市, or undefined. */
export function normaliseScope(name: string): Adcode | typeof CITY_SCOPE | undefined {
  const key = strip(name);
  if (CITY_ALIASES.has(key)) return CITY_SCOPE;
  return DISTRICT_ALIASES.get(key);
}
