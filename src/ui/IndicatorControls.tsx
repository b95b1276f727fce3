import { useId } from 'react';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../domain/classify.ts';
import type { YearOption } from '../domain/choropleth.ts';
import type { MappableIndicator } from '../domain/indicators/index.ts';
import { KIND_LABELS, yearText } from '../domain/indicators/index.ts';
import { PALETTES, SEQUENTIAL_PALETTE_IDS, type SequentialPaletteId } from '../domain/palettes.ts';
import {
  withClassification,
  withGoal,
  withIndicator,
  withPalette,
  withView,
  withYear,
  type ViewState,
} from '../domain/url-state.ts';
import { useLang, usePick, type Bilingual } from './i18n.ts';

const METHOD_NAMES: Record<ClassMethod, Bilingual> = {
  quantile: { zh: '分位数', en: 'Quantile' },
  ckmeans: { zh: '自然断点（Jenks / ckmeans）', en: 'Natural breaks (Jenks / ckmeans)' },
  equal: { zh: '等间距', en: 'Equal interval' },
};

interface IndicatorControlsProps {
  view: ViewState;
  update: (change: (s: ViewState) => ViewState) => void;
  items: readonly MappableIndicator[];
  indicatorId: string;
  year: number;
  years: readonly YearOption[];
  /** The target view is possible for this indicator (a better direction and a target year). */
  canTarget: boolean;
  planTarget: string | null;
  /** Which plan targets exist for the target year: the city's, and the districts' own. */
  goals: { city: boolean; own: boolean };
}

/** Indicator picker grouped by domain, year, value / target view, classification and palette. */
export function IndicatorControls({ view, update, items, indicatorId, year, years, canTarget, planTarget, goals }: IndicatorControlsProps) {
  const shown = items.find((i) => i.indicator.id === indicatorId);
  const pick = usePick();
  const lang = useLang();
  const id = useId();
  const groups = new Map<string, { name: Bilingual; items: MappableIndicator[] }>();
  for (const item of items) {
    const key = item.domain?.id ?? item.indicator.domain;
    const group = groups.get(key) ?? { name: item.domain ? { zh: item.domain.zh, en: item.domain.en } : { zh: key, en: key }, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const targetMode = view.view === 'target' && canTarget;

  return (
    <section className="panel indicator-controls" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{pick({ zh: '指标', en: 'Indicator' })}</h2>
      <label className="field">
        <span>{pick({ zh: '选择指标', en: 'Choose indicator' })}</span>
        <select value={indicatorId} onChange={(e) => update((s) => withIndicator(s, e.target.value))}>
          {[...groups.entries()].map(([key, group]) => (
            <optgroup key={key} label={pick(group.name)}>
              {group.items.map((item) => (
                <option key={item.indicator.id} value={item.indicator.id}>
                  {pick(item.indicator.name)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>

      <fieldset className="field segmented">
        <legend>{pick({ zh: '设色方式', en: 'Colour by' })}</legend>
        <label>
          <input type="radio" name={`${id}-view`} checked={!targetMode} onChange={() => update((s) => withView(s, 'value', null))} />
          {pick({ zh: '按数值', en: 'Value' })}
        </label>
        <label title={canTarget ? undefined : pick({ zh: '该指标没有规划目标或优劣方向', en: 'No plan target or better direction for this indicator' })}>
          <input
            type="radio"
            name={`${id}-view`}
            checked={targetMode}
            disabled={!canTarget}
            onChange={() => update((s) => withYear(withView(s, 'target', null), null))}
          />
          {pick({ zh: '按与目标的差距', en: 'Gap to target' })}
        </label>
      </fieldset>

      <label className="field">
        <span>{pick(targetMode ? { zh: '目标年份', en: 'Target year' } : { zh: '年份', en: 'Year' })}</span>
        <select value={year} onChange={(e) => update((s) => withYear(s, Number(e.target.value)))}>
          {years.map((y) => (
            <option key={y.year} value={y.year}>
              {shown ? yearText(shown.indicator, y.year, lang) : y.year} · {pick(KIND_LABELS[y.kind])}
              {y.districts < 7 ? pick({ zh: `（${y.districts} 个区有数）`, en: ` (${y.districts} districts)` }) : ''}
            </option>
          ))}
        </select>
      </label>

      {targetMode && (
        <label className="field">
          <span>{pick({ zh: '对照的规划目标', en: 'Plan target to compare with' })}</span>
          <select
            value={view.goal === 'own' || !goals.city ? 'own' : 'city'}
            disabled={view.target !== null}
            onChange={(e) => update((s) => withGoal(s, e.target.value === 'own' ? 'own' : 'city'))}
          >
            <option value="city" disabled={!goals.city}>
              {pick({ zh: `全市目标${planTarget !== null ? `（${planTarget}）` : '（无）'}`, en: `The city's target${planTarget !== null ? ` (${planTarget})` : ' (none)'}` })}
            </option>
            <option value="own" disabled={!goals.own}>
              {pick({ zh: `各区自身目标${goals.own ? '' : '（无）'}`, en: `Each district's own target${goals.own ? '' : ' (none)'}` })}
            </option>
          </select>
        </label>
      )}

      {targetMode && (
        <label className="field">
          <span>
            {pick({ zh: '自定目标值（可选）', en: 'Your own target value (optional)' })}
            {planTarget !== null && <span className="muted"> {pick({ zh: `（规划：${planTarget}）`, en: ` (plan: ${planTarget})` })}</span>}
          </span>
          <input
            type="number"
            step="any"
            inputMode="decimal"
            value={view.target ?? ''}
            placeholder={planTarget ?? ''}
            onChange={(e) => {
              const n = e.target.value === '' ? null : Number(e.target.value);
              update((s) => withView(s, 'target', n !== null && Number.isFinite(n) ? n : null));
            }}
          />
        </label>
      )}

      <div className="field-row">
        <label className="field">
          <span>{pick({ zh: '分级方法', en: 'Classification' })}</span>
          <select
            value={view.method}
            disabled={targetMode}
            onChange={(e) => update((s) => withClassification(s, { method: e.target.value as ClassMethod }))}
          >
            {CLASS_METHODS.map((m) => (
              <option key={m} value={m}>
                {pick(METHOD_NAMES[m])}
              </option>
            ))}
          </select>
        </label>
        <label className="field narrow">
          <span>{pick({ zh: '分级数', en: 'Classes' })}</span>
          <select value={view.classes} onChange={(e) => update((s) => withClassification(s, { classes: Number(e.target.value) }))}>
            {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>{pick({ zh: '配色（色盲友好）', en: 'Palette (colour-blind safe)' })}</span>
        <select
          value={view.palette}
          disabled={targetMode}
          onChange={(e) => update((s) => withPalette(s, e.target.value as SequentialPaletteId))}
        >
          {SEQUENTIAL_PALETTE_IDS.map((p) => (
            <option key={p} value={p}>
              {pick(PALETTES.find((x) => x.id === p)!.name)}
            </option>
          ))}
        </select>
      </label>
      {targetMode && (
        <p className="muted">
          {pick({
            zh: '差距设色使用红—蓝发散色带：红色落后于目标，蓝色领先；分级关于 0 对称。',
            en: 'The gap view uses the red–blue diverging ramp: red behind target, blue ahead; classes are symmetric around 0.',
          })}
        </p>
      )}
    </section>
  );
}
