/**
 * One socket's turn in a line of events, taken synchronously when the event arrives.
 * `wait()` resolves once every earlier event in the line has called `done()`.
 */
export interface Turn {
  wait(): Promise<void>;
  done(): void;
}

/**
 * Keeps one connection's events in arrival order up to a chosen point (for sends: joining the
 * commit queue), while the work before that point (checks, lookups) runs concurrently. Without
 * it, a send whose check misses a cache can overtake by one that hits it, and take a later seq.
 */
export class ArrivalOrder {
  private tail: Promise<void> = Promise.resolve();

  take(): Turn {
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    return { wait: () => before, done: () => release() };
  }
}

/** For events and callers that keep no line. */
export const NO_TURN: Turn = { wait: () => Promise.resolve(), done: () => undefined };
