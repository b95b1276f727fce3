import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so scripts run from any working directory. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourcesRoot = join(repoRoot, 'scripts', 'data-sources', 'node_modules');

/** Path of a file inside an installed data-source package (see scripts/data-sources). */
export function sourcePath(pkg: string, file: string): string {
  return join(sourcesRoot, pkg, file);
}

export function sourceVersion(pkg: string): string {
  return (JSON.parse(readFileSync(sourcePath(pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Region the land layer and the coastline check are clipped to: Jiangmen with a margin. */
export const REGION_BBOX: [number, number, number, number] = [111.6, 21.3, 113.8, 23.2];

export function writeGeoJson(relativePath: string, value: unknown): void {
  const path = join(repoRoot, relativePath);
  writeFileSync(path, JSON.stringify(value) + '\n');
  console.log(`wrote ${relativePath}`);
}
