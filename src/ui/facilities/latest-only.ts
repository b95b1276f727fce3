/**
 * At most one request in flight, latest wins: while the worker computes, newer requests replace
 * each other, and only the last one runs next. A radius slider fires dozens of inputs a second;
 * queueing them all would leave the map showing numbers for a radius the user has long left.
 */
export interface LatestOnly<Req> {
  request(req: Req): void;
  /** Drops the waiting request and ignores the result of the one in flight. */
  cancel(): void;
  readonly busy: boolean;
}

export function latestOnly<Req, Res>(
  run: (req: Req) => Promise<Res>,
  deliver: (res: Res, req: Req) => void,
  fail: (error: unknown, req: Req) => void,
  /** Called when nothing is left to run (e.g. to clear a busy indicator). */
  idle: () => void = () => {},
): LatestOnly<Req> {
  let waiting: { req: Req } | null = null;
  let busy = false;
  let epoch = 0;

  async function pump() {
    busy = true;
    while (waiting) {
      const { req } = waiting;
      waiting = null;
      const started = epoch;
      try {
        const res = await run(req);
        if (started === epoch) deliver(res, req);
      } catch (error) {
        if (started === epoch) fail(error, req);
      }
    }
    busy = false;
    idle();
  }

  return {
    request(req) {
      waiting = { req };
      if (!busy) void pump();
    },
    cancel() {
      waiting = null;
      epoch++;
    },
    get busy() {
      return busy;
    },
  };
}
