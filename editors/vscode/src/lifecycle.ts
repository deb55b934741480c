// Runs the server's start, stop and restart one at a time: a restart asked for while another is
// still stopping or starting waits for it, so two clients are never started side by side.
// Pure (no vscode import), so it can be unit tested.

export type Task = () => Promise<void>;

export interface Queue {
  /** Runs `task` after every task queued before it has settled; resolves or rejects with it. */
  run(task: Task): Promise<void>;
}

export function serialQueue(): Queue {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(task: Task): Promise<void> {
      const next = tail.then(task, task);
      // A failed task must not stop the ones after it.
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
