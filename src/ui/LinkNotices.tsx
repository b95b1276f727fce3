import type { Notice } from '../domain/url-state.ts';
import { usePick } from './i18n.ts';

/** What a link asked for that the map could not show: non-blocking, above the map, dismissable. */
export function LinkNotices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  const pick = usePick();
  if (notices.length === 0) return null;
  return (
    <div className="link-notices" role="status" data-testid="link-notices">
      <p>
        <strong>{pick({ zh: '链接中有部分内容无法还原：', en: 'Parts of this link could not be restored:' })}</strong>
      </p>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>
            {pick(n.message)}
            {n.value !== '' && (
              <>
                {' '}
                <code>{n.value}</code>
              </>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {pick({ zh: '知道了', en: 'Dismiss' })}
      </button>
    </div>
  );
}
