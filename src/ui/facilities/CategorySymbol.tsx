import { shapeVertices, type SymbolShape } from '../../map/facility-icons.ts';

/** The map's marker for a category: its colour, with its shape in white inside (as drawn from zoom 10). */
export function CategorySymbol({ colour, shape, size = 14 }: { colour: string; shape: SymbolShape; size?: number }) {
  const r = size / 2;
  const points = shapeVertices(shape, r * 0.55)
    .map(([x, y]) => `${(r + x).toFixed(2)},${(r + y).toFixed(2)}`)
    .join(' ');
  return (
    <svg className="fac-symbol" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <circle cx={r} cy={r} r={r - 0.75} fill={colour} stroke="#9ca3af" strokeWidth={0.75} />
      <polygon points={points} fill="#ffffff" />
    </svg>
  );
}
