// login, logout, whoami.
import { isPhone } from "@venue-booking/core";
import type { Command } from "commander";
import type { CliContext } from "../context.ts";
import { need } from "../context.ts";
import { CliError } from "../errors.ts";
import type { Register } from "./types.ts";

type User = { id: number; phone: string; name: string; is_admin: boolean; is_active: boolean; is_verified: boolean };

export async function loginAction(ctx: CliContext, opts: { phone?: string; code?: string }): Promise<User | undefined> {
  const phone = await need(ctx, opts.phone, "--phone", "Phone (+998XXXXXXXXX):", (v) => isPhone(v) || "+998 and 9 digits");
  if (!isPhone(phone)) throw new CliError("invalid --phone: expected +998 followed by 9 digits", 2);
  let code = opts.code;
  if (!code) {
    await ctx.api.post("/api/auth/send-otp/", { phone }, { auth: false });
    if (!ctx.interactive) {
      ctx.out.line(`code sent to ${phone}; finish with: venue-admin login --phone ${phone} --code <code>`);
      return undefined;
    }
    code = await ctx.prompter.input({ message: `Code sent to ${phone}:`, validate: (v) => /^\d{6}$/.test(v) || "6 digits" });
  }
  const r = await ctx.api.post<{ access: string; refresh: string; user: User }>("/api/auth/verify-otp/", { phone, code }, { auth: false });
  ctx.credentials.write({ apiUrl: ctx.api.baseUrl, access: r.access, refresh: r.refresh, phone });
  ctx.out.line(`signed in as ${phone}${r.user.is_admin ? " (admin)" : ""}; tokens saved in ${ctx.credentials.file}`);
  if (!r.user.is_admin) ctx.out.line("note: this user is not an admin; add the phone to ADMIN_PHONES and sign in again");
  return r.user;
}

export async function logoutAction(ctx: CliContext): Promise<void> {
  ctx.out.line(ctx.credentials.clear() ? "signed out" : "not signed in");
}

export async function whoamiAction(ctx: CliContext, opts: { json?: boolean }): Promise<User> {
  const me = await ctx.api.get<User>("/api/auth/me/");
  if (opts.json) ctx.out.json(me);
  else ctx.out.line(`${me.phone}${me.name ? ` (${me.name})` : ""} #${me.id}${me.is_admin ? ", admin" : ""} at ${ctx.api.baseUrl}`);
  return me;
}

export const registerAuth: Register = (program: Command, run) => {
  program
    .command("login")
    .description("sign in with a phone and a one-time code; stores the tokens for later commands")
    .option("--phone <phone>", "admin phone, +998XXXXXXXXX")
    .option("--code <code>", "the code from the SMS (without it the code is sent, and asked for on a terminal)")
    .action((opts) => run((ctx) => loginAction(ctx, opts)));
  program.command("logout").description("forget the stored tokens").action(() => run((ctx) => logoutAction(ctx)));
  program
    .command("whoami")
    .description("the signed-in user")
    .option("--json", "print JSON")
    .action((opts) => run((ctx) => whoamiAction(ctx, opts)));
};
