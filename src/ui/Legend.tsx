import { citeSource, yearText } from '../domain/indicators/index.ts';
import type { ChoroplethModel } from '../domain/choropleth.ts';
import { useLang, usePick } from './i18n.ts';
import { NotesAndCaveats } from './NotesAndCaveats.tsx';

/** Legend of the choropleth: title, class bounds with units, no-data swatch, source and caveats. */
export function Legend({ model }: { model: ChoroplethModel }) {
  const pick = usePick();
  const lang = useLang();
  const target = model.target;
  const title =
    model.mode === 'target'
      ? pick({
          zh: `${pick(model.indicator.name)}：与${model.indicator.yearLabel ? '' : `${model.year}年`}目标的差距`,
          en: `${pick(model.indicator.name)}: gap to the ${model.indicator.yearLabel ? '' : `${model.year} `}target`,
        })
      : `${pick(model.indicator.name)} · ${yearText(model.indicator, model.year, lang)}`;
  return (
    <section className="legend" aria-label={pick({ zh: '图例', en: 'Legend' })} data-testid="legend">
      <h2 className="legend-title">{title}</h2>
      <p className="muted legend-unit">
        {pick({ zh: '单位：', en: 'Unit: ' })}
        {pick(model.unit)}
        {model.city && (
          <>
            {' · '}
            {pick({ zh: '全市：', en: 'City: ' })}
            {model.city.primary.display}
          </>
        )}
      </p>
      {target && (
        <p className="muted legend-target" data-testid="legend-target">
          {target.scope === 'user'
            ? pick({ zh: `对照用户设定的目标 ${target.display}`, en: `Against a target set by the user: ${target.display}` })
            : target.scope === 'city'
              ? pick({ zh: `对照${target.year}年全市规划目标 ${target.display}`, en: `Against the ${target.year} city plan target ${target.display}` })
              : pick({ zh: `对照各区自身的${target.year}年规划目标`, en: `Against each district's own ${target.year} plan target` })}
          {pick({ zh: '；正值＝领先目标，负值＝落后', en: '; positive = ahead of target, negative = behind' })}
        </p>
      )}
      <ul className="legend-classes">
        {model.legend.map((entry, i) => (
          <li key={i} data-colour={entry.colour}>
            <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <span className="legend-label">{entry.label}</span>
            <span className="muted legend-count">{pick({ zh: `${entry.count} 个区`, en: `${entry.count} district${entry.count === 1 ? '' : 's'}` })}</span>
          </li>
        ))}
        <li data-colour={model.noData.colour}>
          <span className="swatch" style={{ background: model.noData.colour }} aria-hidden="true" />
          <span className="legend-label">{model.noData.label}</span>
          <span className="muted legend-count">{pick({ zh: `${model.noData.count} 个区`, en: `${model.noData.count} district${model.noData.count === 1 ? '' : 's'}` })}</span>
        </li>
      </ul>
      {model.formulas.map((f, i) => (
        <p key={`f${i}`} className="legend-note">
          {pick({ zh: '推算：', en: 'Computed: ' })}
          {pick(f)}
        </p>
      ))}
      <NotesAndCaveats notes={model.indicator.note ? [model.indicator.note, ...model.notes] : model.notes} caveats={model.caveats} noteClass="legend-note" caveatClass="legend-caveat" />
      {model.sources.length === 0 ? (
        model.formulas.length > 0 && (
        <p className="legend-note">
          {pick({ zh: '来源：本应用按上述算式与当前情景计算，不出自规划文件。', en: 'Source: computed by this app from the formula above and the current scenario, not taken from a plan.' })}
        </p>
        )
      ) : (
        <details className="legend-sources">
          <summary>{pick({ zh: `来源（${model.sources.length}）`, en: `Sources (${model.sources.length})` })}</summary>
          <ul>
            {model.sources.map((s, i) => (
              <li key={i}>{citeSource(s, lang)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
