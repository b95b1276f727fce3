import { uniqueBy, type CaveatDef } from '../domain/indicators/index.ts';
import { usePick, type Bilingual } from './i18n.ts';

/**
 * Notes (corrections, fallbacks) and caveats under a figure; caveats are marked ⚠. A note the
 * indicator and its value both carry is shown once.
 */
export function NotesAndCaveats({ notes, caveats, noteClass = 'note', caveatClass = 'caveat' }: {
  notes: readonly Bilingual[];
  caveats: readonly CaveatDef[];
  noteClass?: string;
  caveatClass?: string;
}) {
  const pick = usePick();
  return (
    <>
      {uniqueBy(notes, (n) => `${n.zh}\u0000${n.en}`).map((n, i) => (
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
