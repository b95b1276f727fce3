import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IndicatorFile } from './validate.ts';

/** Test support only: reads the committed data files the way the app names them. */
const DATA_DIR = fileURLToPath(new URL('../../../data/indicators/', import.meta.url));

export function readIndicatorFile(file: string): IndicatorFile {
  return { name: `data/indicators/${file}`, json: JSON.parse(readFileSync(DATA_DIR + file, 'utf8')) as unknown };
}

export function readIndicatorFiles(): { catalogue: IndicatorFile; values: IndicatorFile[] } {
  const files = readdirSync(DATA_DIR).filter((f) => /^values-.+\.json$/.test(f)).sort();
  return { catalogue: readIndicatorFile('catalogue.json'), values: files.map(readIndicatorFile) };
}
