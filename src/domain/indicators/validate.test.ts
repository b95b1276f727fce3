import { describe, expect, it } from 'vitest';
import { readIndicatorFiles } from './real-data.test-support.ts';
import { IndicatorDataError, validateIndicatorFiles, type IndicatorFile } from './validate.ts';

/** A small, valid catalogue and values file; each test breaks one thing. */
function fixture() {
  const catalogue = {
    documents: [
      { id: 'plan', titleZh: '规划', titleEn: 'Plan', seedFile: '000.txt', lines: [1, 100] },
      { id: 'census', titleZh: '普查', titleEn: 'Census', isbn: '978-0' },
    ],
    domains: [{ id: 'health', zh: '医疗卫生', en: 'Health' }],
    caveats: [{ id: 'note-a', text: { zh: '注', en: 'Note' } }],
    areas: [],
    documentPreference: ['plan', 'census'],
    indicators: [
      {
        id: 'beds',
        name: { zh: '床位', en: 'Beds' },
        unit: { zh: '张', en: 'beds' },
        domain: 'health',
        better: 'higher',
        sources: [{ document: 'plan', table: '表 1', seedFile: '000.txt', lines: [10, 12], printedName: '床位数', status: '预期性' }],
      },
      { id: 'beds_ratio', name: { zh: '比', en: 'Ratio' }, unit: { zh: '张', en: 'beds' }, domain: 'health', better: 'higher', derived: true },
    ],
  };
  const values = {
    document: 'plan',
    values: [
      {
        indicator: 'beds',
        scope: '440703',
        year: 2019,
        kind: 'actual',
        value: 8495,
        printed: '8495',
        source: { document: 'plan', table: '表 1', seedFile: '000.txt', lines: [10, 10] },
      },
    ],
    statements: [],
  };
  return { catalogue, values };
}

type Fixture = ReturnType<typeof fixture>;

function run(f: Fixture): void {
  const catalogue: IndicatorFile = { name: 'data/indicators/catalogue.json', json: f.catalogue };
  const values: IndicatorFile = { name: 'data/indicators/values-plan.json', json: f.values };
  validateIndicatorFiles(catalogue, [values]);
}

function errorOf(f: Fixture): IndicatorDataError {
  try {
    run(f);
  } catch (e) {
    expect(e).toBeInstanceOf(IndicatorDataError);
    return e as IndicatorDataError;
  }
  throw new Error('expected a validation error');
}

const value0 = (f: Fixture) => f.values.values[0] as Record<string, unknown>;

describe('validateIndicatorFiles', () => {
  it('accepts the fixture and the committed data files', () => {
    expect(() => run(fixture())).not.toThrow();
    const real = readIndicatorFiles();
    const data = validateIndicatorFiles(real.catalogue, real.values);
    expect(data.values.length).toBeGreaterThan(600);
    expect(data.files).toContain('data/indicators/values-health-plan.json');
  });

  it('rejects an unknown adcode, naming file and entry', () => {
    const f = fixture();
    value0(f).scope = '440799';
    expect(errorOf(f).message).toBe(
      'data/indicators/values-plan.json: values[0] (beds · 440799 · 2019): unknown adcode "440799" (not one of Jiangmen\'s seven districts)',
    );
  });

  it('rejects a district name where a code belongs, and says which code', () => {
    const f = fixture();
    value0(f).scope = '蓬江';
    expect(errorOf(f).message).toContain('scope "蓬江" is a name; store its code "440703"');
  });

  it('rejects a missing unit', () => {
    const f = fixture();
    delete (f.catalogue.indicators[0] as Record<string, unknown>).unit;
    expect(errorOf(f).message).toBe('data/indicators/catalogue.json: indicators[0] ("beds"): unit: missing unit');
  });

  it('rejects an empty unit', () => {
    const f = fixture();
    f.catalogue.indicators[0]!.unit = { zh: '', en: 'beds' };
    expect(errorOf(f).message).toContain('indicators[0] ("beds"): unit.zh: unit.zh is empty');
  });

  it('rejects duplicate indicator ids', () => {
    const f = fixture();
    f.catalogue.indicators[1]!.id = 'beds';
    expect(errorOf(f).message).toContain('data/indicators/catalogue.json: indicators: duplicate id "beds"');
  });

  it('rejects a non-numeric value', () => {
    const f = fixture();
    value0(f).value = '8495';
    expect(errorOf(f).message).toContain(
      'data/indicators/values-plan.json: values[0] (beds · 440703 · 2019): value: value must be a number (got "8495")',
    );
  });

  it('rejects a value that is not finite', () => {
    const f = fixture();
    value0(f).value = Number.NaN;
    expect(errorOf(f).message).toContain('values[0] (beds · 440703 · 2019): value: value must be a number');
  });

  it.each([1999, 2036, 2040])('rejects year %i, outside the plans', (year) => {
    const f = fixture();
    value0(f).year = year;
    expect(errorOf(f).message).toContain(`values[0] (beds · 440703 · ${year}): year: year ${year} is outside the plans' range 2000–2035`);
  });

  it('rejects an unknown indicator id in a values file', () => {
    const f = fixture();
    value0(f).indicator = 'bed';
    expect(errorOf(f).message).toContain('values[0] (bed · 440703 · 2019): unknown indicator id "bed"');
  });

  it('rejects a stored value for a derived indicator', () => {
    const f = fixture();
    value0(f).indicator = 'beds_ratio';
    expect(errorOf(f).message).toContain('"beds_ratio" is a derived indicator: it is computed, never stored');
  });

  it('rejects kind "derived" in a file', () => {
    const f = fixture();
    value0(f).kind = 'derived';
    expect(errorOf(f).message).toContain('kind: kind must be "actual" or "target" (got "derived")');
  });

  it('rejects lines outside the document and a seed citation without lines', () => {
    const f = fixture();
    (value0(f).source as { lines?: number[] }).lines = [150, 151];
    expect(errorOf(f).message).toContain('source.lines 150–151 fall outside document "plan" (lines 1–100)');
    delete (value0(f).source as { lines?: number[] }).lines;
    expect(errorOf(f).message).toContain('source.lines missing');
  });

  it('rejects a table the catalogue does not list for the indicator', () => {
    const f = fixture();
    (value0(f).source as { table: string }).table = '表 9';
    expect(errorOf(f).message).toContain('the catalogue lists no source "表 9" of "plan" for indicator "beds"');
  });

  it('rejects the same figure stored twice from one document, but keeps conflicting figures', () => {
    const f = fixture();
    f.values.values.push({ ...f.values.values[0]! });
    expect(errorOf(f).message).toContain('values[1] (beds · 440703 · 2019): duplicate of data/indicators/values-plan.json values[0]');
    f.values.values[1]!.value = 8000;
    expect(() => run(f)).not.toThrow();
  });

  it('rejects unknown keys (typos) and an unknown status', () => {
    const f = fixture();
    value0(f).valeu = 1;
    expect(errorOf(f).message).toContain('values[0] (beds · 440703 · 2019): Unrecognized key: "valeu"');
    const g = fixture();
    (g.catalogue.indicators[0]!.sources![0] as { status: string }).status = '约束';
    expect(errorOf(g).message).toContain('status must be 约束性, 预期性 or 指导性 (got "约束")');
  });

  it('rejects an unknown domain and an unknown caveat', () => {
    const f = fixture();
    f.catalogue.indicators[0]!.domain = 'healthcare';
    (value0(f) as { caveats?: string[] }).caveats = ['note-b'];
    const message = errorOf(f).message;
    expect(message).toContain('indicators[0] ("beds"): unknown domain "healthcare"');
    expect(message).toContain('values[0] (beds · 440703 · 2019): unknown caveat "note-b"');
  });

  it('lists every problem found, not only the first', () => {
    const f = fixture();
    value0(f).scope = '440799';
    value0(f).indicator = 'bed';
    expect(errorOf(f).issues).toHaveLength(2);
  });

  it('names the real file when a committed file is broken', () => {
    const real = readIndicatorFiles();
    const health = real.values.find((v) => v.name.endsWith('values-health-plan.json'))!;
    const broken = structuredClone(health.json) as { values: { year: number }[] };
    broken.values[5]!.year = 2050;
    const call = () => validateIndicatorFiles(real.catalogue, [{ ...health, json: broken }]);
    expect(call).toThrow(/^data\/indicators\/values-health-plan\.json: values\[5\] \(.+ · 2050\): year: year 2050 is outside/);
  });
});
