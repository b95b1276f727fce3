import { useSyncExternalStore } from 'react';
import type { ChoroplethRow } from '../domain/choropleth.ts';
import type { MapPointer, PointedFacility } from '../map/MapView.tsx';
import { categoryName } from './facilities/model.ts';
import { usePick } from './i18n.ts';

/** Where a point comes from, beside its category (town seats say it in their category name). */
const SOURCE_LABELS: Record<string, { zh: string; en: string }> = {
  import: { zh: '导入', en: 'imported' },
  proposed: { zh: '拟建', en: 'proposed' },
};

/** The facility under the pointer (name, category, where it comes from), else the district and its mapped value. */
export function HoverInfo({ row, facility, x, y }: { row: ChoroplethRow | undefined; facility?: PointedFacility; x: number; y: number }) {
  const pick = usePick();
  if (!row && !facility) return null;
  return (
    <div className="hover-info" style={{ left: x + 14, top: y + 14 }} role="tooltip" data-testid="hover-info">
      {facility ? (
        <>
          {/* A name from a user's file: rendered as text, never as markup. */}
          <strong>{facility.name || pick({ zh: '（无名称）', en: '(no name)' })}</strong>
          <span>
            {pick(categoryName(facility.category))}
            {SOURCE_LABELS[facility.source] ? ` · ${pick(SOURCE_LABELS[facility.source]!)}` : ''}
          </span>
          {row && <span className="muted-inverse">{pick(row.name)}</span>}
        </>
      ) : (
        row && (
          <>
            <strong>{pick(row.name)}</strong>
            <span>{row.mappedText}</span>
          </>
        )
      )}
    </div>
  );
}

/**
 * The pointer over the map, outside React state: it changes on every mouse move, and only the
 * tooltip needs it, so the rest of the app does not re-render as the mouse moves.
 */
export interface PointerStore {
  set: (pointer: MapPointer | null) => void;
  get: () => MapPointer | null;
  subscribe: (listener: () => void) => () => void;
}

export function createPointerStore(): PointerStore {
  let pointer: MapPointer | null = null;
  const listeners = new Set<() => void>();
  return {
    set: (p) => {
      pointer = p;
      for (const l of listeners) l();
    },
    get: () => pointer,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** The tooltip of whatever is under the pointer: a facility, else the district and its mapped value. */
export function MapHover({ store, rows }: { store: PointerStore; rows: readonly ChoroplethRow[] | undefined }) {
  const pointer = useSyncExternalStore(store.subscribe, store.get);
  if (!pointer) return null;
  const row = rows?.find((r) => r.adcode === pointer.adcode);
  return <HoverInfo row={row} facility={pointer.facility} x={pointer.x} y={pointer.y} />;
}
