import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCoverageSession } from '../src/domain/coverage/session.ts';
import { parseFacilitiesFile, parsePopulationCsv } from '../src/domain/import/index.ts';
import { DISTRICTS } from '../src/domain/districts.ts';
import { readCensusPopulation, readDistricts, REPO_ROOT } from './coverage-inputs.ts';
import { toOutput, type CliOutput } from './coverage-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'coverage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/coverage-cli.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Town seats (镇街驻地, GeoNames positions, WGS84) standing in as facilities.
const facilitiesCsv = file(
  'seats.csv',
  [
    'name,category,lon,lat',
    '会城街道驻地,乡镇卫生院,113.02985,22.52625',
    '白沙街道驻地,社区卫生服务中心,113.07264,22.57607',
    '台城街道驻地,乡镇卫生院,112.7799,22.25135',
    '沙坪街道驻地,hospital,112.95776,22.77019',
  ].join('\n'),
);

describe('coverage CLI: success', { timeout: 60_000 }, () => {
  it('prints per-district and city-wide results as JSON in the documented shape', () => {
    const run = cli('--facilities', facilitiesCsv, '--radius', '1000');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as CliOutput;
    expect(out.radiusMetres).toBe(1000);
    expect(out.populationModel).toBe('even-census-2020');
    expect(out.districts.map((d) => d.adcode)).toEqual(DISTRICTS.map((d) => d.adcode));
    for (const d of [...out.districts, out.city]) {
      expect(Object.keys(d)).toEqual(['adcode', 'name', 'areaKm2', 'coveredAreaShare', 'population', 'coveredPopulationShare']);
      expect(d.coveredAreaShare).toBeGreaterThanOrEqual(0);
      expect(d.coveredAreaShare).toBeLessThanOrEqual(1);
    }
    expect(out.city).toMatchObject({ adcode: '440700', name: '江门市', population: 4_798_090 });
    expect(out.districts.find((d) => d.adcode === '440785')!.coveredAreaShare).toBe(0); // no facility in 恩平
    expect(out.districts.find((d) => d.adcode === '440703')!.coveredAreaShare).toBeGreaterThan(0);
  });

  it('prints CSV with a header, one line per district and one for the city', () => {
    const run = cli('--facilities', facilitiesCsv, '--radius', '1000', '--format', 'csv');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('adcode,name,areaKm2,coveredAreaShare,population,coveredPopulationShare,radiusMetres,populationModel');
    expect(lines).toHaveLength(1 + DISTRICTS.length + 1);
    expect(lines.at(-1)).toMatch(/^440700,江门市,/);
  });

  it('counts only the chosen category', () => {
    const all = JSON.parse(cli('--facilities', facilitiesCsv, '--radius', '1000').stdout) as CliOutput;
    const hospitals = JSON.parse(cli('--facilities', facilitiesCsv, '--radius', '1000', '--category', 'hospital').stdout) as CliOutput;
    expect(all.facilities.used).toBe(4);
    expect(hospitals.facilities).toMatchObject({ used: 1, category: 'hospital' });
    expect(hospitals.city.coveredAreaShare).toBeLessThan(all.city.coveredAreaShare);
  });

  it('uses imported population points instead of the census model', () => {
    const population = file('pop.csv', 'lon,lat,population\n113.0300,22.5265,900\n112.30424,22.18659,100\n113.5,23.5,7\n');
    const run = cli('--facilities', facilitiesCsv, '--radius', '1000', '--population', population, '--skip-bad-rows');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as CliOutput;
    expect(out.populationModel).toBe('imported-points');
    expect(out.city.population).toBe(1000);
    expect(out.city.coveredPopulationShare).toBe(0.9);
  });
});

describe('coverage CLI: bad input exits 2 naming the file, row and problem', { timeout: 60_000 }, () => {
  it('missing file', () => {
    const missing = join(dir, 'missing.csv');
    const run = cli('--facilities', missing, '--radius', '1000');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(run.stdout).toBe('');
  });

  it('bad CRS value', () => {
    const run = cli('--facilities', facilitiesCsv, '--radius', '1000', '--crs', 'epsg3857');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--crs must be one of wgs84, gcj02, bd09, got "epsg3857"/);
  });

  it.each([['-5'], ['abc'], ['']])('bad radius %j', (radius) => {
    const run = cli('--facilities', facilitiesCsv, `--radius=${radius}`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--radius must be a number of metres/);
  });

  it('missing --radius', () => {
    const run = cli('--facilities', facilitiesCsv);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--radius <metres> is required/);
  });

  it('malformed CSV', () => {
    const broken = file('broken.csv', 'name,category,lon,lat\nA,医院,113.03,22.53\n"B,医院,113.07,22.57\n');
    const run = cli('--facilities', broken, '--radius', '1000');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('broken.csv');
    expect(run.stderr).toMatch(/row 3/i);
    expect(run.stderr).toMatch(/quote/);
  });

  it('missing columns', () => {
    const noCoords = file('nocoords.csv', 'name,category\nA,医院\n');
    const run = cli('--facilities', noCoords, '--radius', '1000');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nocoords.csv');
    expect(run.stderr).toMatch(/lacks required columns/);
  });

  it('out-of-range coordinates: exit 2 by default, the other rows with --skip-bad-rows', () => {
    const outOfRange = file('range.csv', 'name,category,lon,lat\nA,医院,113.03,22.53\nB,医院,213.07,22.57\n');
    const strict = cli('--facilities', outOfRange, '--radius', '1000');
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain('range.csv');
    expect(strict.stderr).toMatch(/Row 3: longitude 213\.07 is outside/);
    const lenient = cli('--facilities', outOfRange, '--radius', '1000', '--skip-bad-rows');
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/warning: .*range\.csv: Row 3/);
    expect((JSON.parse(lenient.stdout) as CliOutput).facilities.used).toBe(1);
  });

  it('unknown category and unknown option', () => {
    expect(cli('--facilities', facilitiesCsv, '--radius', '1000', '--category', 'spa').status).toBe(2);
    const run = cli('--facilities', facilitiesCsv, '--radius', '1000', '--colour', 'red');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Usage:/);
  });
});

describe('coverage CLI agrees with the browser path', { timeout: 60_000 }, () => {
  it('the same GCJ-02 GeoJSON file gives identical numbers through the import parser and the worker session', () => {
    // The seats shifted into GCJ-02 as a map app would give them (offset ~ +0.0053°, −0.0027°).
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        [113.0352, 22.52355],
        [113.07797, 22.57342],
        [112.78522, 22.24872],
      ].map(([lon, lat], i) => ({
        type: 'Feature',
        properties: { name: `site ${i}`, category: '乡镇卫生院' },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      })),
    });
    const path = file('sites.geojson', geojson);
    const run = cli('--facilities', path, '--radius', '1500', '--crs', 'gcj02');
    expect(run.status).toBe(0);

    // What the app does: parse the dropped file, hand the facilities to the worker's session.
    const parsed = parseFacilitiesFile(readFileSync(path), { crs: 'gcj02', fileName: 'sites.geojson' });
    if (!parsed.ok) throw new Error('fixture should parse');
    const session = createCoverageSession();
    session.init(readDistricts(), readCensusPopulation());
    const browser = toOutput(session.compute(parsed.facilities, 1500).result, undefined);
    expect(JSON.parse(run.stdout)).toEqual(browser);
    expect(browser.city.coveredAreaShare).toBeGreaterThan(0);
  });

  it('the same population file gives identical numbers too', () => {
    const population = file('pop2.csv', 'lon,lat,population\n113.0300,22.5265,900\n112.30424,22.18659,100\n');
    const run = cli('--facilities', facilitiesCsv, '--radius', '2000', '--population', population);
    expect(run.status).toBe(0);
    const session = createCoverageSession();
    session.init(readDistricts(), readCensusPopulation());
    const points = parsePopulationCsv(readFileSync(population), { crs: 'wgs84', fileName: 'pop2.csv' });
    const facilities = parseFacilitiesFile(readFileSync(facilitiesCsv), { crs: 'wgs84', fileName: 'seats.csv' });
    if (!points.ok || !facilities.ok) throw new Error('fixtures should parse');
    session.setPopulationPoints(points.points);
    expect(JSON.parse(run.stdout)).toEqual(toOutput(session.compute(facilities.facilities, 2000).result, undefined));
  });
});
