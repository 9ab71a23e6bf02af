// The request deadline's promise to a write: once it has answered 503 nothing commits, and once a
// commit is on its way it does not answer 503 (the commit's outcome is the answer). The database
// side of it is in database-outage.test.ts.
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { requestDeadline } from "../src/lib/deadline.ts";
import type { AppEnv } from "../src/lib/env.ts";

const MS = 50;

/** An app whose one route runs `work` under a deadline of MS. */
function appWith(work: (deadline: AppEnv["Variables"]["deadline"]) => Promise<string>) {
  const app = new Hono<AppEnv>();
  app.use("*", requestDeadline(MS));
  app.post("/", async (c) => c.text(await work(c.var.deadline), 201));
  app.onError((err, c) => c.text(err.message, err instanceof HTTPException ? err.status : 500));
  return app;
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("request deadline", () => {
  it("answers 503 when the time is up, and refuses a commit asked for afterwards", async () => {
    let late: { claimed: boolean; aborted: boolean } | undefined;
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => (done = resolve));
    const app = appWith(async (deadline) => {
      await later(MS * 3);
      late = { claimed: deadline.claimCommit(), aborted: deadline.signal.aborted };
      done();
      return "committed";
    });
    const res = await app.request("/", { method: "POST" });
    expect(res.status).toBe(503);
    await finished;
    expect(late).toEqual({ claimed: false, aborted: true });
  });

  it("stands aside for a commit claimed in time: the request gets the commit's outcome, late", async () => {
    const app = appWith(async (deadline) => {
      expect(deadline.remainingMs()).toBeGreaterThan(0);
      expect(deadline.claimCommit()).toBe(true);
      await later(MS * 3);
      expect(deadline.signal.aborted).toBe(false);
      return "committed";
    });
    const res = await app.request("/", { method: "POST" });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("committed");
  });
});
