/** Calls `fn` once `ms` milliseconds have passed without another call; `flush` runs it now. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  const call = (...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  call.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  call.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return call;
}

/**
 * Runs async work for the latest input only: while one run is in flight, further inputs
 * replace each other and the last one runs when the first finishes.
 */
export function latestOnly<I, O>(work: (input: I) => Promise<O>, done: (output: O, input: I) => void, failed: (error: unknown) => void) {
  let running = false;
  let queued: { input: I } | undefined;
  const start = async (input: I) => {
    running = true;
    try {
      const output = await work(input);
      if (!queued) done(output, input);
    } catch (error) {
      if (!queued) failed(error);
    } finally {
      running = false;
      const next = queued;
      queued = undefined;
      if (next) void start(next.input);
    }
  };
  return (input: I) => {
    if (running) queued = { input };
    else void start(input);
  };
}
