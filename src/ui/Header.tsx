import type { ReactNode } from 'react';
import type { Lang } from './i18n.ts';

interface HeaderProps {
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  children?: ReactNode;
}

export function Header({ lang, onLangChange, children }: HeaderProps) {
  return (
    <header className="header">
      <h1>
        {lang === 'zh' ? '江门规划一张图' : 'Jiangmen Planning Atlas'}
        <small>{lang === 'zh' ? 'Planning Atlas' : '规划一张图'}</small>
      </h1>
      <div className="header-actions">
        {children}
        <button
          type="button"
          className="lang-switch"
          onClick={() => onLangChange(lang === 'zh' ? 'en' : 'zh')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </button>
      </div>
    </header>
  );
}
