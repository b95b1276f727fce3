import type { ChoroplethRow } from '../domain/choropleth.ts';
import { usePick } from './i18n.ts';

/** Name and mapped value of the district under the pointer. */
export function HoverInfo({ row, x, y }: { row: ChoroplethRow; x: number; y: number }) {
  const pick = usePick();
  return (
    <div className="hover-info" style={{ left: x + 14, top: y + 14 }} role="tooltip" data-testid="hover-info">
      <strong>{pick(row.name)}</strong>
      <span>{row.mappedText}</span>
    </div>
  );
}
