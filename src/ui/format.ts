import type { Lang } from './i18n.ts';
import type { ResolvedSource } from '../domain/indicators/index.ts';

/** "《title》 table, seed L12–34": what a planner cites. */
export function citeIndicatorSource(source: ResolvedSource, lang: Lang): string {
  const title = source.documentTitle[lang];
  const lines = source.lines
    ? source.lines[0] === source.lines[1]
      ? ` L${source.lines[0]}`
      : ` L${source.lines[0]}–${source.lines[1]}`
    : '';
  const seed = source.seedFile ? ` (${source.seedFile}${lines})` : '';
  return lang === 'zh' ? `《${title}》${source.table}${seed}` : `${title}, ${source.table}${seed}`;
}

export function percent(share: number | null | undefined, lang: Lang, decimals = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })}%`;
}
