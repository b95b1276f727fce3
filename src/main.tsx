import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import { App } from './ui/App.tsx';
import { districtsQuery } from './data/useDistricts.ts';
import { indicatorsQuery } from './data/useIndicators.ts';

// MapLibre 6 cannot find its worker after bundling unless it is handed over explicitly.
setWorkerUrl(workerUrl);
// Its worker loads and starts while the data files arrive, not after the map is created (bench/README.md).
prewarm();

// Static files never change while the app runs: no refetching, no retries that hide a broken file.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});

// The data files are fetched while React and the map start, not after the first render.
void queryClient.prefetchQuery(districtsQuery);
void queryClient.prefetchQuery(indicatorsQuery);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
