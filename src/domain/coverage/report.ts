/**
 * Coverage results as a report: the shape the CLI prints as JSON and the CSV that both the CLI and
 * the browser's "export" write, so a planner's spreadsheet and a batch script see the same numbers.
 */
import Papa from 'papaparse';
import { CITY } from '../districts.ts';
import type { CoverageFigures, CoverageResult } from './types.ts';

export interface CliOutput {
  radiusMetres: number;
  populationModel: CoverageResult['populationModel'];
  facilities: CoverageResult['facilities'] & { category: string | null };
  populationPoints?: CoverageResult['populationPoints'];
  districts: ({ adcode: string; name: string } & CoverageFigures)[];
  city: { adcode: string; name: string } & CoverageFigures;
}

/** Shares to 6 decimals (a ten-thousandth of a percentage point): beyond that is noise. */
export const roundShare = (share: number | null): number | null => (share === null ? null : Math.round(share * 1e6) / 1e6);

function figures(f: CoverageFigures): CoverageFigures {
  return {
    areaKm2: f.areaKm2,
    coveredAreaShare: roundShare(f.coveredAreaShare)!,
    population: f.population,
    coveredPopulationShare: roundShare(f.coveredPopulationShare),
  };
}

export function toOutput(result: CoverageResult, category: string | undefined): CliOutput {
  return {
    radiusMetres: result.radiusMetres,
    populationModel: result.populationModel,
    facilities: { ...result.facilities, category: category ?? null },
    ...(result.populationPoints && { populationPoints: result.populationPoints }),
    districts: result.districts.map((d) => ({ adcode: d.adcode, name: d.name, ...figures(d) })),
    city: { adcode: CITY.adcode, name: CITY.name, ...figures(result.city) },
  };
}

export interface CsvOptions {
  /** Excel needs a byte-order mark to read UTF-8 Chinese, and likes CRLF line ends. */
  excel?: boolean;
}

export function toCsv(output: CliOutput, options: CsvOptions = {}): string {
  const rows = [...output.districts, output.city].map((r) => ({
    adcode: r.adcode,
    name: r.name,
    areaKm2: r.areaKm2,
    coveredAreaShare: r.coveredAreaShare,
    population: r.population ?? '',
    coveredPopulationShare: r.coveredPopulationShare ?? '',
    radiusMetres: output.radiusMetres,
    populationModel: output.populationModel,
  }));
  const newline = options.excel ? '\r\n' : '\n';
  const csv = `${Papa.unparse(rows, { newline, escapeFormulae: true })}${newline}`;
  return options.excel ? `\ufeff${csv}` : csv;
}

