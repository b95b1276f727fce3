import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeView, encodeView, type DecodeContext, type Notice, type ViewState } from '../domain/url-state.ts';

/**
 * The link as the page was opened, read before anything renders: the map rewrites the hash as
 * soon as it starts, and the view is decoded only once the data it names has loaded.
 */
const OPENED_WITH = { search: window.location.search, hash: window.location.hash };

export interface ViewStateHandle {
  state: ViewState;
  notices: Notice[];
  update: (change: (state: ViewState) => ViewState) => void;
  dismissNotices: () => void;
}

/**
 * The view state, read once from the link the page was opened with (after the data it refers to
 * has loaded, so unknown ids can be reported) and written back to the query string on every
 * change. The camera hash belongs to MapLibre (`hash: true`), which keeps it current; MapView
 * removes an invalid camera hash before the map reads it, so the map opens on the whole city.
 */
export function useViewState(context: DecodeContext | null): ViewStateHandle | null {
  const [state, setState] = useState<ViewState | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const decoded = useRef(false);

  useEffect(() => {
    if (!context || decoded.current) return;
    decoded.current = true;
    const result = decodeView(OPENED_WITH.search, OPENED_WITH.hash, context);
    setNotices(result.notices);
    setState(result.state);
  }, [context]);

  useEffect(() => {
    if (!state) return;
    const { search } = encodeView({ ...state, camera: null });
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', url);
    }
  }, [state]);

  const update = useCallback((change: (s: ViewState) => ViewState) => {
    setState((s) => (s ? change(s) : s));
  }, []);
  const dismissNotices = useCallback(() => setNotices([]), []);

  return state ? { state, notices, update, dismissNotices } : null;
}
