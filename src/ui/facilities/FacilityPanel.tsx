import type { ReactNode } from 'react';
import './facilities.css';
import { CategoryPicker } from './CategoryPicker.tsx';
import { CoverageSummary } from './CoverageSummary.tsx';
import { ImportSection, LayerList, PopulationImport } from './ImportSection.tsx';
import { RadiusControl } from './RadiusControl.tsx';
import { SitesSection, SuggestSection } from './SitesSection.tsx';
import type { FacilitiesHandle } from './useFacilities.ts';

/** Facilities and 15-minute service coverage: everything rendered from the handle of useFacilities. */
export function FacilityPanel({ facilities: f }: { facilities: FacilitiesHandle }) {
  const zh = f.lang === 'zh';
  const section = (id: string, title: string, body: ReactNode) => (
    <section className="fac-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {body}
    </section>
  );
  return (
    <section className="panel fac-panel" aria-label={zh ? '设施与服务覆盖' : 'Facilities and service coverage'}>
      <h2>{zh ? '设施与 15 分钟服务覆盖' : 'Facilities and 15-minute coverage'}</h2>
      {section('fac-h-categories', zh ? '设施类别' : 'Facility categories', <CategoryPicker f={f} />)}
      {section('fac-h-radius', zh ? '服务半径' : 'Service radius', <RadiusControl f={f} />)}
      {section('fac-h-coverage', zh ? '服务覆盖' : 'Service coverage', <CoverageSummary f={f} />)}
      {section('fac-h-sites', zh ? '拟建设施' : 'Proposed sites', <SitesSection f={f} />)}
      {section('fac-h-suggest', zh ? '选址建议' : 'Site suggestions', <SuggestSection f={f} />)}
      {section('fac-h-import', zh ? '导入设施' : 'Import facilities', <ImportSection f={f} />)}
      {section('fac-h-layers', zh ? '已导入图层' : 'Imported layers', <LayerList f={f} />)}
      {section('fac-h-population', zh ? '人口模型' : 'Population model', <PopulationImport f={f} />)}
    </section>
  );
}
