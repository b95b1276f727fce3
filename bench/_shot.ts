import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chromiumExecutablePath, chromiumLaunchArgs } from '../e2e/support/chromium.ts';
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', '4394', '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: chromiumLaunchArgs });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
for (const [q, out] of [[process.argv[2], '/tmp/a.png'], [process.argv[3], '/tmp/b.png']]) {
  await page.goto('http://127.0.0.1:4394/' + q);
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
}
await browser.close(); server.kill();
