import { CATEGORY_CATALOGUE } from '../../domain/facility-categories.ts';
import { districtName } from '../../domain/districts.ts';
import { CategorySymbol } from './CategorySymbol.tsx';
import { TOWN_SEAT_CATEGORY, TOWN_SEAT_LABEL } from '../../domain/town-seats.ts';
import { TOWN_SEAT_SHORT_LABEL } from './model.ts';
import { textFor } from './text.ts';
import type { FacilitiesHandle } from './useFacilities.ts';

/** One checkbox per catalogue category, grouped as the catalogue groups them, with its map colour. */
export function CategoryPicker({ f }: { f: FacilitiesHandle }) {
  const t = textFor(f.lang);
  const visible = new Set(f.visibleCategories);
  return (
    <div className="fac-categories">
      {CATEGORY_CATALOGUE.groups.map((group) => {
        const members = CATEGORY_CATALOGUE.categories.filter((c) => c.group === group.id);
        if (members.length === 0) return null;
        return (
          <fieldset key={group.id} className="fac-group">
            <legend>{t(group.name)}</legend>
            {members.map((c) => {
              const town = c.id === TOWN_SEAT_CATEGORY;
              const count = f.availableCounts[c.id] ?? 0;
              const descId = `fac-cat-desc-${c.id}`;
              return (
                <div key={c.id} className="fac-category">
                  <label>
                    <input
                      type="checkbox"
                      checked={visible.has(c.id)}
                      onChange={(e) => f.setCategoryVisible(c.id, e.target.checked)}
                      aria-describedby={town ? descId : undefined}
                      data-category={c.id}
                    />
                    <CategorySymbol colour={c.color} shape={c.symbol.shape} />
                    {town ? t(TOWN_SEAT_SHORT_LABEL) : t(c.name)}
                  </label>
                  <span className="fac-count muted" title={f.lang === 'zh' ? '地图上的点数' : 'points on the map'}>
                    {count}
                  </span>
                  {town && (
                    <p id={descId} className="muted fac-note">
                      {t(TOWN_SEAT_LABEL)}
                      {f.townSeats.status === 'loading' && (f.lang === 'zh' ? '（加载中…）' : ' (loading…)')}
                    </p>
                  )}
                  {town && f.townSeats.unmatched.length > 0 && (
                    <details className="fac-note muted" data-testid="unmatched-towns">
                      <summary>
                        {f.lang === 'zh'
                          ? `另有 ${f.townSeats.unmatched.length} 个镇街没有可靠点位，未在图上标出`
                          : `${f.townSeats.unmatched.length} more towns have no reliable point and are not drawn`}
                      </summary>
                      <ul>
                        {f.townSeats.unmatched.map((u) => (
                          <li key={u.code}>
                            {f.lang === 'zh'
                              ? `${u.name}（${t(districtName(u.countyAdcode))}）：${t(u.reason)}`
                              : `${u.name} (${t(districtName(u.countyAdcode))}): ${t(u.reason)}`}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                  {town && f.townSeats.error && (
                    <p className="status status-error" role="alert">
                      {f.lang === 'zh' ? `镇街驻地数据有误：${f.townSeats.error}` : `Town-seat data error: ${f.townSeats.error}`}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
