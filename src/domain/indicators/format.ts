import type { Bilingual, Comparator, IndicatorDef, Kind } from './schema.ts';

/** How each value kind is named, on the card, in the year list and in the CSV export alike. */
export const KIND_LABELS: Record<Kind, Bilingual> = {
  actual: { zh: '实际值', en: 'actual' },
  target: { zh: '规划目标', en: 'plan target' },
  derived: { zh: '推算值', en: 'derived' },
};

const NUMBER = /\d+(?:\.\d+)?/g;

/** The year of a value as the reader should see it: the calendar year, or what the indicator says it stands for. */
export function yearText(indicator: Pick<IndicatorDef, 'yearLabel'>, year: number, lang: 'zh' | 'en'): string {
  return indicator.yearLabel ? indicator.yearLabel[lang] : String(year);
}

/** Decimal places of the number as printed ("5.20" → 2), or of the stored value. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Half a unit of the last printed digit: how far a value may sit from the truth through rounding alone. */
export function roundingTolerance(printedNumber: string): number {
  return 0.5 * 10 ** -decimalsOf(printedNumber);
}

/** Formats a computed number; `decimals` from the catalogue, otherwise up to 2 places without trailing zeros. */
export function formatNumber(value: number, decimals?: number): string {
  if (decimals !== undefined) return value.toFixed(decimals);
  return String(Number(value.toFixed(2)));
}

export interface DisplayParts {
  value: number;
  upper?: number;
  comparator?: Comparator;
  printed?: string;
}

/**
 * Text for a value, keeping the digits the document printed ("5.20", not "5.2"): "≥55", "≈25", "600–700".
 * Falls back to `decimals` for values that were never printed (census, derived).
 */
export function displayValue(parts: DisplayParts, decimals?: number): string {
  const printedNumbers = parts.printed?.match(NUMBER) ?? [];
  const numberText = (n: number, i: number) => {
    const p = printedNumbers[i];
    return p !== undefined && Number(p) === n ? p : formatNumber(n, decimals);
  };
  const prefix = parts.comparator ?? '';
  const main = numberText(parts.value, 0);
  return parts.upper === undefined ? `${prefix}${main}` : `${prefix}${main}–${numberText(parts.upper, 1)}`;
}

/** Rounding tolerance of a value: from its printed digits, else from its stored decimals. */
export function toleranceOf(parts: DisplayParts): number {
  const printed = parts.printed?.match(NUMBER)?.[0];
  return roundingTolerance(printed ?? String(parts.value));
}
