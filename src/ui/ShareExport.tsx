import { citeSource, yearText } from '../domain/indicators/index.ts';
import { useState } from 'react';
import { choroplethTableRows, type ChoroplethModel } from '../domain/choropleth.ts';
import { districtTableCsv, districtTableFileName } from '../domain/export-csv.ts';
import { download } from './download.ts';
import { canvasToPngBlob, composeMapImage } from './export-png.ts';
import { useLang, usePick } from './i18n.ts';

interface ShareExportProps {
  /** The link of the current view (query and camera hash). */
  shareUrl: () => string;
  model: ChoroplethModel | undefined;
  mapCanvas: () => HTMLCanvasElement | null;
}

/** Copy the link of the view; export the map as PNG and the district table as CSV. */
export function ShareExport({ shareUrl, model, mapCanvas }: ShareExportProps) {
  const pick = usePick();
  const lang = useLang();
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const copy = async () => {
    const url = shareUrl();
    setError(null);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      // Clipboard refused (insecure context, permissions): show the link to copy by hand.
      setCopied(url);
      setError(pick({ zh: '浏览器不允许自动复制，请手动复制下面的链接。', en: 'The browser refused to copy; copy the link below by hand.' }));
    }
  };

  const exportPng = async () => {
    const canvas = mapCanvas();
    if (!canvas || !model) return;
    setError(null);
    try {
      const attribution = document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '';
      const legendTitle = `${pick(model.indicator.name)}（${pick(model.unit)}）`;
      const image = composeMapImage(canvas, {
        title: pick({ zh: '江门规划一张图', en: 'Jiangmen Planning Atlas' }),
        subtitle: `${pick(model.indicator.name)} · ${yearText(model.indicator, model.year, lang)}${model.mode === 'target' ? pick({ zh: ' · 与目标的差距', en: ' · gap to target' }) : ''}`,
        legendTitle,
        legend: [...model.legend, model.noData].map((e) => ({ colour: e.colour, label: e.label })),
        notes: [
          ...model.caveats.map((c) => `⚠ ${pick(c.text)}`),
          ...model.sources.slice(0, 3).map((s) => `${pick({ zh: '来源：', en: 'Source: ' })}${citeSource(s, lang)}`),
        ],
        attribution,
      });
      download(await canvasToPngBlob(image), districtTableFileName(pick(model.indicator.name), model.indicator.yearLabel ? null : model.year).replace(/\.csv$/, '.png'));
    } catch (e) {
      setError(pick({ zh: `无法导出图片：${(e as Error).message}`, en: `Could not export the image: ${(e as Error).message}` }));
    }
  };

  const exportCsv = () => {
    if (!model) return;
    const csv = districtTableCsv(choroplethTableRows(model), undefined, lang);
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), districtTableFileName(pick(model.indicator.name), model.indicator.yearLabel ? null : model.year));
  };

  return (
    <div className="share-export">
      <button type="button" onClick={copy}>
        {pick({ zh: '复制链接', en: 'Copy link' })}
      </button>
      <button type="button" onClick={exportPng} disabled={!model}>
        {pick({ zh: '导出图片 PNG', en: 'Export PNG' })}
      </button>
      <button type="button" onClick={exportCsv} disabled={!model}>
        {pick({ zh: '导出表格 CSV', en: 'Export CSV' })}
      </button>
      {copied && (
        <p className="copied" role="status">
          {error ?? pick({ zh: '链接已复制：', en: 'Link copied: ' })}
          <input
            className="share-url"
            readOnly
            value={copied}
            aria-label={pick({ zh: '分享链接', en: 'Share link' })}
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      )}
      {error && !copied && (
        <p className="status status-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
