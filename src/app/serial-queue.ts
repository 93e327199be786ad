/**
 * Runs tasks one after another in arrival order; a failing task does not stop the ones after it.
 * Between tasks it yields to the event loop: with an in-process database (PGlite runs in this thread) a burst of
 * queued writes would otherwise run as one long chain of microtasks, starving the sockets that carry Discord's
 * interactions and our acknowledgements of them.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Tasks queued or running. */
  get size(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(yieldToEventLoop, yieldToEventLoop).then(task).finally(() => {
      this.waiting--;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has run. */
  async drain(): Promise<void> {
    await this.tail;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
