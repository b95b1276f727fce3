// What CSV and GeoJSON facility imports share once a row's coordinates are read: category lookup,
// name checks, duplicates and the final result.
import type { CrsId } from '../crs.ts';
import type { Facility } from '../facilities.ts';
import { CATEGORY_CATALOGUE, categoryById, findCategory, type CategoryCatalogue } from '../facility-categories.ts';
import type { TextEncodingName } from './decode.ts';
import type { Where } from './coordinates.ts';
import { issue, placeOf, type ImportIssue } from './issues.ts';
import { RowLog, type ImportStats } from './row-log.ts';

export interface FacilityImportOptions {
  /** Coordinate system of the file's coordinates, as the user says. */
  crs: CrsId;
  fileName: string;
  /**
   * Category id for rows without a category, or with one the catalogue does not know. Without it,
   * such rows are skipped (and a CSV without a category column is refused).
   */
  defaultCategory?: string;
  /** Prefix of facility ids, e.g. the id of the layer being created; default 'import'. */
  idPrefix?: string;
  catalogue?: CategoryCatalogue;
}

export type FacilityImportResult =
  | { ok: true; facilities: Facility[]; warnings: ImportIssue[]; stats: ImportStats }
  | { ok: false; errors: ImportIssue[]; stats?: ImportStats };

/** Looks like HTML or script: kept as typed (the UI renders names as text), but worth a word. */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|javascript\s*:|\bon[a-z]+\s*=/i;

export function checkDefaultCategory(options: FacilityImportOptions): ImportIssue | null {
  if (options.defaultCategory === undefined) return null;
  if (categoryById(options.defaultCategory, options.catalogue ?? CATEGORY_CATALOGUE)) return null;
  return issue(
    'category-unknown',
    `默认类别“${options.defaultCategory}”不在类别目录中。`,
    `The default category "${options.defaultCategory}" is not in the category catalogue.`,
  );
}

export class FacilityRows {
  readonly facilities: Facility[] = [];
  readonly log: RowLog;
  private readonly seen = new Map<string, number>();
  private readonly catalogue: CategoryCatalogue;

  constructor(
    private readonly options: FacilityImportOptions,
    private readonly unit: 'row' | 'feature',
  ) {
    this.catalogue = options.catalogue ?? CATEGORY_CATALOGUE;
    this.log = new RowLog(unit);
  }

  /**
   * Adds a point whose coordinates are valid WGS84, after checking category and name. `fields`
   * are the column/property names of name and category, undefined when the file has none.
   */
  add(
    where: Where,
    point: { lon: number; lat: number },
    rawName: unknown,
    rawCategory: unknown,
    fields: { name?: string; category?: string },
    idSuffix = '',
  ): void {
    const at = placeOf(where);
    const categoryText = rawCategory === undefined || rawCategory === null ? '' : String(rawCategory).trim();
    let categoryId = categoryText === '' ? undefined : findCategory(categoryText, this.catalogue)?.id;
    if (!categoryId) {
      const fallback = this.options.defaultCategory;
      if (!fallback) {
        this.log.skip(
          where,
          issue(
            'category-unknown',
            categoryText === ''
              ? `${at.zh}：类别为空，且未指定默认类别，已跳过。`
              : `${at.zh}：类别“${categoryText}”不在类别目录中，且未指定默认类别，已跳过。可用的类别如：医院、社区卫生服务中心、乡镇卫生院、村卫生站、养老、托育、幼儿园、小学、中学、文化、体育、社区综合服务中心。`,
            categoryText === ''
              ? `${at.en}: no category and no default category given; skipped.`
              : `${at.en}: category "${categoryText}" is not in the catalogue and no default category was given; skipped. Known categories include hospital, community health centre, township health centre, village clinic, elderly care, childcare, kindergarten, primary school, secondary school, culture, sport, community service centre.`,
            { ...where, field: fields.category },
          ),
        );
        return;
      }
      categoryId = fallback;
      if (fields.category !== undefined) {
        const fallbackName = categoryById(fallback, this.catalogue)!.name;
        this.log.issues.add(
          issue(
            'category-defaulted',
            categoryText === ''
              ? `${at.zh}：类别为空，按默认类别“${fallbackName.zh}”导入。`
              : `${at.zh}：类别“${categoryText}”不在类别目录中，按默认类别“${fallbackName.zh}”导入。`,
            categoryText === ''
              ? `${at.en}: no category; imported as the default "${fallbackName.en}".`
              : `${at.en}: category "${categoryText}" is not in the catalogue; imported as the default "${fallbackName.en}".`,
            { ...where, field: fields.category },
          ),
        );
      }
    }

    const name = rawName === undefined || rawName === null ? '' : String(rawName).trim();
    if (name === '' && fields.name !== undefined) {
      this.log.issues.add(
        issue('name-empty', `${at.zh}：名称为空，已导入，显示为“未命名”。`, `${at.en}: the name is empty; imported and shown as "unnamed".`, {
          ...where,
          field: fields.name,
        }),
      );
    } else if (MARKUP.test(name)) {
      this.log.issues.add(
        issue(
          'name-markup',
          `${at.zh}：名称含有 HTML 或脚本样式的文字，已原样导入，并只作为纯文字显示。`,
          `${at.en}: the name contains HTML- or script-like text; imported as typed and shown only as plain text.`,
          { ...where, field: fields.name },
        ),
      );
    }

    const n = where.row ?? where.feature ?? 0;
    const key = `${categoryId}|${name}|${point.lon.toFixed(6)}|${point.lat.toFixed(6)}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.log.issues.add(
        issue(
          'duplicate',
          `${at.zh}：与第 ${first} ${this.unit === 'row' ? '行' : '个要素'}的名称、类别、位置都相同，仍已导入。`,
          `${at.en}: same name, category and position as ${this.unit} ${first}; imported anyway.`,
          where,
        ),
      );
    } else {
      this.seen.set(key, n);
    }

    this.log.keep();
    this.facilities.push({
      id: `${this.options.idPrefix ?? 'import'}:${this.unit === 'row' ? 'r' : 'f'}${n}${idSuffix}`,
      name,
      category: categoryId,
      lon: point.lon,
      lat: point.lat,
      source: 'import',
      sourceRow: n,
    });
  }

  result(encoding: TextEncodingName, extra: Pick<ImportStats, 'delimiter' | 'headerRow'> = {}): FacilityImportResult {
    const verdict = this.log.verdict(this.options.fileName, this.options.crs, encoding, extra);
    return verdict.ok ? { ok: true, facilities: this.facilities, warnings: verdict.warnings, stats: verdict.stats } : verdict;
  }
}
