import type { ResolvedSource } from './db.ts';

type Lang = 'zh' | 'en';

/**
 * "《title》table (seed file L12–34)": what a planner cites, the same on the card, in the legend,
 * on the exported PNG and in the CSV.
 */
export function citeSource(source: ResolvedSource, lang: Lang): string {
  const title = source.documentTitle[lang];
  const lines = source.lines
    ? source.lines[0] === source.lines[1]
      ? ` L${source.lines[0]}`
      : ` L${source.lines[0]}–${source.lines[1]}`
    : '';
  const seed = source.seedFile ? ` (${source.seedFile}${lines})` : '';
  return lang === 'zh' ? `《${title}》${source.table}${seed}` : `${title}, ${source.table}${seed}`;
}

/** Both languages at once, for exports that are written in the language of the moment. */
export function citeSourceBoth(source: ResolvedSource): { zh: string; en: string } {
  return { zh: citeSource(source, 'zh'), en: citeSource(source, 'en') };
}
