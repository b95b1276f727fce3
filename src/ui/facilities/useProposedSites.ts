/**
 * Proposed sites: placing them by clicking the map, and suggestions for the next ones (greedy
 * maximal covering in the coverage worker), which the user may adopt as proposed sites.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SuggestionResult } from '../../domain/coverage/index.ts';
import type { Facility } from '../../domain/facilities.ts';
import { MAX_SITES, SiteSchema, withCategoryVisible, withSiteAdded, withSiteRemoved, type Bilingual, type Site, type ViewState } from '../../domain/url-state.ts';
import type { CoverageWorkerHandle } from '../../workers/coverage-client.ts';
import { errorText } from './useLayerImport.ts';

export type CandidateKind = 'towns' | 'grid';

/** Candidate grid spacing when no points are given. */
export const SUGGESTION_GRID_METRES = 2000;

export interface SuggestionState {
  category: string;
  radius: number;
  candidates: CandidateKind;
  status: 'running' | 'done' | 'failed';
  result: SuggestionResult | null;
  error: Bilingual | null;
  adopted: number[];
  /** Facilities or radius changed since: the gains no longer hold. */
  outdated: boolean;
}

type Update = (change: (s: ViewState) => ViewState) => void;

export function useProposedSites(view: Pick<ViewState, 'sites'>, update: Update) {
  const [placing, setPlacing] = useState<string | null>(null);
  const [pickError, setPickError] = useState<Bilingual | null>(null);
  const startPlacing = useCallback((category: string) => {
    setPickError(null);
    setPlacing(category);
  }, []);
  const stopPlacing = useCallback(() => setPlacing(null), []);
  const addSite = useCallback(
    (site: Site) => {
      const parsed = SiteSchema.safeParse(site);
      if (!parsed.success) {
        setPickError({ zh: '该位置超出江门及周边范围，不能作为拟建设施点。', en: 'That position is outside the Jiangmen region and cannot be a proposed site.' });
        return false;
      }
      setPickError(null);
      update((s) =>
        s.sites.length >= MAX_SITES ? s : withCategoryVisible(withSiteAdded(s, parsed.data), parsed.data.category, true, []),
      );
      return true;
    },
    [update],
  );
  const sitesFull = view.sites.length >= MAX_SITES;
  useEffect(() => {
    if (sitesFull) setPlacing(null);
  }, [sitesFull]);
  const pick = useMemo(
    () => (placing === null ? null : (p: { lon: number; lat: number }) => void addSite({ category: placing, lng: p.lon, lat: p.lat, name: null })),
    [placing, addSite],
  );
  const removeSite = useCallback((index: number) => update((s) => withSiteRemoved(s, index)), [update]);

  return { sites: view.sites, maxSites: MAX_SITES, placing, startPlacing, stopPlacing, addSite, pick, removeSite, pickError };
}

interface SuggestionInputs {
  worker: CoverageWorkerHandle | null;
  radius: number | null;
  /** Every facility on the map, whatever its visibility: what a new site would add to. */
  available: readonly Facility[];
  townFacilities: readonly Facility[] | undefined;
  /** Bumped on every change of population model. */
  populationVersion: number;
  addSite: (site: Site) => boolean;
}

export function useSiteSuggestions({ worker, radius, available, townFacilities, populationVersion, addSite }: SuggestionInputs) {
  const [suggestion, setSuggestion] = useState<SuggestionState | null>(null);
  const suggestKey = useRef<{ available: readonly Facility[]; radius: number | null; populationVersion: number } | null>(null);
  const suggest = useCallback(
    (category: string, k: number, candidates: CandidateKind) => {
      if (!worker || radius === null) return;
      const existing = available.filter((f) => f.category === category).map(({ lon, lat }) => ({ lon, lat }));
      const spec =
        candidates === 'towns' && townFacilities
          ? { points: townFacilities.map(({ id, name, lon, lat }) => ({ id, name, lon, lat })) }
          : { spacingMetres: SUGGESTION_GRID_METRES };
      suggestKey.current = { available, radius, populationVersion };
      const base = { category, radius, candidates, adopted: [], outdated: false };
      setSuggestion({ ...base, status: 'running', result: null, error: null });
      worker.api.suggest(existing, radius, k, spec).then(
        (result) => setSuggestion((s) => (s && s.category === category && s.radius === radius ? { ...s, status: 'done', result } : s)),
        (e: unknown) =>
          setSuggestion({ ...base, status: 'failed', result: null, error: { zh: `选址计算出错：${errorText(e)}`, en: `Site suggestion failed: ${errorText(e)}` } }),
      );
    },
    [worker, radius, available, townFacilities, populationVersion],
  );
  const adoptSuggestion = useCallback(
    (index: number) => {
      const site = suggestion?.result?.sites[index];
      if (!suggestion || !site) return;
      if (addSite({ category: suggestion.category, lng: site.lon, lat: site.lat, name: null })) {
        setSuggestion((s) => (s ? { ...s, adopted: [...s.adopted, index] } : s));
      }
    },
    [suggestion, addSite],
  );
  // Gains hold for the facilities, radius and population they were computed with; adopting a
  // suggestion in order keeps them valid, anything else outdates them.
  useEffect(() => {
    const key = suggestKey.current;
    if (!key) return;
    const adoptedOnly =
      suggestion !== null &&
      available.length === key.available.length + suggestion.adopted.length &&
      available.slice(0, key.available.length).every((f, i) => f.id === key.available[i]!.id);
    const outdated = key.radius !== radius || key.populationVersion !== populationVersion || (available !== key.available && !adoptedOnly);
    setSuggestion((s) => (s && s.outdated !== outdated ? { ...s, outdated } : s));
    // `suggestion` is read as of this render on purpose: adopting changes it and the sites together.
  }, [available, radius, populationVersion]);

  return { suggestion, suggest, adoptSuggestion };
}
