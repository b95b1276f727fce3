/**
 * npm run coverage -- --facilities <file.csv|file.geojson> --radius <metres> [--crs wgs84|gcj02|bd09]
 *   [--category <id>] [--population <file.csv>] [--population-crs …] [--format json|csv] [--skip-bad-rows]
 *
 * Per-district service coverage on the command line, with the very modules the browser uses: the
 * import parsers of src/domain/import and the coverage session the web worker exposes.
 * Exit 0 on success; 2 on bad input, with messages on stderr naming the file, the row and the problem.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CRS_IDS, isCrsId, type CrsId } from '../src/domain/crs.ts';
import { categoryById, facilityCategories } from '../src/domain/facility-categories.ts';
import { checkImportSize, parseFacilitiesFile, parsePopulationCsv, type ImportIssue } from '../src/domain/import/index.ts';
import { createCoverageSession } from '../src/domain/coverage/session.ts';
import { toCsv, toOutput, type CliOutput } from '../src/domain/coverage/report.ts';
import { readCensusPopulation, readDistricts } from './coverage-inputs.ts';

/** A radius beyond any service standard in the plans; larger values are almost surely a unit mistake. */
export const MAX_RADIUS_METRES = 100_000;

export const USAGE = `Usage: npm run coverage -- --facilities <file.csv|file.geojson> --radius <metres> [options]

  --facilities <file>     facilities: CSV (name, category, lon, lat; also lng/longitude/latitude,
                          名称/类别/经度/纬度; UTF-8 or GBK) or GeoJSON points
  --radius <metres>       service radius, 0–${MAX_RADIUS_METRES.toLocaleString('en')} m
  --crs <id>              coordinate system of the facilities: ${CRS_IDS.join(' | ')} (default wgs84)
  --category <id>         count only this category (e.g. hospital); also the category of a file
                          without a category column
  --population <file>     population points (CSV lon, lat, population) replacing the default model,
                          each district's 2020 census population spread evenly over its area
  --population-crs <id>   coordinate system of the population file (default: as --crs)
  --format json|csv       output format (default json)
  --skip-bad-rows         use the readable rows of a file and report the others on stderr
                          (by default any unreadable row stops the run, exit 2)
`;

/** Bad input: exit 2 with the message. */
export class InputError extends Error {}
/** Bad arguments: exit 2 with the message and the usage. */
export class UsageError extends InputError {}

export interface CliOptions {
  facilities: string;
  radiusMetres: number;
  crs: CrsId;
  category?: string;
  population?: string;
  populationCrs: CrsId;
  format: 'json' | 'csv';
  skipBadRows: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        facilities: { type: 'string' },
        radius: { type: 'string' },
        crs: { type: 'string', default: 'wgs84' },
        category: { type: 'string' },
        population: { type: 'string' },
        'population-crs': { type: 'string' },
        format: { type: 'string', default: 'json' },
        'skip-bad-rows': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  if (!values.facilities) throw new UsageError('--facilities <file> is required');
  if (values.radius === undefined) throw new UsageError('--radius <metres> is required');
  const radiusMetres = Number(values.radius);
  if (values.radius.trim() === '' || !Number.isFinite(radiusMetres) || radiusMetres < 0 || radiusMetres > MAX_RADIUS_METRES)
    throw new UsageError(`--radius must be a number of metres from 0 to ${MAX_RADIUS_METRES}, got "${values.radius}"`);
  const crs = values.crs.toLowerCase();
  if (!isCrsId(crs)) throw new UsageError(`--crs must be one of ${CRS_IDS.join(', ')}, got "${values.crs}"`);
  const populationCrs = (values['population-crs'] ?? crs).toLowerCase();
  if (!isCrsId(populationCrs))
    throw new UsageError(`--population-crs must be one of ${CRS_IDS.join(', ')}, got "${values['population-crs']}"`);
  if (values.format !== 'json' && values.format !== 'csv') throw new UsageError(`--format must be json or csv, got "${values.format}"`);
  if (values.category !== undefined && !categoryById(values.category))
    throw new UsageError(
      `--category "${values.category}" is not a category id; known ids: ${facilityCategories()
        .map((c) => c.id)
        .join(', ')}`,
    );
  return {
    facilities: values.facilities,
    radiusMetres,
    crs,
    ...(values.category !== undefined && { category: values.category }),
    ...(values.population !== undefined && { population: values.population }),
    populationCrs,
    format: values.format,
    skipBadRows: values['skip-bad-rows'],
  };
}

function readInput(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(`${path}: cannot read the file (it does not exist or is not accessible)`);
  }
  const tooLarge = checkImportSize(size, basename(path));
  if (tooLarge) throw new InputError(`${path}: ${tooLarge.message.en}`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`${path}: cannot read the file (${(e as Error).message})`);
  }
}

/** "file: message", without repeating the file name when the message already names it. */
function describe(path: string, item: ImportIssue): string {
  return item.message.en.includes(`"${basename(path)}"`) ? item.message.en : `${path}: ${item.message.en}`;
}

type Parsed<T> =
  | { ok: true; items: T[]; warnings: ImportIssue[]; stats: { skipped: number; total: number; skippedBy: Partial<Record<string, number[]>> } }
  | { ok: false; errors: ImportIssue[] };

/** Turns an import result into data or an InputError, writing warnings to `warn`. */
function accept<T>(path: string, parsed: Parsed<T>, skipBadRows: boolean, warn: (line: string) => void): T[] {
  if (!parsed.ok) throw new InputError(parsed.errors.map((e) => describe(path, e)).join('\n'));
  const { skipped, total, skippedBy } = parsed.stats;
  const skips = parsed.warnings.filter((w) => skippedBy[w.code]);
  const notes = parsed.warnings.filter((w) => !skippedBy[w.code]);
  for (const w of notes) warn(`warning: ${describe(path, w)}`);
  if (skipped > 0 && !skipBadRows)
    throw new InputError(
      [
        ...skips.map((w) => describe(path, w)),
        `${path}: ${skipped} of ${total} rows could not be used; fix them, or pass --skip-bad-rows to use the other rows.`,
      ].join('\n'),
    );
  for (const w of skips) warn(`warning: ${describe(path, w)}`);
  return parsed.items;
}

export { roundShare, toOutput, toCsv, type CliOutput } from '../src/domain/coverage/report.ts';

export function runCoverage(options: CliOptions, warn: (line: string) => void): CliOutput {
  const imported = parseFacilitiesFile(readInput(options.facilities), {
    crs: options.crs,
    fileName: basename(options.facilities),
    ...(options.category !== undefined && { defaultCategory: options.category }),
  });
  const all = accept(
    options.facilities,
    imported.ok ? { ok: true, items: imported.facilities, warnings: imported.warnings, stats: imported.stats } : imported,
    options.skipBadRows,
    warn,
  );
  const facilities = options.category === undefined ? all : all.filter((f) => f.category === options.category);
  if (facilities.length === 0) warn(`warning: ${options.facilities}: no facilities of category "${options.category}"; coverage is zero`);

  const session = createCoverageSession();
  session.init(readDistricts(), readCensusPopulation());
  if (options.population !== undefined) {
    const parsed = parsePopulationCsv(readInput(options.population), { crs: options.populationCrs, fileName: basename(options.population) });
    const points = accept(
      options.population,
      parsed.ok ? { ok: true, items: parsed.points, warnings: parsed.warnings, stats: parsed.stats } : parsed,
      options.skipBadRows,
      warn,
    );
    const info = session.setPopulationPoints(points);
    if (info.populationPoints && info.populationPoints.outsideCount > 0)
      warn(
        `warning: ${options.population}: ${info.populationPoints.outsideCount} population points (${info.populationPoints.outsidePopulation} people) lie outside every district and are not counted`,
      );
  }
  const { result } = session.compute(facilities, options.radiusMetres, { geometry: false });
  return toOutput(result, options.category);
}

function main(argv: readonly string[]): number {
  try {
    const options = parseCliArgs(argv);
    if (options === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    const output = runCoverage(options, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(options.format === 'csv' ? toCsv(output) : `${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`coverage: ${e.message.split('\n').join('\ncoverage: ')}\n`);
      if (e instanceof UsageError) process.stderr.write(`\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`coverage: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (process.argv[1]?.endsWith('coverage-cli.ts')) process.exitCode = main(process.argv.slice(2));
