// Destructive and privilege changes (deactivating or demoting or promoting a user, deactivating a
// venue, cancelling a booking) are asked about first; without a terminal they need --yes.
import { UserSchema, VenueSchema } from "@venue-booking/contract";
import { addDays, localDateTime } from "@venue-booking/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBooking } from "../src/commands/bookings/show.ts";
import { setStatusAction } from "../src/commands/bookings/set-status.ts";
import { changeUserAction } from "../src/commands/users/change.ts";
import { EXIT } from "../src/exit-codes.ts";
import { nextPhone, perform, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";
import { runInProcess } from "./in-process.ts";

const DAY = addDays(localDateTime(new Date()).date, 4);

describe("confirmations", () => {
  it("without a terminal, refuses every destructive or privilege change without --yes, before sending anything", async () => {
    for (const argv of [
      ["users", "deactivate", "+998901111111"],
      ["users", "demote", "5"],
      ["users", "promote", "5"],
      ["bookings", "set-status", "5", "cancelled"],
      ["venues", "delete", "5"],
    ]) {
      const r = await runInProcess(argv);
      expect(r.code, argv.join(" ")).toBe(EXIT.USAGE);
      expect(r.stderr, argv.join(" ")).toMatch(
        /^error: refusing to (deactivate a user|demote a user|promote a user|cancel a booking|delete) without --yes\n$/,
      );
      expect(r.requests, argv.join(" ")).toEqual([]);
    }
  });

  it("refuses in the admin's language without a terminal", async () => {
    for (const [lang, argv, text] of [
      ["ru", ["venues", "delete", "5"], "ошибка: без --yes не выполняю: отключение площадки\n"],
      ["uz", ["users", "promote", "5"], "xato: --yes bo'lmasa bajarilmaydi: administrator qilish\n"],
      ["ru", ["bookings", "set-status", "5", "cancelled"], "ошибка: без --yes не выполняю: отмена бронирования\n"],
    ] as const) {
      const r = await runInProcess([...argv], undefined, { VENUE_ADMIN_LANG: lang });
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.stderr).toBe(text);
      expect(r.requests).toEqual([]);
    }
  });

  describe("against the API", () => {
    let t: CliHarness;
    beforeAll(async () => {
      t = await startCliHarness();
    });
    afterAll(async () => t.close());

    it("asks before deactivating, demoting or promoting a user, naming them; no keeps them as they are", async () => {
      const phone = nextPhone();
      const { userId } = await t.api.tokensFor(phone);
      for (const change of ["deactivate", "promote"] as const) {
        const { ctx, asked, lines } = t.context({ interactive: true, answers: [false] });
        expect(await perform(ctx, changeUserAction(ctx, change, phone))).toBeNull();
        expect(asked).toHaveLength(1);
        expect(asked[0]).toContain(`user #${userId} ${phone}`);
        expect(lines.join("")).toBe(`user #${userId} unchanged\n`);
      }
      const users = await t.api.deps.repos.users.get(userId);
      expect(users).toMatchObject({ isActive: true, isAdmin: false });

      const yes = t.context({ interactive: true, answers: [true] });
      expect(await perform(yes.ctx, changeUserAction(yes.ctx, "promote", phone))).toMatchObject({ is_admin: true });
      expect(yes.asked[0]).toMatch(/^Give admin rights to user #\d+ \+998\d{9}\?/);
      // verify and activate only give: nothing is asked, even on a terminal
      const verify = t.context({ interactive: true });
      expect(await perform(verify.ctx, changeUserAction(verify.ctx, "verify", phone))).toMatchObject({ is_verified: true });
      expect(verify.asked).toEqual([]);
      // and through the command line, --yes goes without asking
      const r = await t.program(["users", "demote", phone, "--yes", "--json"]);
      expect(r.code).toBe(EXIT.OK);
      expect(UserSchema.parse(JSON.parse(r.stdout)).is_admin).toBe(false);
    });

    it("asks in the admin's language", async () => {
      const phone = nextPhone();
      const { userId } = await t.api.tokensFor(phone);
      const ru = t.context({ interactive: true, answers: [false], env: { VENUE_ADMIN_LANG: "ru" } });
      expect(await perform(ru.ctx, changeUserAction(ru.ctx, "deactivate", phone))).toBeNull();
      expect(ru.asked[0]).toBe(`Отключить пользователя #${userId} ${phone}? Он больше не сможет войти и бронировать.`);
      const uz = t.context({ interactive: true, answers: [false], env: { VENUE_ADMIN_LANG: "uz" } });
      expect(await perform(uz.ctx, changeUserAction(uz.ctx, "promote", phone))).toBeNull();
      expect(uz.asked[0]).toMatch(new RegExp(`^#${userId} \\${phone} foydalanuvchiga administrator huquqlari berilsinmi\\?`));
    });

    it("tells an admin who tries to deactivate or demote themself, before asking or sending", async () => {
      const { ctx } = t.context({ interactive: true });
      const me = await ctx.api.get("/api/auth/me/", UserSchema);
      for (const change of ["deactivate", "demote"] as const) {
        await expect(changeUserAction(ctx, change, me.phone)).rejects.toThrow(
          `user #${me.id} is you: an admin cannot ${change} themself; another admin has to do it`,
        );
        await expect(changeUserAction(t.context().ctx, change, String(me.id), { yes: true })).rejects.toThrow(/is you/);
      }
      expect(await ctx.api.get("/api/auth/me/", UserSchema)).toMatchObject({ is_active: true, is_admin: true });
    });

    it("asks before cancelling a booking, showing which one; other statuses are not asked about", async () => {
      const { ctx } = t.context();
      const venue = await ctx.api.post(
        "/api/venues/",
        { name: { ru: "Поле отмен" }, address: { ru: "ул. 5" }, price_per_hour: "1000" },
        VenueSchema,
      );
      const player = nextPhone();
      const { userId } = await t.api.tokensFor(player);
      const b = await t.api.book(userId, { venue_id: venue.id, booking_date: DAY, start_time: "14:00", end_time: "15:00" });

      const no = t.context({ interactive: true, answers: [false] });
      expect(await perform(no.ctx, setStatusAction(no.ctx, String(b.id), "cancelled", {}))).toBeNull();
      expect(no.asked).toEqual([`Cancel booking #${b.id}: Поле отмен, ${weekday(DAY)} ${DAY} 14:00-15:00, ${player}?`]);
      expect(no.lines.join("")).toBe(`booking #${b.id} stays pending\n`);
      expect((await getBooking(ctx, b.id)).status).toBe("pending");

      const confirm = t.context({ interactive: true });
      expect((await perform(confirm.ctx, setStatusAction(confirm.ctx, String(b.id), "confirmed", {})))?.status).toBe("confirmed");
      expect(confirm.asked).toEqual([]);

      const r = await t.program(["bookings", "set-status", String(b.id), "cancelled", "--reason", "rain", "--yes"]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(`booking #${b.id} is now cancelled\n`);
    });
  });
});

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });
