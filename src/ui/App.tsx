import { useMemo, useState } from 'react';
import { useDistricts, LAND_FILE } from '../data/useDistricts.ts';
import { staticUrl } from '../data/static-url.ts';
import { MapView, type MapPointer } from '../map/MapView.tsx';
import { districtOverlays, DEFAULT_DISTRICT_FILL } from '../map/layers/districts.ts';
import { districtLabelPoints } from '../map/layers/district-labels.ts';
import { LangContext, type Lang } from './i18n.ts';
import { Header } from './Header.tsx';
import { DistrictList } from './DistrictList.tsx';
import { StatusMessage } from './StatusMessage.tsx';

export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [selected, setSelected] = useState<string | null>(null);
  const [, setPointer] = useState<MapPointer | null>(null);
  const districts = useDistricts();

  const labelPoints = useMemo(() => (districts.data ? districtLabelPoints(districts.data) : null), [districts.data]);
  const overlays = useMemo(
    () =>
      districts.data && labelPoints
        ? districtOverlays({
            districts: districts.data,
            labelPoints,
            fillByAdcode: {},
            noDataColour: DEFAULT_DISTRICT_FILL,
            selectedAdcode: selected,
            lang,
            showLabels: true,
          })
        : [],
    [districts.data, labelPoints, selected, lang],
  );

  return (
    <LangContext.Provider value={lang}>
      <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <Header lang={lang} onLangChange={setLang} />
        <aside className="sidebar" aria-label={lang === 'zh' ? '图层与指标' : 'Layers and indicators'}>
          {districts.isLoading && <StatusMessage kind="loading" text={{ zh: '正在加载行政区…', en: 'Loading districts…' }} />}
          {districts.error && (
            <StatusMessage kind="error" text={{ zh: `行政区数据有误：${districts.error.message}`, en: `District data error: ${districts.error.message}` }} />
          )}
          {districts.data && (
            <DistrictList districts={districts.data} selected={selected} onSelect={setSelected} />
          )}
        </aside>
        <main className="map-area">
          <MapView
            landUrl={staticUrl(LAND_FILE)}
            overlays={overlays}
            ariaLabel={lang === 'zh' ? '江门市行政区地图' : 'Map of Jiangmen districts'}
            onHover={setPointer}
            onDistrictClick={setSelected}
          />
        </main>
      </div>
    </LangContext.Provider>
  );
}
