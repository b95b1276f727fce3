import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeView, encodeView, type DecodeContext, type Notice, type ViewState } from '../domain/url-state.ts';

const CAMERA_PARAMS = new Set(['camera', 'zoom', 'lat', 'lng', 'bearing', 'pitch']);

export interface ViewStateHandle {
  state: ViewState;
  notices: Notice[];
  update: (change: (state: ViewState) => ViewState) => void;
  dismissNotices: () => void;
}

/**
 * The view state, read once from the link the page was opened with (after the data it refers to
 * has loaded, so unknown ids can be reported) and written back to the query string on every
 * change. The camera hash belongs to MapLibre (`hash: true`), which keeps it current; an invalid
 * camera hash is removed before the map reads it, so the map opens on the whole city instead.
 */
export function useViewState(context: DecodeContext | null): ViewStateHandle | null {
  const [state, setState] = useState<ViewState | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const decoded = useRef(false);

  useEffect(() => {
    if (!context || decoded.current) return;
    decoded.current = true;
    const result = decodeView(window.location.search, window.location.hash, context);
    if (result.notices.some((n) => CAMERA_PARAMS.has(n.param))) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
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
