import { DEFAULT_VISIBLE_LAYERS, MAP_LAYERS, visibleLayers } from '../map/layers/catalogue.ts';
import { withLayerVisible, type ViewState } from '../domain/url-state.ts';
import { tiandituKey } from '../map/layers/online-basemaps.ts';
import { usePick } from './i18n.ts';

/** Which map layers are drawn; the choice travels in the link's `layers` parameter. */
export function LayerToggles({ view, update }: { view: ViewState; update: (change: (s: ViewState) => ViewState) => void }) {
  const pick = usePick();
  const visible = visibleLayers(view.layers);
  return (
    <fieldset className="panel layer-toggles">
      <legend>{pick({ zh: '图层', en: 'Layers' })}</legend>
      {MAP_LAYERS.map((layer) => (
        <label key={layer.id} className="check">
          <input
            type="checkbox"
            checked={visible.has(layer.id)}
            disabled={layer.id === 'tianditu' && tiandituKey() === null}
            onChange={(e) => update((s) => withLayerVisible(s, layer.id, e.target.checked, DEFAULT_VISIBLE_LAYERS))}
          />
          {pick(layer.name)}
        </label>
      ))}
    </fieldset>
  );
}
