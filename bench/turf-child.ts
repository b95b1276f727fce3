/**
 * Runs the Turf reference in its own process, so the bench can abandon it after a minute.
 * Reads {facilities, radiusMetres} as JSON on stdin; prints {ms, result} as JSON on stdout.
 */
import { exactCoverageTurf } from '../src/domain/coverage/index.ts';
import { readDistricts } from '../scripts/coverage-inputs.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const { facilities, radiusMetres } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const districts = readDistricts();
const t0 = performance.now();
const result = exactCoverageTurf(districts, facilities, radiusMetres);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, result }));
