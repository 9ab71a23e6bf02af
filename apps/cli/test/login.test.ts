// Interactive sign-in: a mistyped code is asked again instead of ending the sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_ATTEMPTS, loginAction } from "../src/commands/auth/login.ts";
import { perform, nextPhone, startCliHarness } from "./harness.ts";
import type { CliHarness } from "./harness.ts";

/** A six-digit code that is not `code`. */
const wrong = (code: string) => code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

describe("login on a terminal", () => {
  let t: CliHarness;
  beforeAll(async () => {
    t = await startCliHarness();
  });
  afterAll(async () => t.close());

  /** A terminal session whose code answers come from `codes`, given the code that was sent. */
  function session(phone: string, codes: ((sent: string) => string)[], env: Record<string, string> = {}) {
    const c = t.context({ token: null, interactive: true, env: { VENUE_ADMIN_CONFIG_DIR: `${t.configDir}/${phone}`, ...env } });
    const { ctx, asked } = c;
    ctx.prompter = {
      ...ctx.prompter,
      input: (o) => {
        asked.push(o.message);
        if (/^(Phone|Телефон|Telefon)/.test(o.message)) return Promise.resolve(phone);
        const next = codes.shift();
        if (!next) return Promise.reject(new Error(`unexpected question: ${o.message}`));
        return Promise.resolve(next(t.api.sms.lastCode(phone)!));
      },
    };
    return c;
  }

  it("asks again after a mistyped code, and the code that was sent still signs in", async () => {
    const phone = nextPhone();
    const { ctx, asked, lines } = session(phone, [wrong, (sent) => sent]);
    const user = await perform(ctx, loginAction(ctx, {}));
    expect(user?.phone).toBe(phone);
    expect(lines.join("")).toContain(`signed in as ${phone}`);
    expect(asked).toEqual([
      "Phone (+998XXXXXXXXX):",
      `Code sent to ${phone}:`,
      `Wrong or expired code (${CODE_ATTEMPTS - 1} tries left); code sent to ${phone}:`,
    ]);
    // one code was sent: the mistake did not cost another
    expect(t.api.sms.sent.filter((s) => s.phone === phone)).toHaveLength(1);
  });

  it("stops at the API's limit of wrong codes with what to do next", async () => {
    const phone = nextPhone();
    const { ctx, asked } = session(
      phone,
      Array.from({ length: CODE_ATTEMPTS + 1 }, () => wrong),
    );
    await expect(loginAction(ctx, {})).rejects.toThrow(
      `too many wrong codes: the code sent to ${phone} no longer works; run \`venue-admin login\` again for a new one`,
    );
    expect(asked.filter((q) => q.includes("code sent to") || q.startsWith("Code sent"))).toHaveLength(CODE_ATTEMPTS);
    expect(asked.at(-1)).toBe(`Wrong or expired code (1 try left); code sent to ${phone}:`);
    expect(ctx.credentials.read()).toBeUndefined();
  });

  it("asks again, signs in and stops at the limit in VENUE_ADMIN_LANG", async () => {
    const phone = nextPhone();
    const ru = session(phone, [wrong, (sent) => sent], { VENUE_ADMIN_LANG: "ru" });
    await perform(ru.ctx, loginAction(ru.ctx, {}));
    expect(ru.asked).toEqual([
      "Телефон (+998XXXXXXXXX):",
      `Код отправлен на ${phone}:`,
      `Неверный или просроченный код (осталось попыток: ${CODE_ATTEMPTS - 1}); код отправлен на ${phone}:`,
    ]);
    expect(ru.lines.join("")).toContain(`вход выполнен: ${phone}; токены сохранены в `);
    expect(ru.lines.join("")).toContain("примечание: этот пользователь не администратор");

    const other = nextPhone();
    const uz = session(
      other,
      Array.from({ length: CODE_ATTEMPTS + 1 }, () => wrong),
      { VENUE_ADMIN_LANG: "uz" },
    );
    await expect(loginAction(uz.ctx, {})).rejects.toThrow(`noto'g'ri kodlar juda ko'p: ${other} raqamiga yuborilgan kod endi ishlamaydi`);
    expect(uz.asked.at(-1)).toBe(`Kod noto'g'ri yoki muddati o'tgan (1 ta urinish qoldi); kod ${other} raqamiga yuborildi:`);

    const sent = session(nextPhone(), [], { VENUE_ADMIN_LANG: "ru" });
    await perform(sent.ctx, loginAction({ ...sent.ctx, interactive: false }, { phone: other }));
    expect(sent.lines.join("")).toBe(`код отправлен на ${other}; завершите так: venue-admin login --phone ${other} --code <код>\n`);
  });

  it("with --code, a wrong code still fails at once (scripts decide themselves)", async () => {
    const phone = nextPhone();
    const { ctx } = session(phone, []);
    await perform(ctx, loginAction({ ...ctx, interactive: false }, { phone }));
    await expect(loginAction(ctx, { phone, code: wrong(t.api.sms.lastCode(phone)!) })).rejects.toThrow(/OTP_INVALID/);
  });
});
