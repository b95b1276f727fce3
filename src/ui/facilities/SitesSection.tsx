import { useEffect, useState } from 'react';
import { CATEGORY_CATALOGUE } from '../../domain/facility-categories.ts';
import { categoryName, formatPersons, formatShare } from './model.ts';
import { textFor } from './text.ts';
import type { FacilitiesHandle } from './useFacilities.ts';
import type { CandidateKind } from './useProposedSites.ts';

/** Proposed sites may be of any category, town seats included (a seat as a service point). */
const SITE_CATEGORIES = CATEGORY_CATALOGUE.categories;

function CategorySelect({ id, label, value, onChange, lang }: { id: string; label: string; value: string; onChange: (id: string) => void; lang: 'zh' | 'en' }) {
  return (
    <div className="fac-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {SITE_CATEGORIES.map((c) => (
          <option key={c.id} value={c.id}>
            {categoryName(c.id)[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}

const coord = (v: number) => v.toFixed(5);

export function SitesSection({ f }: { f: FacilitiesHandle }) {
  const t = textFor(f.lang);
  const zh = f.lang === 'zh';
  // Follows the first visible category until the user picks one.
  const [chosen, setCategory] = useState<string | null>(null);
  const category = chosen ?? f.visibleCategories[0] ?? 'kindergarten';
  const placing = f.placing !== null;

  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && f.stopPlacing();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [placing, f.stopPlacing]);

  const full = f.sites.length >= f.maxSites;
  return (
    <div className="fac-sites">
      <CategorySelect id="fac-site-category" label={zh ? '拟建设施类别' : 'Category of the proposed site'} value={category} onChange={setCategory} lang={f.lang} />
      <button
        type="button"
        aria-pressed={placing}
        disabled={full && !placing}
        onClick={() => (placing ? f.stopPlacing() : f.startPlacing(category))}
        className={placing ? 'fac-placing' : undefined}
      >
        {placing ? (zh ? '完成添加' : 'Done adding') : zh ? '在地图上添加拟建设施' : 'Add proposed sites on the map'}
      </button>
      {placing && (
        <p className="status status-notice" role="status">
          {zh
            ? `点击地图放置拟建${categoryName(f.placing!).zh}，可连续添加；按 Esc 或“完成添加”结束。`
            : `Click the map to place proposed ${categoryName(f.placing!).en} sites; press Esc or "Done adding" to stop.`}
        </p>
      )}
      {full && <p className="muted fac-note">{zh ? `已达 ${f.maxSites} 个拟建设施的上限。` : `The limit of ${f.maxSites} proposed sites is reached.`}</p>}
      {f.pickError && (
        <p className="status status-error" role="alert">
          {t(f.pickError)}
        </p>
      )}
      {f.sites.length > 0 && (
        <ol className="fac-site-list" aria-label={zh ? '拟建设施' : 'Proposed sites'}>
          {f.sites.map((s, i) => (
            <li key={`${i}-${s.category}-${s.lng}-${s.lat}`}>
              <span>
                {s.name ?? (zh ? `拟建${categoryName(s.category).zh}` : `Proposed ${categoryName(s.category).en}`)}
                <span className="muted">
                  {' '}
                  {coord(s.lng)}, {coord(s.lat)}
                  {!f.visibleCategories.includes(s.category) && (zh ? '（类别未勾选，不参与计算）' : ' (category hidden: not counted)')}
                </span>
              </span>
              <button type="button" onClick={() => f.removeSite(i)} aria-label={zh ? `删除拟建设施 ${i + 1}` : `Remove proposed site ${i + 1}`}>
                {zh ? '删除' : 'Remove'}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="muted fac-note">{zh ? '拟建设施写入分享链接（经纬度为 WGS84，保留 5 位小数）。' : 'Proposed sites travel in the share link (WGS84, 5 decimals).'}</p>
    </div>
  );
}

export function SuggestSection({ f }: { f: FacilitiesHandle }) {
  const zh = f.lang === 'zh';
  const [chosen, setCategory] = useState<string | null>(null);
  const category = chosen ?? f.visibleCategories[0] ?? 'kindergarten';
  const [k, setK] = useState(3);
  const [candidates, setCandidates] = useState<CandidateKind>('towns');
  const s = f.suggestion;
  const canRun = f.ready && f.radiusInForce !== null && s?.status !== 'running';
  return (
    <div className="fac-suggest">
      <CategorySelect id="fac-suggest-category" label={zh ? '选址类别' : 'Category to site'} value={category} onChange={setCategory} lang={f.lang} />
      <div className="fac-field">
        <label htmlFor="fac-suggest-k">{zh ? '建议个数' : 'Number of sites'}</label>
        <input id="fac-suggest-k" type="number" min={1} max={10} step={1} value={k} onChange={(e) => setK(Math.min(10, Math.max(1, Math.round(Number(e.target.value)) || 1)))} />
      </div>
      <div className="fac-field">
        <label htmlFor="fac-suggest-candidates">{zh ? '候选点' : 'Candidates'}</label>
        <select id="fac-suggest-candidates" value={candidates} onChange={(e) => setCandidates(e.target.value as CandidateKind)}>
          <option value="towns" disabled={f.townSeats.status !== 'ready'}>
            {zh ? '镇街驻地（GeoNames 点位）' : 'Town seats (GeoNames points)'}
          </option>
          <option value="grid">{zh ? '2 公里网格' : '2 km grid'}</option>
        </select>
      </div>
      {f.radiusInForce === null ? (
        <p className="muted fac-note">{zh ? '勾选设施类别后，按其服务半径选址。' : 'Pick a facility category first: sites are chosen for its radius.'}</p>
      ) : (
        <p className="muted fac-note">
          {zh
            ? `按半径 ${f.radiusInForce.toLocaleString('en-US')} 米，在现有${categoryName(category).zh}（含拟建）之外，逐个选出新增覆盖人口最多的位置（贪心算法）。`
            : `For a ${f.radiusInForce.toLocaleString('en-US')} m radius, picks one at a time the position that adds the most residents beyond the existing ${categoryName(category).en} (proposed included), greedily.`}
        </p>
      )}
      <button type="button" disabled={!canRun} onClick={() => f.suggest(category, k, candidates)}>
        {zh ? `建议 ${k} 个新址` : `Suggest ${k} new sites`}
      </button>
      {s?.status === 'running' && (
        <p className="status status-loading" role="status">
          {zh ? '正在计算选址…' : 'Computing suggestions…'}
        </p>
      )}
      {s?.status === 'failed' && s.error && (
        <p className="status status-error" role="alert">
          {s.error[f.lang]}
        </p>
      )}
      {s?.status === 'done' && s.result && (
        <div role="status">
          <p className="muted fac-note">
            {zh
              ? `${categoryName(s.category).zh}，半径 ${s.radius.toLocaleString('en-US')} 米，候选 ${s.result.candidatesConsidered} 处；现有设施覆盖全市 ${formatShare(s.result.baseCoveredShare)} 的人口。`
              : `${categoryName(s.category).en}, ${s.radius.toLocaleString('en-US')} m radius, ${s.result.candidatesConsidered} candidates; existing facilities reach ${formatShare(s.result.baseCoveredShare)} of residents.`}
          </p>
          {s.outdated && (
            <p className="status status-notice">{zh ? '设施、半径或人口已改变，以下结果已过时，请重新计算。' : 'Facilities, radius or population changed: these results are outdated; run again.'}</p>
          )}
          {s.result.sites.length === 0 ? (
            <p className="muted">{zh ? '没有候选点能增加覆盖人口。' : 'No candidate adds any residents.'}</p>
          ) : (
            <ol className="fac-suggestions" aria-label={zh ? '建议新址' : 'Suggested sites'}>
              {s.result.sites.map((site, i) => (
                <li key={i} data-gain={site.gain} data-share={site.cumulativeCoveredShare}>
                  <span>
                    {site.name !== undefined && (zh ? `${site.name}（镇街驻地）` : `${site.name} (town seat) `)}
                    {`${coord(site.lon)}, ${coord(site.lat)}`}
                    <span className="muted">
                      {zh
                        ? ` 新增 ${formatPersons(site.gain, 'zh')} 人，累计覆盖 ${formatShare(site.cumulativeCoveredShare)}`
                        : ` +${formatPersons(site.gain, 'en')} residents, cumulative ${formatShare(site.cumulativeCoveredShare)}`}
                    </span>
                  </span>
                  <button
                    type="button"
                    disabled={s.adopted.includes(i) || f.sites.length >= f.maxSites}
                    onClick={() => f.adoptSuggestion(i)}
                    aria-label={zh ? `采用建议 ${i + 1}` : `Adopt suggestion ${i + 1}`}
                  >
                    {s.adopted.includes(i) ? (zh ? '已采用' : 'Adopted') : zh ? '采用' : 'Adopt'}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <p className="muted fac-note">
            {zh ? '新增人口按依次采用前面各址计算；人口模型同上（近似）。' : 'Each gain assumes the sites above it are adopted first; same population model (an approximation).'}
          </p>
        </div>
      )}
    </div>
  );
}
