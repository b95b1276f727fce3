import type { ImportIssue } from '../../domain/import/index.ts';
import type { Lang } from '../../domain/url-state.ts';

interface IssueListProps {
  issues: readonly ImportIssue[];
  lang: Lang;
  /** Longer lists are cut here, with a line saying how many more there are. */
  max?: number;
}

/** Import messages as plain text (file content can hold anything, markup included). */
export function IssueList({ issues, lang, max = 20 }: IssueListProps) {
  const shown = issues.slice(0, max);
  const more = issues.length - shown.length;
  return (
    <ul className="fac-issues">
      {shown.map((issue, i) => (
        <li key={i} data-code={issue.code}>
          {issue.message[lang]}
        </li>
      ))}
      {more > 0 && <li className="muted">{lang === 'zh' ? `另有 ${more} 条信息未列出。` : `${more} more not listed.`}</li>}
    </ul>
  );
}
