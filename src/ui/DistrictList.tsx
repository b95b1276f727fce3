import type { DistrictCollection } from '../domain/districts.ts';
import { useLang } from './i18n.ts';

interface DistrictListProps {
  districts: DistrictCollection;
  selected: string | null;
  onSelect: (adcode: string) => void;
}

/** Keyboard route to every district: the same cards the map opens. */
export function DistrictList({ districts, selected, onSelect }: DistrictListProps) {
  const lang = useLang();
  return (
    <nav className="panel district-list" aria-label={lang === 'zh' ? '行政区列表' : 'Districts'}>
      <h2>{lang === 'zh' ? '行政区' : 'Districts'}</h2>
      <ul>
        {districts.features.map(({ properties: d }) => (
          <li key={d.adcode}>
            <button
              type="button"
              aria-pressed={selected === d.adcode}
              data-adcode={d.adcode}
              onClick={() => onSelect(d.adcode)}
            >
              <span>{lang === 'zh' ? d.name : d.nameEn}</span>
              <span className="muted">{d.areaKm2.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')} km²</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
