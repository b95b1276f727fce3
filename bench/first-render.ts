/**
 * First render of the built app in headless Chromium: from navigation start to the moment the map
 * element reports data-map-ready="true" (the app sets it when the map is idle with the choropleth
 * drawn), against a local `vite preview` server, each load in a fresh browser context (cold cache).
 * Also the gzip size of every JavaScript file the page loads (workers included).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumExecutablePath, chromiumLaunchArgs } from '../e2e/support/chromium.ts';
import { REPO_ROOT } from '../scripts/coverage-inputs.ts';
import { measureInteraction, type InteractionResult } from './interaction.ts';

export type FirstRender =
  | {
      ok: true;
      medianMs: number;
      runsMs: number[];
      js: { file: string; bytes: number; gzipBytes: number }[];
      chromium: string;
      interaction?: InteractionResult | { error: string };
    }
  | { ok: false; reason: string; js?: { file: string; bytes: number; gzipBytes: number }[] };

const READY_TIMEOUT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Records when the map reports ready, timed from navigation start (performance.timeOrigin). */
const RECORD_READY = `
  (() => {
    const mark = () => {
      const map = document.querySelector('[data-testid="map"]');
      if (map && map.getAttribute('data-map-ready') === 'true' && window.__mapReadyAt === undefined)
        window.__mapReadyAt = performance.now();
    };
    new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-ready'] });
  })();
`;

/** `interaction`: also import this CSV of facilities and drag the radius (interaction.ts) on the same server. */
export async function measureFirstRender(
  runs: number,
  log: (line: string) => void,
  interaction?: { csvPath: string; facilities: number },
): Promise<FirstRender> {
  const executablePath = chromiumExecutablePath();
  if (!executablePath) return { ok: false, reason: 'no Chromium found (set CHROMIUM_PATH or put chromium on the PATH)' };
  log('building the app (vite build)…');
  try {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return { ok: false, reason: `vite build failed: ${(err.stderr?.toString() || err.message).trim().split('\n')[0]}` };
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let server: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath, args: chromiumLaunchArgs });
  try {
    server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
    await waitForServer(url, 30_000);
    const js = new Map<string, { file: string; bytes: number; gzipBytes: number }>();
    const runsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await context.newPage();
      if (i === 0)
        page.on('response', (response) => {
          const path = new URL(response.url()).pathname;
          if (!/\.m?js$/.test(path) || js.has(path)) return;
          response
            .body()
            .then((body) => js.set(path, { file: path.replace(/^\//, ''), bytes: body.length, gzipBytes: gzipSync(body).length }))
            .catch(() => undefined);
        });
      await page.addInitScript(RECORD_READY);
      await page.goto(url, { waitUntil: 'commit' });
      try {
        await page.waitForFunction(() => (window as unknown as { __mapReadyAt?: number }).__mapReadyAt !== undefined, undefined, {
          timeout: READY_TIMEOUT_MS,
        });
      } catch {
        const present = await page.locator('[data-testid="map"]').count();
        await context.close();
        return {
          ok: false,
          reason: present
            ? `the map element never reported data-map-ready="true" within ${READY_TIMEOUT_MS / 1000} s`
            : 'the page has no [data-testid="map"] element',
          js: [...js.values()],
        };
      }
      runsMs.push(await page.evaluate(() => (window as unknown as { __mapReadyAt: number }).__mapReadyAt));
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await context.close();
      log(`  load ${i + 1}/${runs}: ${runsMs[i]!.toFixed(0)} ms`);
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    let measured: InteractionResult | { error: string } | undefined;
    if (interaction) {
      log(`  importing ${interaction.facilities} facilities and dragging the radius…`);
      try {
        measured = await measureInteraction(browser, url, interaction.csvPath, interaction.facilities);
      } catch (e) {
        measured = { error: (e as Error).message.split('\n')[0]! };
      }
    }
    return {
      ok: true,
      medianMs: sorted[Math.floor(sorted.length / 2)]!,
      runsMs,
      js: [...js.values()].sort((a, b) => b.gzipBytes - a.gzipBytes),
      chromium: browser.version(),
      ...(measured && { interaction: measured }),
    };
  } finally {
    await browser.close();
    server?.kill();
  }
}
