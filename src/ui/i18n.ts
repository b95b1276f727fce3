import { createContext, useContext } from 'react';
import type { Bilingual, Lang } from '../domain/url-state.ts';

export type { Bilingual, Lang };

export const LangContext = createContext<Lang>('zh');

export function useLang(): Lang {
  return useContext(LangContext);
}

/** Picks the string for the current language. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export function usePick(): (text: Bilingual) => string {
  const lang = useLang();
  return (text) => text[lang];
}
