import type { ChoroplethRow } from '../domain/choropleth.ts';
import type { DistrictCollection } from '../domain/districts.ts';
import { useLang } from './i18n.ts';

interface DistrictListProps {
  districts: DistrictCollection;
  /** The mapped value of each district, shown beside its name. */
  rows: readonly ChoroplethRow[] | undefined;
  selected: string | null;
  onSelect: (adcode: string) => void;
}

/** Keyboard route to every district: the same cards the map opens. */
export function DistrictList({ districts, rows, selected, onSelect }: DistrictListProps) {
  const lang = useLang();
  return (
    <nav className="panel district-list" aria-label={lang === 'zh' ? '行政区列表' : 'Districts'}>
      <h2>{lang === 'zh' ? '行政区' : 'Districts'}</h2>
      <ul>
        {districts.features.map(({ properties: d }) => {
          const row = rows?.find((r) => r.adcode === d.adcode);
          return (
            <li key={d.adcode}>
              <button
                type="button"
                aria-pressed={selected === d.adcode}
                data-adcode={d.adcode}
                onClick={() => onSelect(d.adcode)}
              >
                <span className="district-name">
                  {row && <span className="swatch" style={{ background: row.colour }} aria-hidden="true" />}
                  {lang === 'zh' ? d.name : d.nameEn}
                </span>
                <span className="muted">{row ? row.mappedText : `${d.areaKm2.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')} km²`}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
