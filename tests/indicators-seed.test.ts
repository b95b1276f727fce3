import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readIndicatorFiles } from '../src/domain/indicators/real-data.test-support.ts';
import { validateIndicatorFiles, type IndicatorData, type StoredValue } from '../src/domain/indicators/validate.ts';

/**
 * Every stored value that cites a seed line is checked against that line: the cell as printed must
 * be there, and must read as the stored number. The seeds live in ../shared/seeds beside the repository.
 */
const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seedCache = new Map<string, string[]>();

function seedLines(file: string): string[] {
  if (!existsSync(SEEDS + file)) {
    throw new Error(`Seed text ${file} not found in ../shared/seeds (expected beside the repository, at ${SEEDS})`);
  }
  let lines = seedCache.get(file);
  if (!lines) {
    lines = readFileSync(SEEDS + file, 'utf8').split('\n');
    seedCache.set(file, lines);
  }
  return lines;
}

/** Lines from..to (1-based, inclusive) joined with single spaces, whitespace collapsed. */
function cited(file: string, [from, to]: [number, number]): string {
  return seedLines(file)
    .slice(from - 1, to)
    .join(' ')
    .replace(/\s+/g, ' ');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The printed cell occurs in the text, not as part of a longer number. */
function occurs(text: string, printed: string): boolean {
  return new RegExp(`(?<![\\d.])${escape(collapse(printed))}(?![\\d.])`).test(text);
}

/** Reads a printed cell the way the data files store it: qualifier, number, range, brackets. */
function readPrinted(printed: string): { value: number; comparator?: string; upper?: number } {
  let s = printed.replace(/\s+/g, '');
  let comparator: string | undefined;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const prefixes: [string, string][] = [['＞', '>'], ['>', '>'], ['≥', '≥'], ['<', '<'], ['≤', '≤'], ['约', '≈'], ['稳定在', '≥'], ['控制在', '≤']];
  for (const [p, c] of prefixes) if (s.startsWith(p)) [comparator, s] = [c, s.slice(p.length)];
  const suffixes: [string, string][] = [['以上', '≥'], ['左右', '≈'], ['以内', '≤']];
  for (const [p, c] of suffixes) if (s.endsWith(p)) [comparator, s] = [c, s.slice(0, -p.length)];
  s = s.replace(/%$/, '');
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(s);
  if (range) return { value: Number(range[1]), upper: Number(range[2]) };
  if (!/^\d+(?:\.\d+)?$/.test(s)) throw new Error(`cannot read printed cell "${printed}"`);
  return { value: Number(s), comparator };
}

describe('seed texts', () => {
  it('are present beside the repository (../shared/seeds)', () => {
    expect(existsSync(SEEDS), `The seed texts are missing: expected the folder ${SEEDS}. Put the shared folder beside the repository.`).toBe(true);
  });
});

const { catalogue, values: valueFiles } = readIndicatorFiles();
const data: IndicatorData = validateIndicatorFiles(catalogue, valueFiles);
const seedValues = data.values.filter((v) => v.source.seedFile);
const label = (v: StoredValue) => `${v.indicator} · ${v.scope} · ${v.year} · ${v.source.seedFile} L${v.source.lines?.join('–')}`;

describe('stored values against the seed lines they cite', () => {
  it('checks at least 30 values, and every value cites lines', () => {
    expect(seedValues.length).toBeGreaterThanOrEqual(30);
    for (const v of seedValues) expect(v.source.lines, label(v)).toBeDefined();
    for (const v of seedValues) expect(v.printed, `${label(v)} has no printed form`).toBeDefined();
  });

  it.each(seedValues.map((v) => [label(v), v] as const))('%s', (_, v) => {
    const text = cited(v.source.seedFile!, v.source.lines!);
    expect(occurs(text, v.printed!), `"${v.printed}" not found in: ${text.slice(0, 300)}`).toBe(true);
    const read = readPrinted(v.printed!);
    expect(v.value).toBe(read.value);
    expect(v.comparator).toBe(read.comparator);
    expect(v.upper).toBe(read.upper);
  });

  it.each(data.statements.map((s) => [`${s.indicator} · ${s.scope} · ${s.year}`, s] as const))('statement %s is printed where cited', (_, s) => {
    const text = cited(s.source.seedFile!, s.source.lines!).replace(/\s+/g, '');
    expect(text).toContain(s.text.replace(/\s+/g, ''));
  });
});

describe('cells of one row appear in year order', () => {
  const rows = new Map<string, StoredValue[]>();
  for (const v of seedValues) {
    const key = `${v.indicator}|${v.scope}|${v.source.table}|${v.source.lines!.join('-')}`;
    rows.set(key, [...(rows.get(key) ?? []), v]);
  }
  const multi = [...rows.entries()].filter(([, vs]) => new Set(vs.map((v) => v.year)).size > 1);

  it.each(multi.map(([key, vs]) => [key, vs] as const))('%s', (_, vs) => {
    const text = cited(vs[0]!.source.seedFile!, vs[0]!.source.lines!);
    let from = 0;
    for (const v of [...vs].sort((a, b) => a.year - b.year)) {
      const match = new RegExp(`(?<![\\d.])${escape(collapse(v.printed!))}(?![\\d.])`).exec(text.slice(from));
      expect(match, `${v.year} "${v.printed}" after position ${from} in: ${text}`).not.toBeNull();
      from += match!.index + match![0].length;
    }
  });
});

/** Tab-separated table rows: each cell, in order, must be the stored value for its column. */
describe('table rows, column by column', () => {
  const find = (indicator: string, scope: string, year: number, seedFile: string, line: number) =>
    data.values.find(
      (v) =>
        v.indicator === indicator && v.scope === scope && v.year === year && v.source.seedFile === seedFile &&
        v.source.lines?.[0] === line,
    );
  const cells = (file: string, line: number) => seedLines(file)[line - 1]!.split('\t').slice(1);
  const P = '000_a752ea8ea4213210.txt';
  const H = '004_028c46f8710c799b.txt';
  const DISTRICTS = ['440703', '440704', '440705', '440781', '440783', '440784', '440785'];

  it('population plan Table 2-2: city and districts × 2019 / 2025 / 2035', () => {
    ['city', ...DISTRICTS].forEach((scope, i) => {
      const row = cells(P, 232 + i);
      [2019, 2025, 2035].forEach((year, j) => {
        expect(String(find('population', scope, year, P, 232 + i)?.value), `${scope} ${year}`).toBe(String(Number(row[j])));
      });
    });
  });

  it('population plan Table 6-4: beds 2019 and demand 2025 / 2035 by district', () => {
    [2019, 2025, 2035].forEach((year, j) => {
      const row = cells(P, 609 + j);
      DISTRICTS.forEach((scope, k) => {
        expect(find('hospital_beds', scope, year, P, 609 + j)?.value, `${scope} ${year}`).toBe(Number(row[k]));
      });
    });
  });

  it('population plan Tables 5-2 / 5-3: elderly-care beds and institutions', () => {
    const rows: [string, number][] = [['440703', 485], ['440704', 486], ['440705', 487], ['440781', 493], ['440783', 494], ['440784', 495], ['440785', 496]];
    for (const [scope, line] of rows) {
      cells(P, line).forEach((cell, j) => {
        const year = [2019, 2025, 2035][j]!;
        const [beds, institutions] = cell.split('/').map(Number);
        expect(find('elderly_care_beds', scope, year, P, line)?.value).toBe(beds);
        expect(find('elderly_care_institutions', scope, year, P, line)?.value).toBe(institutions);
      });
    }
  });

  it('population plan Tables 6-5 / 6-7: schools by district, new schools and places', () => {
    (['schools_secondary', 'schools_primary', 'kindergartens'] as const).forEach((indicator, i) => {
      cells(P, 643 + i).forEach((cell, k) => {
        expect(find(indicator, DISTRICTS[k]!, 2019, P, 643 + i)?.value).toBe(Number(cell));
      });
    });
    const planned = [['new_schools_secondary', 'new_school_places_secondary'], ['new_schools_primary', 'new_school_places_primary'], ['new_kindergartens', 'new_kindergarten_places']];
    planned.forEach(([count, places], i) => {
      cells(P, 660 + i).forEach((cell, k) => {
        const [n, p] = cell.split('/').map(Number);
        expect(find(count!, DISTRICTS[k]!, 2035, P, 660 + i)?.value).toBe(n);
        expect(find(places!, DISTRICTS[k]!, 2035, P, 660 + i)?.value).toBe(p);
      });
    });
  });

  it('health plan Table 2 (L3367–3374): four indicators × three years, city and districts', () => {
    const indicators = ['beds_per_1000', 'physicians_per_1000', 'nurses_per_1000', 'childcare_places_per_1000'];
    ['city', ...DISTRICTS].forEach((scope, i) => {
      const row = cells(H, 3367 + i);
      expect(row).toHaveLength(12);
      indicators.forEach((indicator, a) =>
        [2020, 2023, 2025].forEach((year, b) => {
          const v = find(indicator, scope, year, H, 3367 + i);
          expect(v?.printed, `${indicator} ${scope} ${year}`).toBe(row[a * 3 + b]);
          }),
      );
    });
  });
});

describe('caveats and definitions quote the seed', () => {
  it('the district health values carry the 市直 caveat, quoted from L3376', () => {
    const caveat = data.caveats.find((c) => c.id === 'excludes-municipal')!;
    expect(cited(caveat.source!.seedFile!, caveat.source!.lines!)).toContain(caveat.quote);
    const district = data.values.filter(
      (v) => v.source.table.startsWith('表2 江门市“十四五”卫生健康主要指标分解表') && v.scope !== 'city',
    );
    expect(district).toHaveLength(7 * 12);
    for (const v of district) expect(v.caveats, `${v.indicator} ${v.scope} ${v.year}`).toContain('excludes-municipal');
  });

  it.each(data.areas.map((a) => [a.id, a] as const))('area %s: its definition is quoted from the cited lines', (_, area) => {
    const text = cited(area.source.seedFile!, area.source.lines!).replace(/\s+/g, '');
    expect(text).toContain(area.quote.replace(/\s+/g, ''));
  });
});

describe('catalogue sources quote the seed', () => {
  const sources = data.indicators.flatMap((ind) =>
    ind.sources.filter((s) => s.lines).map((s) => [`${ind.id} · ${s.table}`, s] as const),
  );

  it.each(sources)('%s: the printed name is in the cited table', (_, s) => {
    // A wrapped name can be interrupted by its own value row (ending in the status) or by a page break's
    // repeated header: drop those lines before matching.
    const seen = new Set<string>();
    const text = seedLines(s.seedFile!)
      .slice(s.lines![0] - 1, s.lines![1])
      .map((l) => l.trim())
      .filter((l) => !/^\S{0,4}\s+[\d.\s>＞≥<[\]—-]+(约束性|预期性|指导性)$/.test(l))
      .filter((l) => l.length < 10 || (!seen.has(l) && seen.add(l)))
      .join('')
      .replace(/\s+/g, '');
    for (const part of s.printedName.replace(/\s+/g, '').split(/——|：|；/)) expect(text).toContain(part);
  });

  it('every value lies inside the table its catalogue source cites', () => {
    for (const v of seedValues) {
      const listed = data.indicators
        .find((i) => i.id === v.indicator)!
        .sources.find((s) => s.document === v.source.document && s.table === v.source.table)!;
      expect(v.source.lines![0], label(v)).toBeGreaterThanOrEqual(listed.lines![0]);
      expect(v.source.lines![1], label(v)).toBeLessThanOrEqual(listed.lines![1]);
    }
  });
});

describe('census values against the compiled tabulation', () => {
  const CENSUS_CSV = fileURLToPath(new URL('../../shared/reference-data/census2020_jiangmen_by_county.csv', import.meta.url));
  const COLUMNS: Record<string, [string, number]> = {
    census_population: ['pop_total', 1],
    urbanisation_rate: ['urban_share', 100],
    age_0_14_share: ['age_0_14_share', 100],
    age_15_64_share: ['age_15_64_share', 100],
    age_65_plus_share: ['age_65plus_share', 100],
    census_schooling_15plus: ['schooling_years_15plus', 1],
    household_size: ['household_size', 1],
    housing_floor_area_per_person: ['floor_area_per_person', 1],
  };

  it('every stored census value equals the tabulated figure (shares in per cent)', () => {
    expect(existsSync(CENSUS_CSV), `missing ${CENSUS_CSV}`).toBe(true);
    const rows = Papa.parse<Record<string, string>>(readFileSync(CENSUS_CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const census = data.values.filter((v) => v.source.document === 'census-2020');
    expect(census).toHaveLength(7 * Object.keys(COLUMNS).length);
    for (const v of census) {
      const [column, scale] = COLUMNS[v.indicator]!;
      const row = rows.find((r) => r.adcode === v.scope)!;
      expect(v.value, `${v.indicator} ${v.scope}`).toBeCloseTo(Number(row[column]) * scale, 9);
    }
  });
});
