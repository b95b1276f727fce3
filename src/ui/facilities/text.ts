import type { Bilingual, Lang } from '../../domain/url-state.ts';

/** Chinese by default, English when the app is switched to it. */
export function textFor(lang: Lang): (text: Bilingual) => string {
  return (text) => text[lang];
}
