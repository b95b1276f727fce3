import { usePick, type Bilingual } from './i18n.ts';

interface StatusMessageProps {
  kind: 'loading' | 'error' | 'notice';
  text: Bilingual;
}

/** Loading, error and notice lines; user- or file-derived text is always rendered as text. */
export function StatusMessage({ kind, text }: StatusMessageProps) {
  const pick = usePick();
  return (
    <p className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {pick(text)}
    </p>
  );
}
