import type { CaveatDef } from '../domain/indicators/index.ts';
import { usePick, type Bilingual } from './i18n.ts';

/** Notes (corrections, fallbacks) and caveats under a figure; caveats are marked ⚠. */
export function NotesAndCaveats({ notes, caveats, noteClass = 'note', caveatClass = 'caveat' }: {
  notes: readonly Bilingual[];
  caveats: readonly CaveatDef[];
  noteClass?: string;
  caveatClass?: string;
}) {
  const pick = usePick();
  return (
    <>
      {notes.map((n, i) => (
        <p key={i} className={noteClass}>
          {pick(n)}
        </p>
      ))}
      {caveats.map((c) => (
        <p key={c.id} className={caveatClass}>
          ⚠ {pick(c.text)}
        </p>
      ))}
    </>
  );
}
