import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

/** Text shown in both languages; Chinese first, English on the switch. */
export interface Bilingual {
  zh: string;
  en: string;
}

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
