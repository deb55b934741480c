import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { serialQueue } from "../../src/lifecycle";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe("serialQueue", () => {
  it("never runs two restarts at once, and runs them in order", async () => {
    const queue = serialQueue();
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const restart = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      order.push(`stop ${name}`);
      await tick();
      order.push(`start ${name}`);
      await tick();
      running -= 1;
    };
    await Promise.all([queue.run(restart("a")), queue.run(restart("b")), queue.run(restart("c"))]);
    assert.equal(most, 1);
    assert.deepEqual(order, ["stop a", "start a", "stop b", "start b", "stop c", "start c"]);
  });

  it("goes on after a task fails, and reports the failure to its caller", async () => {
    const queue = serialQueue();
    const failed = queue.run(async () => {
      throw new Error("no server");
    });
    let ran = false;
    const next = queue.run(async () => {
      ran = true;
    });
    await assert.rejects(failed, /no server/);
    await next;
    assert.equal(ran, true);
  });
});
