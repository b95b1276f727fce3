// Book-keeping every point import shares: which rows were skipped and why, the file-level notes,
// the summary of points outside Jiangmen, and the verdict (some rows usable → ok; none → rejected).
import type { CrsId } from '../crs.ts';
import type { TextEncodingName } from './decode.ts';
import { otherCrsIssue, type Where } from './coordinates.ts';
import { IssueCollector, countOf, issue, listNumbers, type ImportIssue, type IssueCode } from './issues.ts';

export interface ImportStats {
  /** Data rows (CSV; blank rows not counted) or points (GeoJSON; each point of a MultiPoint counts). */
  total: number;
  imported: number;
  skipped: number;
  /** Spreadsheet rows or feature numbers skipped, per reason. */
  skippedBy: Partial<Record<IssueCode, number[]>>;
  encoding: TextEncodingName;
  /** CSV only: the delimiter found and the header's row. */
  delimiter?: string;
  headerRow?: number;
}

export type Verdict = { ok: true; warnings: ImportIssue[]; stats: ImportStats } | { ok: false; errors: ImportIssue[]; stats: ImportStats };

export class RowLog {
  readonly issues = new IssueCollector();
  private readonly fileIssues: ImportIssue[] = [];
  private readonly skippedBy: Partial<Record<IssueCode, number[]>> = {};
  private readonly outsideRaw: [number, number][] = [];
  private total = 0;
  private kept = 0;

  constructor(readonly unit: 'row' | 'feature') {}

  fileIssue(item: ImportIssue | null): void {
    if (item) this.fileIssues.push(item);
  }

  /** Records a point that cannot be used; `raw` is given for valid points outside Jiangmen. */
  skip(where: Where, item: ImportIssue, raw?: [number, number]): void {
    this.total++;
    this.issues.add(item);
    (this.skippedBy[item.code] ??= []).push(where.row ?? where.feature ?? 0);
    if (item.code === 'outside-jiangmen' && raw) this.outsideRaw.push(raw);
  }

  keep(): void {
    this.total++;
    this.kept++;
  }

  verdict(fileName: string, crs: CrsId, encoding: TextEncodingName, extra: Pick<ImportStats, 'delimiter' | 'headerRow'> = {}): Verdict {
    const zhUnit = this.unit === 'row' ? '行' : '个点';
    const enUnit = this.unit === 'row' ? 'rows' : 'points';
    const summary: ImportIssue[] = [];
    const outside = this.skippedBy['outside-jiangmen'] ?? [];
    if (outside.length > 0) {
      summary.push(
        issue(
          'outside-jiangmen',
          `${outside.length} ${zhUnit}的坐标不在江门市范围内，已跳过：${this.unit === 'row' ? '第 ' : ''}${listNumbers(outside)}${this.unit === 'row' ? ' 行' : ''}。`,
          `${countOf(outside.length, this.unit === 'row' ? 'row' : 'point')} ${outside.length === 1 ? 'lies' : 'lie'} outside Jiangmen and ${outside.length === 1 ? 'was' : 'were'} skipped: ${outside.length === 1 ? this.unit : `${this.unit}s`} ${listNumbers(outside)}.`,
        ),
      );
      this.fileIssue(otherCrsIssue(this.outsideRaw, crs));
    }
    const stats: ImportStats = {
      total: this.total,
      imported: this.kept,
      skipped: this.total - this.kept,
      skippedBy: this.skippedBy,
      encoding,
      ...extra,
    };
    const all = [...this.fileIssues, ...summary, ...this.issues.issues(this.unit)];
    if (this.kept > 0) return { ok: true, warnings: all, stats };
    const none = issue(
      'no-usable-rows',
      this.total === 0
        ? `文件“${fileName}”中没有数据${zhUnit === '行' ? '行' : '点'}。`
        : `文件“${fileName}”的 ${this.total} ${zhUnit}都无法使用，未导入任何内容。原因见下。`,
      this.total === 0
        ? `File "${fileName}" has no data ${enUnit}.`
        : `None of the ${countOf(this.total, this.unit === 'row' ? 'row' : 'point')} of "${fileName}" could be used; nothing was imported. Reasons below.`,
    );
    return { ok: false, errors: [none, ...all], stats };
  }
}
