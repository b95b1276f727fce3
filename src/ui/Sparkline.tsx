import type { IndicatorPoint } from '../domain/indicators/index.ts';
import { usePick } from './i18n.ts';

const W = 120;
const H = 32;
const PAD = 4;

/**
 * A small trend of a district's values over the years: actual values joined by a solid line,
 * targets drawn as open circles joined by a dashed line, so a plan figure never reads as a record.
 */
export function Sparkline({ points }: { points: readonly IndicatorPoint[] }) {
  const pick = usePick();
  // One figure per year and kind: the first is the preferred document's.
  const seen = new Set<string>();
  const series = points.filter((p) => {
    const key = `${p.year}|${p.kind === 'target' ? 't' : 'a'}`;
    if (seen.has(key) || p.upper !== undefined) return false;
    seen.add(key);
    return true;
  });
  const years = [...new Set(series.map((p) => p.year))];
  if (years.length < 2) return null;
  const xs = series.map((p) => p.year);
  const ys = series.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = (year: number) => PAD + ((year - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((v - y0) / (y1 - y0 || 1)) * (H - 2 * PAD);
  const actual = series.filter((p) => p.kind !== 'target');
  const lastActual = actual[actual.length - 1];
  const targets = series.filter((p) => p.kind === 'target');
  const line = (ps: readonly IndicatorPoint[]) => ps.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const description = series.map((p) => `${p.year}: ${p.display}${p.kind === 'target' ? pick({ zh: '（目标）', en: ' (target)' }) : ''}`).join('; ');
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={pick({ zh: `趋势：${description}`, en: `Trend: ${description}` })}>
      <title>{description}</title>
      {actual.length > 1 && <polyline points={line(actual)} fill="none" stroke="#1d4ed8" strokeWidth={1.5} />}
      {targets.length > 0 && (
        <polyline points={line(lastActual ? [lastActual, ...targets] : targets)} fill="none" stroke="#6b7280" strokeWidth={1.2} strokeDasharray="3 2" />
      )}
      {actual.map((p) => (
        <circle key={`a${p.year}`} cx={x(p.year)} cy={y(p.value)} r={2.2} fill="#1d4ed8" />
      ))}
      {targets.map((p) => (
        <circle key={`t${p.year}`} cx={x(p.year)} cy={y(p.value)} r={2.4} fill="#fff" stroke="#6b7280" strokeWidth={1.2} />
      ))}
    </svg>
  );
}
