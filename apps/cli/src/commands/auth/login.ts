// login: a phone and a one-time code; the tokens are stored for later commands. Without a
// terminal it takes two runs: --phone sends the code, --phone --code finishes.
import { SendOtpResponseSchema, SignInSchema } from "@venue-booking/contract";
import type { User } from "@venue-booking/contract";
import { Command } from "commander";
import { codeAnswer, parsePhone, phoneAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export type LoginOptions = { phone?: string; code?: string };

/** The signed-in user, or undefined when the code was only sent. */
export async function loginAction(ctx: CliContext, o: LoginOptions): Promise<Outcome<User | undefined>> {
  const phone = parsePhone(await need(ctx, o.phone, "--phone", "Phone (+998XXXXXXXXX):", phoneAnswer));
  let code = o.code;
  if (!code) {
    await ctx.api.post("/api/auth/send-otp/", { phone }, SendOtpResponseSchema, { auth: false });
    if (!ctx.interactive)
      return outcome(undefined, (out) => out.line(`code sent to ${phone}; finish with: venue-admin login --phone ${phone} --code <code>`));
    code = await ctx.prompter.input({ message: `Code sent to ${phone}:`, validate: codeAnswer });
  }
  const r = await ctx.api.post("/api/auth/verify-otp/", { phone, code }, SignInSchema, { auth: false });
  ctx.credentials.write({ apiUrl: ctx.api.baseUrl, access: r.access, refresh: r.refresh, phone });
  const file = ctx.credentials.file;
  return outcome(r.user, (out) => {
    out.line(`signed in as ${phone}${r.user.is_admin ? " (admin)" : ""}; tokens saved in ${file}`);
    if (!r.user.is_admin) out.line("note: this user is not an admin; add the phone to ADMIN_PHONES and sign in again");
  });
}

export function loginCommand(run: Runner): Command {
  return new Command("login")
    .description("sign in with a phone and a one-time code; stores the tokens for later commands")
    .option("--phone <phone>", "admin phone, +998XXXXXXXXX")
    .option("--code <code>", "the code from the SMS (without it the code is sent, and asked for on a terminal)")
    .action((o: LoginOptions) => run((ctx) => loginAction(ctx, o)));
}
