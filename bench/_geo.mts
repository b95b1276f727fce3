import { readFileSync } from 'node:fs';
import { area, polygon, intersect, featureCollection, booleanIntersects } from '@turf/turf';
const fc = JSON.parse(readFileSync('public/geo/districts.geojson', 'utf8'));
for (const f of fc.features) {
  const g = f.geometry;
  if (g.type !== 'MultiPolygon') continue;
  const polys = g.coordinates.map((c: any) => polygon(c));
  for (let i = 0; i < polys.length; i++) for (let j = i + 1; j < polys.length; j++) {
    if (!booleanIntersects(polys[i], polys[j])) continue;
    const x = intersect(featureCollection([polys[i], polys[j]]));
    console.log(f.properties.name, i, j, 'overlap m2', x ? Math.round(area(x)) : 0, 'areas', Math.round(area(polys[i])), Math.round(area(polys[j])));
  }
}
// also: do districts overlap each other?
const F = fc.features;
for (let i = 0; i < F.length; i++) for (let j = i + 1; j < F.length; j++) {
  const x = intersect(featureCollection([F[i], F[j]]));
  if (x && area(x) > 1e4) console.log('districts', F[i].properties.name, F[j].properties.name, 'overlap km2', (area(x) / 1e6).toFixed(2));
}
