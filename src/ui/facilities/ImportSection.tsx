import { useEffect, useRef, useState } from 'react';
import { CRS_IDS, CRS_LABELS, isCrsId, type CrsId } from '../../domain/crs.ts';
import { facilityCategories } from '../../domain/facility-categories.ts';
import { IssueList } from './IssueList.tsx';
import { categoryName, formatPersons } from './model.ts';
import { textFor } from './text.ts';
import { populationInUse, type FacilitiesHandle } from './useFacilities.ts';

const ACCEPT = '.csv,.tsv,.txt,.geojson,.json,text/csv,application/geo+json,application/json';

function CrsSelect({ id, label, value, onChange, lang }: { id: string; label: string; value: CrsId | null; onChange: (crs: CrsId) => void; lang: 'zh' | 'en' }) {
  return (
    <div className="fac-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => isCrsId(e.target.value) && onChange(e.target.value)} required>
        <option value="" disabled>
          {lang === 'zh' ? '— 请选择 —' : '— choose —'}
        </option>
        {CRS_IDS.map((crs) => (
          <option key={crs} value={crs}>
            {CRS_LABELS[crs][lang]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Files dropped anywhere on the page (the panel or the map) are imported as facilities. */
function useDocumentDrop(onFile: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  const handler = useRef(onFile);
  handler.current = onFile;
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    // Without preventDefault the browser would open the dropped file in place of the app.
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) handler.current(file);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('dragover', overHandler);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('dragover', overHandler);
      document.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

export function ImportSection({ f }: { f: FacilitiesHandle }) {
  const t = textFor(f.lang);
  const zh = f.lang === 'zh';
  const dragOver = useDocumentDrop(f.importFile);
  const s = f.importState;
  return (
    <div className={`fac-import${dragOver ? ' fac-drop-active' : ''}`} data-testid="facility-drop-zone">
      <CrsSelect id="fac-import-crs" label={zh ? '设施文件坐标系' : 'Coordinate system of the facility file'} value={f.importCrs} onChange={f.setImportCrs} lang={f.lang} />
      {f.importCrs === null && (
        <p className="muted fac-note">
          {zh
            ? '请先选择坐标系：选错会使点位偏移约 600 米（GCJ-02）或 1.3 公里（BD-09）。'
            : 'Choose the coordinate system first: a wrong choice moves points by about 600 m (GCJ-02) or 1.3 km (BD-09).'}
        </p>
      )}
      <div className="fac-field">
        <label htmlFor="fac-import-default">{zh ? '无类别行的默认类别' : 'Category for rows without one'}</label>
        <select id="fac-import-default" value={f.importDefaultCategory ?? ''} onChange={(e) => f.setImportDefaultCategory(e.target.value || null)}>
          <option value="">{zh ? '（无：跳过这些行）' : '(none: skip those rows)'}</option>
          {facilityCategories().map((c) => (
            <option key={c.id} value={c.id}>
              {t(c.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="fac-field">
        <label htmlFor="fac-import-file">{zh ? '导入设施文件（CSV 或 GeoJSON）' : 'Import a facility file (CSV or GeoJSON)'}</label>
        <input
          id="fac-import-file"
          type="file"
          accept={ACCEPT}
          disabled={s.status === 'reading'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) f.importFile(file);
            e.target.value = ''; // the same file can be picked again after fixing it
          }}
        />
      </div>
      <p className="muted fac-note">{zh ? '也可把文件拖放到此面板或地图上。' : 'Or drop the file on this panel or on the map.'}</p>
      <ImportStatus f={f} />
    </div>
  );
}

function ImportStatus({ f }: { f: FacilitiesHandle }) {
  const zh = f.lang === 'zh';
  const s = f.importState;
  switch (s.status) {
    case 'idle':
      return null;
    case 'waiting-crs':
      return (
        <p className="status status-notice" role="status">
          {zh ? `已收到文件“${s.fileName}”：请选择它的坐标系，随后导入。` : `Got "${s.fileName}": choose its coordinate system to import it.`}
        </p>
      );
    case 'reading':
      return (
        <p className="status status-loading" role="status">
          {zh ? `正在读取“${s.fileName}”…` : `Reading "${s.fileName}"…`}
        </p>
      );
    case 'failed':
      return (
        <div className="status status-error" role="alert" data-testid="import-errors">
          <p>{zh ? `文件“${s.fileName}”未导入，已有图层不受影响：` : `"${s.fileName}" was not imported; layers already loaded are unchanged:`}</p>
          <IssueList issues={s.errors} lang={f.lang} />
        </div>
      );
    case 'done':
      return (
        <div className="fac-import-summary" role="status" data-testid="import-summary">
          <p>
            {zh
              ? `已导入“${s.fileName}”：${s.stats.imported} 个设施${s.stats.skipped ? `，跳过 ${s.stats.skipped} 行` : ''}（共 ${s.stats.total} 行）。`
              : `Imported "${s.fileName}": ${s.stats.imported} facilities${s.stats.skipped ? `, ${s.stats.skipped} rows skipped` : ''} (of ${s.stats.total}).`}
          </p>
          {s.saveError && (
            <p className="status status-notice" role="alert">
              {s.saveError[f.lang]}
            </p>
          )}
          {s.warnings.length > 0 && (
            <details open={s.warnings.length <= 5}>
              <summary>{zh ? `${s.warnings.length} 条提示` : `${s.warnings.length} notes`}</summary>
              <IssueList issues={s.warnings} lang={f.lang} />
            </details>
          )}
        </div>
      );
  }
}

export function LayerList({ f }: { f: FacilitiesHandle }) {
  const zh = f.lang === 'zh';
  if (f.layersLoading) return <p className="muted">{zh ? '正在读取本浏览器中保存的图层…' : 'Reading layers stored in this browser…'}</p>;
  return (
    <div className="fac-layers">
      {f.storeError && (
        <p className="status status-error" role="alert">
          {zh ? `无法读取浏览器中保存的图层：${f.storeError}` : `Could not read stored layers: ${f.storeError}`}
        </p>
      )}
      {f.droppedLayers > 0 && (
        <p className="status status-notice">
          {zh ? `${f.droppedLayers} 个已保存的图层无法读取（已损坏或版本不符），已略过。` : `${f.droppedLayers} stored layers could not be read (corrupt or from another version) and were skipped.`}
        </p>
      )}
      {f.layers.length === 0 ? (
        <p className="muted">{zh ? '尚未导入图层。' : 'No imported layers yet.'}</p>
      ) : (
        <ul aria-label={zh ? '已导入图层' : 'Imported layers'}>
          {f.layers.map(({ layer, shown, stored, counts }) => (
            <li key={layer.id} data-layer-id={layer.id}>
              <label>
                <input type="checkbox" checked={shown} onChange={(e) => f.setLayerShown(layer.id, e.target.checked)} />
                {layer.fileName}
              </label>
              <p className="muted fac-note">
                {zh
                  ? `${layer.facilities.length} 个设施 · ${CRS_LABELS[layer.crs].zh} · ${Object.entries(counts).map(([c, n]) => `${categoryName(c).zh} ${n}`).join('、')}`
                  : `${layer.facilities.length} facilities · ${CRS_LABELS[layer.crs].en} · ${Object.entries(counts).map(([c, n]) => `${categoryName(c).en} ${n}`).join(', ')}`}
                {!stored && (zh ? ' · 未能保存，仅本次打开期间可用' : ' · not stored: available until the page closes')}
              </p>
              <div className="fac-actions">
                <button type="button" onClick={() => f.exportLayer(layer.id)} aria-label={zh ? `导出“${layer.fileName}”为 GeoJSON` : `Export "${layer.fileName}" as GeoJSON`}>
                  {zh ? '导出 GeoJSON' : 'Export GeoJSON'}
                </button>
                <button type="button" onClick={() => f.removeLayer(layer.id)} aria-label={zh ? `删除“${layer.fileName}”` : `Remove "${layer.fileName}"`}>
                  {zh ? '删除' : 'Remove'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="muted fac-note">
        {zh ? '导入的图层保存在本浏览器中，分享链接只带图层编号，不带数据。' : 'Imported layers stay in this browser; a shared link names them but does not carry their data.'}
      </p>
    </div>
  );
}

export function PopulationImport({ f }: { f: FacilitiesHandle }) {
  const zh = f.lang === 'zh';
  const [crs, setCrs] = useState<CrsId | null>(null);
  const p = f.population;
  const inUse = populationInUse(p);
  return (
    <div className="fac-population">
      <CrsSelect id="fac-pop-crs" label={zh ? '人口文件坐标系' : 'Coordinate system of the population file'} value={crs} onChange={setCrs} lang={f.lang} />
      <div className="fac-field">
        <label htmlFor="fac-pop-file">{zh ? '导入人口文件（CSV：经度、纬度、人口）' : 'Import a population file (CSV: lon, lat, population)'}</label>
        <input
          id="fac-pop-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          disabled={crs === null || p.status === 'reading' || !f.ready}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file && crs) f.importPopulation(file, crs);
            e.target.value = '';
          }}
        />
      </div>
      {p.status === 'reading' && (
        <p className="status status-loading" role="status">
          {zh ? `正在读取“${p.fileName}”…` : `Reading "${p.fileName}"…`}
        </p>
      )}
      {p.status === 'failed' && (
        <div className="status status-error" role="alert">
          <p>{zh ? `人口文件“${p.fileName}”未导入：` : `Population file "${p.fileName}" was not imported:`}</p>
          <IssueList issues={p.errors} lang={f.lang} />
        </div>
      )}
      {p.status === 'census' && p.storeMessage && (
        <p className="status status-notice" role="status">
          {p.storeMessage[f.lang]}
        </p>
      )}
      {inUse && (
        <div role="status" data-testid="population-in-use">
          <p>
            {zh
              ? `正在使用“${inUse.fileName}”${inUse.restored ? '（上次导入，保存在本浏览器中）' : ''}：${inUse.stats.imported} 个点${inUse.info.populationPoints ? `，合计 ${formatPersons(inUse.info.populationPoints.population, 'zh')} 人` : ''}${inUse.stats.skipped ? `，跳过 ${inUse.stats.skipped} 行` : ''}。`
              : `Using "${inUse.fileName}"${inUse.restored ? ' (imported earlier, kept in this browser)' : ''}: ${inUse.stats.imported} points${inUse.info.populationPoints ? `, ${formatPersons(inUse.info.populationPoints.population, 'en')} residents` : ''}${inUse.stats.skipped ? `, ${inUse.stats.skipped} rows skipped` : ''}.`}
          </p>
          {inUse.saveError && <p className="status status-notice">{inUse.saveError[f.lang]}</p>}
          {inUse.warnings.length > 0 && <IssueList issues={inUse.warnings} lang={f.lang} />}
          <button type="button" onClick={f.resetPopulation}>
            {zh ? '恢复普查人口模型' : 'Back to the census model'}
          </button>
        </div>
      )}
      <p className="muted fac-note">
        {zh
          ? '导入的人口文件保存在本浏览器中，直到恢复普查人口模型；分享链接不带人口数据，同事打开时按其浏览器中的人口模型计算。'
          : 'An imported population file stays in this browser until you go back to the census model; a shared link does not carry it, so a colleague sees figures for the model in their browser.'}
      </p>
    </div>
  );
}
