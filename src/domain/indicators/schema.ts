import { z } from 'zod';

/**
 * Shapes of the indicator data files under data/indicators/. These zod schemas are the single
 * source of the TypeScript types: everything else infers from them.
 */

/** The plans span 2000 (earliest base figure quoted) to 2035 (the last target year). */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2035;

const nonEmpty = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `missing ${what}` : `${what} must be text`) }).trim().min(1, {
    error: `${what} is empty`,
  });

/** Chinese and English text; `what` names the field in error messages. */
const bilingual = (what: string) =>
  z.strictObject(
    { zh: nonEmpty(`${what}.zh`), en: nonEmpty(`${what}.en`) },
    { error: (iss) => (iss.input === undefined ? `missing ${what}` : `${what} must be { "zh": …, "en": … }`) },
  );
export const bilingualSchema = bilingual('text');

export const yearSchema = z
  .number({
    error: (iss) =>
      iss.input === undefined ? 'missing year' : `year must be a number (got ${JSON.stringify(iss.input)})`,
  })
  .int({ error: (iss) => `year ${String(iss.input)} is not a whole year` })
  .min(YEAR_MIN, { error: (iss) => `year ${String(iss.input)} is outside the plans' range ${YEAR_MIN}–${YEAR_MAX}` })
  .max(YEAR_MAX, { error: (iss) => `year ${String(iss.input)} is outside the plans' range ${YEAR_MIN}–${YEAR_MAX}` });

export const numberSchema = (what: string) =>
  z.number({
    error: (iss) =>
      iss.input === undefined
        ? `missing ${what}`
        : `${what} must be a number (got ${JSON.stringify(iss.input)}); text such as "完成省下达任务" belongs in "statements"`,
  });

const lineRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()], {
    error: 'lines must be [from, to] line numbers',
  })
  .refine(([from, to]) => from <= to, { error: 'lines must be [from, to] with from ≤ to' });

export const statusSchema = z.enum(['约束性', '预期性', '指导性'], {
  error: (iss) => `status must be 约束性, 预期性 or 指导性 (got ${JSON.stringify(iss.input)})`,
});
export const kindSchema = z.enum(['actual', 'target'], {
  error: (iss) =>
    `kind must be "actual" or "target" (got ${JSON.stringify(iss.input)}); derived values are computed, never stored`,
});
export const betterSchema = z.enum(['higher', 'lower', 'neutral'], {
  error: (iss) => `better must be higher, lower or neutral (got ${JSON.stringify(iss.input)})`,
});
/** How a value was qualified in print: "＞40", "≥55", "<8", "约 75", "25左右". */
export const comparatorSchema = z.enum(['>', '≥', '<', '≤', '≈']);

/** Where a stored value was read: a seed line range, or a printed table for publications outside the seeds. */
export const sourceRefSchema = z.strictObject({
  document: nonEmpty('source.document'),
  table: nonEmpty('source.table'),
  seedFile: nonEmpty('source.seedFile').optional(),
  lines: lineRange.optional(),
});

export const documentSchema = z.strictObject({
  id: nonEmpty('document id'),
  titleZh: nonEmpty('titleZh'),
  titleEn: nonEmpty('titleEn'),
  /** Seed text file, and the line span the document occupies in it. */
  seedFile: nonEmpty('seedFile').optional(),
  lines: lineRange.optional(),
  publisher: nonEmpty('publisher').optional(),
  isbn: nonEmpty('isbn').optional(),
  date: nonEmpty('date').optional(),
  note: bilingual('note').optional(),
});

export const domainSchema = z.strictObject({ id: nonEmpty('domain id'), zh: nonEmpty('zh'), en: nonEmpty('en') });

export const caveatSchema = z.strictObject({
  id: nonEmpty('caveat id'),
  text: bilingual('text'),
  /** The printed words the caveat rests on, when a document states it. */
  quote: nonEmpty('quote').optional(),
  source: sourceRefSchema.optional(),
});

export const areaSchema = z.strictObject({
  id: nonEmpty('area id'),
  name: bilingual('name'),
  definition: bilingual('definition'),
  /** The document's own words. */
  quote: nonEmpty('quote'),
  members: z.array(z.strictObject({ adcode: nonEmpty('adcode'), whole: z.boolean() })).min(1),
  source: sourceRefSchema,
});

/** One place where a document prints the indicator, with the plan's own name and status for it. */
export const indicatorSourceSchema = sourceRefSchema.extend({
  printedName: nonEmpty('printedName'),
  printedUnit: z.string().optional(),
  status: statusSchema.optional(),
  /** Visible correction of a printing error in this table, quoting the original. */
  correction: bilingual('correction').optional(),
});

export const indicatorSchema = z.strictObject({
  id: z
    .string({ error: 'missing id' })
    .regex(/^[a-z][a-z0-9_]*$/, { error: (iss) => `id ${JSON.stringify(iss.input)} must be snake_case ASCII` }),
  name: bilingual('name'),
  unit: bilingual('unit'),
  domain: nonEmpty('domain'),
  better: betterSchema,
  /** How district values combine into a city value, computed and shown as derived. */
  aggregation: z.enum(['sum', 'census-population-weighted', 'census-15plus-weighted', 'none']).default('none'),
  decimals: z.number().int().min(0).max(4).optional(),
  sources: z.array(indicatorSourceSchema).default([]),
  /** Computed in code (derive.ts), never stored: such an indicator has no sources and no values. */
  derived: z.boolean().default(false),
  caveats: z.array(nonEmpty('caveat id')).default([]),
  note: bilingual('note').optional(),
  /** Shown instead of the year where the year is only a filing key (the coverage of the current scenario). */
  yearLabel: bilingual('yearLabel').optional(),
});

export const catalogueFileSchema = z.strictObject({
  $comment: z.string().optional(),
  documents: z.array(documentSchema).min(1),
  domains: z.array(domainSchema).min(1),
  caveats: z.array(caveatSchema).default([]),
  areas: z.array(areaSchema).default([]),
  /** Preference order when documents disagree: the first listed is shown first, never the only one. */
  documentPreference: z.array(nonEmpty('document id')).default([]),
  indicators: z.array(indicatorSchema).min(1),
});

const valueCommon = {
  indicator: nonEmpty('indicator'),
  /** District adcode, "city" (江门市), or the id of a named area (e.g. 中心城区 by one plan's definition). */
  scope: nonEmpty('scope'),
  year: yearSchema,
  kind: kindSchema,
  /** Cumulative figures: the span the value covers (e.g. 2021–2025 for "[20.0]"). */
  period: z.tuple([yearSchema, yearSchema]).optional(),
  source: sourceRefSchema,
  caveats: z.array(nonEmpty('caveat id')).default([]),
  note: bilingual('note').optional(),
};

export const valueEntrySchema = z.strictObject({
  ...valueCommon,
  value: numberSchema('value'),
  /** Upper end of a printed range such as "600-700". */
  upper: numberSchema('upper').optional(),
  comparator: comparatorSchema.optional(),
  /** The cell exactly as printed (spaces aside), so the number can be found in the cited lines. */
  printed: z.string().optional(),
  /** A printing error put right, quoting the original. */
  correction: bilingual('correction').optional(),
});

/** A target that the plan gives in words only ("完成省下达任务", "应保尽保", "—"). */
export const statementEntrySchema = z.strictObject({
  ...valueCommon,
  text: nonEmpty('text'),
  textEn: nonEmpty('textEn'),
});

export const valuesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Every entry of a values file comes from this one document. */
  document: nonEmpty('document'),
  values: z.array(valueEntrySchema).default([]),
  statements: z.array(statementEntrySchema).default([]),
});

export type Bilingual = z.infer<typeof bilingualSchema>;
export type Status = z.infer<typeof statusSchema>;
export type StoredKind = z.infer<typeof kindSchema>;
export type Kind = StoredKind | 'derived';
export type Better = z.infer<typeof betterSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type DocumentDef = z.infer<typeof documentSchema>;
export type DomainDef = z.infer<typeof domainSchema>;
export type CaveatDef = z.infer<typeof caveatSchema>;
export type AreaDef = z.infer<typeof areaSchema>;
export type IndicatorSource = z.infer<typeof indicatorSourceSchema>;
export type IndicatorDef = z.infer<typeof indicatorSchema>;
export type Aggregation = IndicatorDef['aggregation'];
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
export type ValueEntry = z.infer<typeof valueEntrySchema>;
export type StatementEntry = z.infer<typeof statementEntrySchema>;
export type ValuesFile = z.infer<typeof valuesFileSchema>;
