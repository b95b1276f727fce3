import { formatPersons, formatShare } from './model.ts';
import { textFor } from './text.ts';
import { populationInUse, type FacilitiesHandle } from './useFacilities.ts';
import { toCsv, toOutput } from '../../domain/coverage/report.ts';
import { districtTableFileName } from '../../domain/export-csv.ts';
import { download } from '../download.ts';
import { districtByAdcode, districtName } from '../../domain/districts.ts';

/** City and district shares of area and residents within the radius, and how residents are modelled. */
export function CoverageSummary({ f }: { f: FacilitiesHandle }) {
  const t = textFor(f.lang);
  const zh = f.lang === 'zh';
  if (f.visibleCategories.length === 0) return <p className="muted">{zh ? '勾选设施类别以计算服务覆盖。' : 'Pick a facility category to compute service coverage.'}</p>;
  if (f.facilitiesInPlay === 0)
    return <p className="muted">{zh ? '所选类别在地图上没有设施点：可导入设施文件或添加拟建设施。' : 'No facilities of the chosen categories on the map: import a file or add proposed sites.'}</p>;
  const c = f.coverage;
  return (
    <div className="fac-coverage" aria-busy={f.computing}>
      {f.coverageLabel && <p className="fac-coverage-label">{t(f.coverageLabel)}</p>}
      {f.computeError && (
        <p className="status status-error" role="alert">
          {t(f.computeError)}
        </p>
      )}
      {!c ? (
        <p className="muted" role="status">
          {f.ready ? (zh ? '正在计算覆盖…' : 'Computing coverage…') : zh ? '正在准备行政区网格…' : 'Preparing the district grid…'}
        </p>
      ) : (
        <>
          <dl className="fac-city">
            <div>
              <dt>{zh ? '全市面积覆盖率' : 'City area covered'}</dt>
              <dd data-testid="coverage-city-area" data-value={c.city.coveredAreaShare}>
                {formatShare(c.city.coveredAreaShare)}
              </dd>
            </div>
            <div>
              <dt>{zh ? '全市人口覆盖率' : 'City residents covered'}</dt>
              <dd data-testid="coverage-city-population" data-value={c.city.coveredPopulationShare ?? ''}>
                {formatShare(c.city.coveredPopulationShare)}
              </dd>
            </div>
          </dl>
          <p className="muted fac-note" role="status">
            {zh
              ? `参与计算的设施 ${c.facilities.used} 个${c.facilities.outsideDistricts ? `（其中 ${c.facilities.outsideDistricts} 个位于各区之外）` : ''}，半径 ${c.radiusMetres.toLocaleString('en-US')} 米${f.computing ? '；正在更新…' : ''}${f.timings ? `；计算用时 ${Math.round(f.timings.computeMs)} 毫秒` : ''}`
              : `${c.facilities.used} facilities${c.facilities.outsideDistricts ? ` (${c.facilities.outsideDistricts} outside the districts)` : ''}, radius ${c.radiusMetres.toLocaleString('en-US')} m${f.computing ? '; updating…' : ''}${f.timings ? `; computed in ${Math.round(f.timings.computeMs)} ms` : ''}`}
          </p>
          <table className="fac-table" aria-label={zh ? '各区服务覆盖率' : 'Service coverage by district'}>
            <thead>
              <tr>
                <th scope="col">{zh ? '区（市）' : 'District'}</th>
                <th scope="col">{zh ? '面积' : 'Area'}</th>
                <th scope="col">{zh ? '人口' : 'Residents'}</th>
              </tr>
            </thead>
            <tbody>
              {c.districts.map((d) => (
                <tr key={d.adcode} data-adcode={d.adcode}>
                  <th scope="row">{districtByAdcode(d.adcode) ? t(districtName(d.adcode)) : d.name}</th>
                  <td data-value={d.coveredAreaShare}>{formatShare(d.coveredAreaShare)}</td>
                  <td data-value={d.coveredPopulationShare ?? ''}>{formatShare(d.coveredPopulationShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <PopulationModelNote f={f} />
          <button
            type="button"
            disabled={f.computing}
            onClick={() => {
              const label = f.coverageLabel ? t(f.coverageLabel) : '';
              const csv = toCsv(toOutput(c, f.visibleCategories.join(',')), { excel: true });
              download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), districtTableFileName(`${zh ? '服务覆盖' : 'coverage'} ${label}`, null));
            }}
          >
            {zh ? '导出覆盖率表 CSV' : 'Export coverage CSV'}
          </button>
          {(f.geometryStale || f.footprintOnly) && (
            <p className="muted fac-note">
              {f.geometryStale
                ? zh
                  ? '地图上的覆盖范围仍是上一次的结果（虚线），松开滑块后更新。'
                  : 'The areas on the map are from the previous setting (dashed) until the slider settles.'
                : zh
                  ? '设施超过 500 个，地图显示合并后的覆盖范围，而非逐个服务圆。'
                  : 'Over 500 facilities: the map shows the merged covered area, not each circle.'}
            </p>
          )}
          <p className="muted fac-note">
            {zh
              ? '服务范围为直线半径圆，实际步行距离更长，覆盖率因此偏高。'
              : 'Service areas are straight-line circles; walking routes are longer, so coverage is overstated.'}
          </p>
        </>
      )}
    </div>
  );
}

function PopulationModelNote({ f }: { f: FacilitiesHandle }) {
  const zh = f.lang === 'zh';
  const p = populationInUse(f.population);
  if (p) {
    const pts = p.info.populationPoints;
    return (
      <p className="fac-model" data-model="imported-points">
        {zh
          ? `人口按导入文件“${p.fileName}”的点计${pts ? `（${pts.count} 个点，合计 ${formatPersons(pts.population, 'zh')} 人${pts.outsideCount ? `；${pts.outsideCount} 个点、${formatPersons(pts.outsidePopulation, 'zh')} 人位于各区之外，未计入` : ''}）` : ''}；没有点的地方按无人计。`
          : `Residents: the points of the imported file "${p.fileName}"${pts ? ` (${pts.count} points, ${formatPersons(pts.population, 'en')} residents${pts.outsideCount ? `; ${pts.outsideCount} points, ${formatPersons(pts.outsidePopulation, 'en')} residents outside the districts, left out` : ''})` : ''}; places without points count as empty.`}
      </p>
    );
  }
  if (!f.censusAvailable)
    return (
      <p className="fac-model muted" data-model="none">
        {zh ? '普查人口未加载，只计算面积覆盖率。' : 'Census population not loaded: area shares only.'}
      </p>
    );
  return (
    <p className="fac-model" data-model="even-census-2020">
      {zh ? '人口按各区2020年普查常住人口在区内均匀分布（近似）' : "Population: each district's 2020 census residents spread evenly over its area (an approximation)"}
    </p>
  );
}
