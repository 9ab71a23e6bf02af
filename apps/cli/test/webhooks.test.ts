// Webhooks from the command line, against an API whose dispatcher runs as in every API process: a
// receiver on loopback registered, pinged and read back; one that fails; changes, pausing and
// removal; the checks made before anything is sent; and the menu.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { pageSchema, WEBHOOK_EVENTS, WebhookCreatedSchema, WebhookDeliverySchema } from "@venue-booking/contract";
import type { WebhookCreated } from "@venue-booking/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../api/src/infra/logger.ts";
import { startDispatcher } from "../../api/src/services/dispatcher.ts";
import { EXIT } from "../src/exit-codes.ts";
import { startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

type Receiver = { url: string; got: { headers: IncomingHttpHeaders; body: string }[]; close(): Promise<void> };

/** A receiver on loopback that answers each request with the next of `answers` (then 200). */
async function receiver(answers: number[] = []): Promise<Receiver> {
  const got: Receiver["got"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Standard Webhooks signature by hand: base64 HMAC-SHA256 of "id.timestamp.body", keyed with the secret's base64 part. */
function signature(secret: string, h: IncomingHttpHeaders, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key)
    .update(`${String(h["webhook-id"])}.${String(h["webhook-timestamp"])}.${body}`)
    .digest("base64")}`;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const LOCAL_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";
/** A next try, seconds away: today's time to the second (or with its date just before midnight). */
const NEXT_TRY = "(\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d";
const SHOWN_ONCE = "the secret is shown only this once: keep it now; the receiver checks each request's webhook-signature header with it";
const DeliveryPageSchema = pageSchema(WebhookDeliverySchema, "WebhookDeliveryPage");

describe("webhooks", () => {
  let t: CliHarness;
  let stopDispatcher: () => Promise<void>;
  const receivers: Receiver[] = [];
  beforeAll(async () => {
    // The dispatcher looks for work every 50 ms here (every second by default), so a ping goes out at once.
    t = await startCliHarness({ dispatchIntervalMs: 50 });
    stopDispatcher = startDispatcher(t.api.deps, silentLogger);
  });
  afterAll(async () => {
    await stopDispatcher();
    await Promise.all(receivers.map((r) => r.close()));
    await t.close();
  });

  const listen = async (answers: number[] = []) => {
    const r = await receiver(answers);
    receivers.push(r);
    return r;
  };
  const ok = async (argv: string[], env?: Record<string, string>) => {
    const r = await t.program(argv, env ? { env } : {});
    expect(r.stderr, argv.join(" ")).toBe("");
    expect(r.code, argv.join(" ")).toBe(EXIT.OK);
    return r.stdout;
  };
  const add = async (url: string, flags: string[] = ["--all"]): Promise<WebhookCreated> =>
    WebhookCreatedSchema.parse(JSON.parse(await ok(["webhooks", "add", url, ...flags, "--json"])));

  it("adds a webhook for some events with its secret, lists it, pings it and shows the delivery", async () => {
    const r = await listen();
    const added = await ok(["webhooks", "add", r.url, "--events", "booking.created,booking.cancelled"]);
    const [, id = "", secret = ""] = /^webhook #(\d+) added: .*\nsecret: (whsec_\S+)\n/.exec(added) ?? [];
    expect(added).toBe(`webhook #${id} added: ${r.url} (booking.created, booking.cancelled)\nsecret: ${secret}\n${SHOWN_ONCE}\n`);

    const list = (await ok(["webhooks", "list"])).split("\n");
    expect(list[0]).toBe("ID\tURL\tEvents\tState\tSince");
    expect(list).toContainEqual(
      expect.stringMatching(new RegExp(`^${id}\t${esc(r.url)}\tbooking.created, booking.cancelled\tactive\t${LOCAL_TIME}$`)),
    );

    // queued, sent by the dispatcher, and read back: the receiver got a ping signed with the secret shown once
    const pinged = await ok(["webhooks", "test", id]);
    const [, delivery = ""] =
      new RegExp(`^ping delivered to ${esc(r.url)}: HTTP 200 in \\d+ ms \\(delivery #(\\d+)\\)\\n$`).exec(pinged) ?? [];
    expect(delivery).not.toBe("");
    expect(r.got).toHaveLength(1);
    const [request] = r.got;
    expect(JSON.parse(request!.body)).toMatchObject({ type: "ping", data: { webhook_id: Number(id) } });
    expect(request!.headers["webhook-signature"]).toBe(signature(secret, request!.headers, request!.body));

    const log = (await ok(["webhooks", "deliveries", id])).split("\n");
    expect(log[0]).toBe("At (Asia/Tashkent)\tEvent\tStatus\tAttempts\tLast code/error");
    expect(log[1]).toMatch(new RegExp(`^${LOCAL_TIME}\tping\tdelivered\t1\tHTTP 200$`));
    const json = DeliveryPageSchema.parse(JSON.parse(await ok(["webhooks", "deliveries", id, "--json"])));
    expect(json.results).toEqual([
      expect.objectContaining({
        id: Number(delivery),
        event_type: "ping",
        status: "delivered",
        tries: [expect.objectContaining({ status_code: 200 })],
      }),
    ]);

    // in the admin's language
    const ru = await ok(["webhooks", "test", id], { VENUE_ADMIN_LANG: "ru" });
    expect(ru).toMatch(new RegExp(`^проверка доставлена на ${esc(r.url)}: HTTP 200 за \\d+ мс \\(доставка #\\d+\\)\\n$`));
    expect((await ok(["webhooks", "list"], { VENUE_ADMIN_LANG: "uz" })).split("\n")[0]).toBe("ID\tManzil\tHodisalar\tHolati\tQo'shilgan");
  });

  it("says a ping that failed is not delivered yet, with the receiver's answer and the next try, and exits 1", async () => {
    const r = await listen([500, 500]);
    const w = await add(r.url);
    expect(w).toMatchObject({ url: r.url, events: ["*"], is_active: true });
    expect(w.secret).toMatch(/^whsec_/);

    const failed = await t.program(["webhooks", "test", String(w.id)]);
    expect(failed.code).toBe(EXIT.FAILURE);
    expect(failed.stdout).toMatch(
      new RegExp(`^ping to ${esc(r.url)} not delivered yet: try 1 failed with HTTP 500; next try at ${NEXT_TRY} \\(delivery #\\d+\\)\\n$`),
    );
    expect(failed.stderr).toBe(`error: the ping was not delivered; every try: venue-admin webhooks deliveries ${w.id}\n`);
    expect(r.got).toHaveLength(1);

    const log = (await ok(["webhooks", "deliveries", String(w.id)])).split("\n");
    expect(log[1]).toMatch(new RegExp(`^${LOCAL_TIME}\tping\tpending, next ${NEXT_TRY}\t1\tHTTP 500$`));
    // --json prints the delivery as it stood, and still exits 1
    const json = await t.program(["webhooks", "test", String(w.id), "--json"]);
    expect(json.code).toBe(EXIT.FAILURE);
    expect(WebhookDeliverySchema.parse(JSON.parse(json.stdout))).toMatchObject({
      event_type: "ping",
      status: "pending",
      last_status_code: 500,
      tries: [expect.objectContaining({ status_code: 500, error: "HTTP 500" })],
    });
  });

  it("changes the URL and events, pauses and resumes, asks on a terminal, and removes after asking", async () => {
    const r = await listen();
    const id = String((await add(r.url, ["--events", "booking.created"])).id);
    const v2 = `${r.url}/v2`;
    expect(await ok(["webhooks", "update", id, "--url", v2, "--events", "booking.confirmed,booking.cancelled"])).toBe(
      `webhook #${id} updated: ${v2} (booking.confirmed, booking.cancelled), active\n`,
    );
    expect(await ok(["webhooks", "update", id, "--pause"])).toBe(
      `webhook #${id} updated: ${v2} (booking.confirmed, booking.cancelled), paused\n`,
    );
    expect((await ok(["webhooks", "list"])).split("\n")).toContainEqual(
      expect.stringMatching(new RegExp(`^${id}\t${esc(v2)}\t.*\tpaused\t`)),
    );
    expect(await ok(["webhooks", "update", id, "--resume", "--all"])).toBe(`webhook #${id} updated: ${v2} (every event), active\n`);

    // no flags on a terminal: each value asked, enter keeping the URL
    const asked = await t.program(["webhooks", "update", id], { interactive: true, answers: ["", "booking.expired", false] });
    expect(asked.stderr).toBe("");
    expect(asked.stdout).toBe(`webhook #${id} updated: ${v2} (booking.expired), paused\n`);
    expect(asked.asked).toEqual([
      "URL (enter keeps it):",
      "Events to send (space marks one, enter ends):",
      "Active (events are sent to it)?",
    ]);
    const same = await t.program(["webhooks", "update", id], { interactive: true, answers: ["", "booking.expired", false] });
    expect(same.stdout).toBe(`webhook #${id} unchanged\n`);

    // removed only when confirmed
    const refused = await t.program(["webhooks", "remove", id]);
    expect(refused.code).toBe(EXIT.USAGE);
    expect(refused.stderr).toBe("error: refusing to remove a webhook without --yes\n");
    const kept = await t.program(["webhooks", "remove", id], { interactive: true, answers: [false] });
    expect(kept.stdout).toBe("kept\n");
    expect(kept.asked).toEqual([`Remove webhook #${id} (${v2})? It gets no more events, and its delivery log is deleted.`]);
    expect(await ok(["webhooks", "remove", id, "--yes"])).toBe(`webhook #${id} removed\n`);
    expect(await ok(["webhooks", "list"])).not.toMatch(new RegExp(`^${id}\t`, "m"));
    const gone = await t.program(["webhooks", "test", id]);
    expect(gone.code).toBe(EXIT.FAILURE);
    expect(gone.stderr).toMatch(/^error: .*\[WEBHOOK_NOT_FOUND\]\n$/);
  });

  it("asks for the events on a terminal, and checks what was typed before anything is sent", async () => {
    const r = await listen();
    const chosen = await t.program(["webhooks", "add", r.url], { interactive: true, answers: ["booking.created,booking.expired"] });
    expect(chosen.stdout).toMatch(new RegExp(`^webhook #\\d+ added: ${esc(r.url)} \\(booking.created, booking.expired\\)\n`));
    const all = await t.program(["webhooks", "add", r.url], { interactive: true, answers: ["*,booking.created"] });
    expect(all.stdout).toMatch(/ \(every event\)\n/);

    const known = WEBHOOK_EVENTS.join(", ");
    const refusals: [string[], string][] = [
      [["webhooks", "add", r.url], "error: missing --events or --all\n"],
      [
        ["webhooks", "add", r.url, "--events", "booking.made,booking.created"],
        `error: invalid --events: booking.made (event types, comma-separated: ${known}; or --all)\n`,
      ],
      [["webhooks", "add", r.url, "--events", ""], `error: invalid --events: "" (event types, comma-separated: ${known}; or --all)\n`],
      [["webhooks", "add", r.url, "--events", "booking.created", "--all"], "error: use --events or --all, not both\n"],
      [["webhooks", "update", "3"], "error: nothing to change: pass at least one flag (see --help)\n"],
      [["webhooks", "update", "3", "--pause", "--resume"], "error: use --pause or --resume, not both\n"],
      [["webhooks", "deliveries", "x"], "error: invalid id: x\n"],
    ];
    for (const [argv, stderr] of refusals) {
      const refused = await runInProcess(argv);
      expect(refused.stderr, argv.join(" ")).toBe(stderr);
      expect(refused.code, argv.join(" ")).toBe(EXIT.USAGE);
      expect(refused.requests, argv.join(" ")).toEqual([]);
    }
    const notUrl = await runInProcess(["webhooks", "add", "ftp://bot.example.uz/hook", "--all"]);
    expect(notUrl.code).toBe(EXIT.USAGE);
    expect(notUrl.stderr).toMatch(/^error: invalid webhook: url: /);
    expect(notUrl.requests).toEqual([]);
  });

  it("adds and pings from the menu, the webhook chosen from the list", async () => {
    const r = await listen();
    const added = await t.program([], {
      interactive: true,
      answers: ["webhooks", "webhooks add", r.url, "booking.cancelled", "back", "quit"],
    });
    expect(added.stderr).toBe("");
    const id = /webhook #(\d+) added: /.exec(added.stdout)?.[1] ?? "";
    expect(added.stdout).toContain(`webhook #${id} added: ${r.url} (booking.cancelled)\nsecret: whsec_`);

    const pinged = await t.program([], { interactive: true, answers: ["webhooks", "webhooks test", id, "back", "quit"] });
    expect(pinged.stderr).toBe("");
    expect(pinged.code).toBe(EXIT.OK);
    expect(pinged.asked).toContain("Webhook:");
    expect(pinged.stdout).toMatch(new RegExp(`^ping delivered to ${esc(r.url)}: HTTP 200 in \\d+ ms`, "m"));
    expect(r.got).toHaveLength(1);
  });
});
