import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CoverageFigures } from '../domain/coverage/types.ts';
import type { CardItem, DistrictCard as Card, GapValue, IndicatorPoint, ResolvedValue } from '../domain/indicators/index.ts';
import { citeSource, KIND_LABELS, yearText } from '../domain/indicators/index.ts';
import { withUnit } from '../domain/classify.ts';
import { percent } from './format.ts';
import { useLang, usePick, type Bilingual } from './i18n.ts';
import { NotesAndCaveats } from './NotesAndCaveats.tsx';
import { Sparkline } from './Sparkline.tsx';

export interface CardCoverage {
  label: Bilingual;
  figures: CoverageFigures;
  populationModel: Bilingual;
}

interface DistrictCardProps {
  card: Card;
  /** The indicator on the map: its item is listed first and marked. */
  mappedIndicator: string | null;
  coverage: CardCoverage | null;
  onClose: () => void;
}

/** Every indicator of one district, grouped by domain, with city comparison, target, trend and sources. */
export function DistrictCard({ card, mappedIndicator, coverage, onClose }: DistrictCardProps) {
  const pick = usePick();
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    returnFocus.current = document.activeElement;
    heading.current?.focus();
    return () => {
      const el = returnFocus.current;
      if (el instanceof HTMLElement && el.isConnected) el.focus();
    };
  }, [card.adcode]);

  const count = card.domains.reduce((n, d) => n + d.items.length, 0);
  const [filter, setFilter] = useState('');
  const wanted = filter.trim().toLowerCase();
  const matches = (item: CardItem, domainName: Bilingual) =>
    wanted === '' ||
    [item.indicator.name.zh, item.indicator.name.en, domainName.zh, domainName.en].some((t) => t.toLowerCase().includes(wanted));
  const domains = card.domains
    .map(({ domain, items }) => ({ domain, items: items.filter((i) => matches(i, { zh: domain.zh, en: domain.en })) }))
    .filter((d) => d.items.length > 0);
  const shown = domains.reduce((n, d) => n + d.items.length, 0);
  return (
    <section
      className="district-card"
      aria-labelledby="district-card-title"
      data-testid="district-card"
      data-adcode={card.adcode}
      onKeyDown={(e) => {
        // Escape in a filled filter box clears the filter (the browser does); anywhere else it closes the card.
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement && e.target.value !== '')) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="card-header">
        <h2 id="district-card-title" ref={heading} tabIndex={-1}>
          {pick(card.name)}
          <small className="muted"> {card.adcode}</small>
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={pick({ zh: '关闭指标卡', en: 'Close the card' })}>
          ×
        </button>
      </header>
      <p className="muted card-summary">
        {pick({ zh: `${count} 项指标；数值均注明来源文件与行号。`, en: `${count} indicators; every figure cites its document and line.` })}
      </p>
      <label className="field card-filter">
        <span>{pick({ zh: '筛选指标（名称或领域）', en: 'Filter indicators (name or domain)' })}</span>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {wanted !== '' && (
        <p className="muted" role="status">
          {pick({ zh: `显示 ${shown} / ${count} 项`, en: `Showing ${shown} of ${count}` })}
        </p>
      )}
      {coverage && (
        <section className="card-domain card-coverage" aria-label={pick({ zh: '服务覆盖', en: 'Service coverage' })}>
          <h3>{pick({ zh: '服务覆盖（当前情景）', en: 'Service coverage (current scenario)' })}</h3>
          <p>{pick(coverage.label)}</p>
          <dl className="figures">
            <dt>{pick({ zh: '覆盖面积比例', en: 'Area covered' })}</dt>
            <dd data-testid="card-coverage-area">{percent(coverage.figures.coveredAreaShare, lang)}</dd>
            <dt>{pick({ zh: '覆盖人口比例', en: 'Residents covered' })}</dt>
            <dd data-testid="card-coverage-population">{percent(coverage.figures.coveredPopulationShare, lang)}</dd>
          </dl>
          <p className="muted">{pick(coverage.populationModel)}</p>
        </section>
      )}
      {[...domains]
        // The domain of the mapped indicator first, so the figure on the map is the first one read.
        .sort((a, b) => Number(b.items.some((i) => i.indicator.id === mappedIndicator)) - Number(a.items.some((i) => i.indicator.id === mappedIndicator)))
        .map(({ domain, items }) => (
        <section key={domain.id} className="card-domain" aria-labelledby={`card-domain-${domain.id}`}>
          <h3 id={`card-domain-${domain.id}`}>{pick({ zh: domain.zh, en: domain.en })}</h3>
          {[...items]
            .sort((a, b) => Number(b.indicator.id === mappedIndicator) - Number(a.indicator.id === mappedIndicator))
            .map((item) => (
              <CardEntry key={item.indicator.id} item={item} mapped={item.indicator.id === mappedIndicator} />
            ))}
        </section>
      ))}
    </section>
  );
}

function valueText(p: IndicatorPoint, unit: Bilingual, pick: (t: Bilingual) => string): string {
  return withUnit(p.display, pick(unit));
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** "表 2-1 “十四五”时期…" → "表 2-1"; other table names as printed, cut to 24 characters. */
function shortTable(table: string): string {
  const numbered = /^(表|专栏)\s*[\d-]+/.exec(table);
  if (numbered) return numbered[0];
  return table.length > 24 ? `${table.slice(0, 23)}…` : table;
}

function Alternatives({ value, unit }: { value: ResolvedValue; unit: Bilingual }) {
  const pick = usePick();
  const others = value.alternatives.filter((a) => a.kind !== 'derived' || value.discrepancy);
  if (others.length === 0) return null;
  return (
    <ul className="alternatives">
      {others.map((a) => (
        <li key={a.id}>
          {pick({ zh: '另见：', en: 'Also: ' })}
          {valueText(a, unit, pick)}
          {/* Short here; the full citation with seed file and line is under 来源. */}
          {a.source ? ` — ${pick(a.source.documentTitle)} ${shortTable(a.source.table)}` : a.formula ? ` — ${pick(a.formula)}` : ''}
        </li>
      ))}
      {value.conflict && (
        <li className="conflict">
          {pick({ zh: '⚠ 不同文件给出的数值不一致，均予保留。', en: '⚠ The documents disagree; every figure is kept.' })}
        </li>
      )}
    </ul>
  );
}

function gapText(gap: GapValue, pick: (t: Bilingual) => string): string {
  const scope = gap.targetScope === 'own' ? pick({ zh: '本区目标', en: 'own target' }) : pick({ zh: '全市目标', en: 'city target' });
  const state =
    gap.met === true
      ? pick({ zh: '已达到', en: 'met' })
      : gap.met === false
        ? pick({ zh: '未达到', en: 'not yet met' })
        : '';
  const attainment = gap.attainmentPct !== undefined ? pick({ zh: `，完成度 ${gap.attainmentPct.toFixed(0)}%`, en: `, ${gap.attainmentPct.toFixed(0)} % attained` }) : '';
  return `${scope} ${gap.target.year}: ${gap.target.display} · ${pick({ zh: '差距', en: 'gap' })} ${gap.display}${state ? ` (${state}${attainment})` : attainment}`;
}

function CardEntry({ item, mapped }: { item: CardItem; mapped: boolean }) {
  const pick = usePick();
  const lang = useLang();
  const { indicator, current, target, cityCurrent, cityTarget } = item;
  const status = item.sources.find((s) => s.status)?.status;
  const formula = current?.primary.formula ?? target?.primary.formula;
  // The indicator's own note first: it says how the figure is defined where documents differ.
  const notes = [...(indicator.note ? [indicator.note] : []), ...(current?.primary.notes ?? []), ...(target?.primary.notes ?? [])];
  return (
    <article className={`card-item${mapped ? ' mapped' : ''}`} data-indicator={indicator.id}>
      <h4>
        {pick(indicator.name)}
        {status && <span className="badge">{status}</span>}
        {mapped && <span className="badge badge-map">{pick({ zh: '地图所示', en: 'on the map' })}</span>}
      </h4>
      <div className="card-item-body">
        <dl className="figures">
          {current && (
            <Row label={`${yearText(indicator, current.primary.year, lang)} ${pick(KIND_LABELS[current.primary.kind])}`} testId={`value-${indicator.id}`}>
              <strong>{valueText(current.primary, indicator.unit, pick)}</strong>
              <Alternatives value={current} unit={indicator.unit} />
            </Row>
          )}
          {target && (
            <Row label={`${target.primary.year} ${pick(KIND_LABELS.target)}`} testId={`target-${indicator.id}`}>
              {valueText(target.primary, indicator.unit, pick)}
              <Alternatives value={target} unit={indicator.unit} />
            </Row>
          )}
          {cityCurrent && (
            <Row label={pick({ zh: `全市 ${yearText(indicator, cityCurrent.primary.year, 'zh')}`, en: `City ${yearText(indicator, cityCurrent.primary.year, 'en')}` })} testId={`city-${indicator.id}`}>
              {valueText(cityCurrent.primary, indicator.unit, pick)}
              {cityCurrent.primary.kind === 'derived' && <span className="muted"> ({pick(KIND_LABELS.derived)})</span>}
            </Row>
          )}
          {cityTarget && (
            <Row label={pick({ zh: `全市目标 ${cityTarget.primary.year}`, en: `City target ${cityTarget.primary.year}` })}>
              {valueText(cityTarget.primary, indicator.unit, pick)}
              <Alternatives value={cityTarget} unit={indicator.unit} />
            </Row>
          )}
          {item.gaps.map((gap, i) => (
            <Row key={i} label={pick({ zh: '与目标', en: 'Against target' })} testId={`gap-${indicator.id}`}>
              <span title={gap.formula.expression}>{gapText(gap, pick)}</span>
            </Row>
          ))}
          {item.statements.map((s) => (
            <Row key={s.id} label={`${s.scope === 'city' ? pick({ zh: '全市 ', en: 'City ' }) : ''}${s.year} ${pick(KIND_LABELS[s.kind])}`}>
              {pick(s.text)}
            </Row>
          ))}
        </dl>
        <Sparkline points={item.trend} />
      </div>
      {formula && (
        <p className="formula">
          {pick({ zh: '算式：', en: 'Formula: ' })}
          {pick(formula)} <code>{formula.expression}</code>
        </p>
      )}
      <NotesAndCaveats notes={notes} caveats={item.caveats} />
      <details className="sources">
        <summary>{pick({ zh: '来源', en: 'Sources' })}</summary>
        <ul>
          {item.sources.map((s, i) => (
            <li key={i}>{citeSource(s, lang)}</li>
          ))}
          {formula && current?.primary.inputs?.map((input, i) => (
            <li key={`in${i}`}>
              {pick(input.label)}: {withUnit(input.value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'), pick(input.unit))}
              {input.point?.source ? ` — ${citeSource(input.point.source, lang)}` : input.origin ? ` — ${pick(input.origin)}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
