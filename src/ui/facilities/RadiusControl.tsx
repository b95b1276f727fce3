import { useEffect, useState } from 'react';
import { categoryName, parseRadiusInput } from './model.ts';
import { textFor } from './text.ts';
import type { FacilitiesHandle } from './useFacilities.ts';

export const SLIDER_MIN_M = 100;
export const SLIDER_MAX_M = 5000;
export const SLIDER_STEP_M = 50;

/** Radius slider and number field, with the standard in force stated beside them. */
export function RadiusControl({ f }: { f: FacilitiesHandle }) {
  const t = textFor(f.lang);
  const radius = f.radiusInForce;
  // The number field keeps what is being typed ("", "5", "50"…) until it is a valid radius.
  const [typed, setTyped] = useState<string>(radius === null ? '' : String(radius));
  useEffect(() => setTyped(radius === null ? '' : String(radius)), [radius]);
  if (radius === null || !f.standard) {
    return <p className="muted">{f.lang === 'zh' ? '勾选设施类别后可设置服务半径。' : 'Pick a facility category to set the service radius.'}</p>;
  }
  const std = f.standard;
  return (
    <div className="fac-radius">
      <div className="fac-radius-inputs">
        <label htmlFor="fac-radius-range">{f.lang === 'zh' ? '服务半径' : 'Service radius'}</label>
        <input
          id="fac-radius-range"
          type="range"
          min={SLIDER_MIN_M}
          max={SLIDER_MAX_M}
          step={SLIDER_STEP_M}
          value={Math.min(SLIDER_MAX_M, Math.max(SLIDER_MIN_M, radius))}
          aria-valuetext={f.lang === 'zh' ? `${radius} 米` : `${radius} m`}
          onChange={(e) => f.dragRadius(Number(e.target.value))}
        />
        <input
          type="number"
          className="fac-radius-number"
          min={1}
          max={50_000}
          step={SLIDER_STEP_M}
          value={typed}
          aria-label={f.lang === 'zh' ? '半径数值（米）' : 'Radius in metres'}
          onChange={(e) => {
            setTyped(e.target.value);
            const r = parseRadiusInput(e.target.value);
            if (r !== null) f.dragRadius(r);
          }}
          onBlur={() => {
            const r = parseRadiusInput(typed);
            if (r !== null) f.commitRadius(r);
            else setTyped(String(radius));
          }}
        />
        <span aria-hidden="true">{f.lang === 'zh' ? '米' : 'm'}</span>
      </div>
      <p className="fac-standard" data-testid="standard-in-force">
        {t(std.sentence)}
      </p>
      {std.others.length > 0 && (
        <p className="muted fac-note">
          {f.lang === 'zh'
            ? `此半径同样用于：${std.others.map((o) => `${categoryName(o.category).zh}（默认 ${o.defaultRadius.toLocaleString('en-US')} 米）`).join('、')}。`
            : `The same radius applies to: ${std.others.map((o) => `${categoryName(o.category).en} (default ${o.defaultRadius.toLocaleString('en-US')} m)`).join(', ')}.`}
        </p>
      )}
      <p className="muted fac-note">
        {f.lang === 'zh' ? `按城市标准计算；乡村标准为：${std.rural.zh}（未应用）。` : `Computed with the urban standard; the rural one is ${std.rural.en} (not applied).`}
      </p>
      <button type="button" onClick={f.resetRadius} disabled={!f.radiusSet && !f.dragging}>
        {f.lang === 'zh' ? '恢复标准半径' : 'Reset to the standard'}
      </button>
    </div>
  );
}
