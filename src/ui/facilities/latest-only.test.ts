import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only.ts';

/** A run whose calls resolve only when the test says so. */
function controlledRun() {
  const calls: { req: number; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const run = (req: number) => new Promise<string>((resolve, reject) => calls.push({ req, resolve, reject }));
  return { calls, run };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('keeps one request in flight and runs only the latest of those that came meanwhile', async () => {
    const { calls, run } = controlledRun();
    const delivered: [string, number][] = [];
    let idle = 0;
    const scheduler = latestOnly(run, (res, req) => delivered.push([res, req]), () => {}, () => idle++);
    scheduler.request(100);
    for (const r of [150, 200, 250, 300]) scheduler.request(r);
    expect(calls.map((c) => c.req)).toEqual([100]);
    expect(scheduler.busy).toBe(true);
    calls[0]!.resolve('r100');
    await tick();
    expect(calls.map((c) => c.req)).toEqual([100, 300]);
    expect(idle).toBe(0);
    calls[1]!.resolve('r300');
    await tick();
    expect(delivered).toEqual([
      ['r100', 100],
      ['r300', 300],
    ]);
    expect(scheduler.busy).toBe(false);
    expect(idle).toBe(1);
  });

  it('ignores the result in flight and drops the waiting request after cancel', async () => {
    const { calls, run } = controlledRun();
    const delivered: string[] = [];
    const scheduler = latestOnly(run, (res) => delivered.push(res), () => {});
    scheduler.request(1);
    scheduler.request(2);
    scheduler.cancel();
    calls[0]!.resolve('stale');
    await tick();
    expect(delivered).toEqual([]);
    expect(calls).toHaveLength(1);
    scheduler.request(3);
    await tick();
    calls[1]!.resolve('fresh');
    await tick();
    expect(delivered).toEqual(['fresh']);
  });

  it('reports a failure and goes on with the next request', async () => {
    const { calls, run } = controlledRun();
    const failed: number[] = [];
    const delivered: string[] = [];
    const scheduler = latestOnly(run, (res) => delivered.push(res), (_e, req) => failed.push(req));
    scheduler.request(1);
    scheduler.request(2);
    calls[0]!.reject(new Error('boom'));
    await tick();
    calls[1]!.resolve('ok');
    await tick();
    expect(failed).toEqual([1]);
    expect(delivered).toEqual(['ok']);
  });
});
