// login: a phone and a one-time code; the tokens are stored for later commands. Without a
// terminal it takes two runs: --phone sends the code, --phone --code finishes.
import { SendOtpResponseSchema, SignInSchema } from "@venue-booking/contract";
import type { User } from "@venue-booking/contract";
import { Command } from "commander";
import { codeAnswer, parsePhone, phoneAnswer } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { ApiError, CliError } from "../../errors.ts";
import { need } from "../../prompts.ts";
import { outcome } from "../../runner.ts";
import type { Outcome, Runner } from "../../runner.ts";

export type LoginOptions = { phone?: string; code?: string };

/** Wrong codes the API accepts for one sent code; the last of them burns it. */
export const CODE_ATTEMPTS = 5;

const problemCode = (e: unknown) => (e instanceof ApiError ? e.problem?.code : undefined);

/**
 * On a terminal, a mistyped code is asked again (the sent code stays valid) until the API's limit
 * of wrong guesses; past that limit a new code has to be sent.
 */
async function verifyAsking(ctx: CliContext, phone: string) {
  let message = t(ctx.lang, "ask.codeSent", { phone });
  for (let attempt = 1; ; attempt++) {
    const code = await ctx.prompter.input({ message, validate: codeAnswer(ctx.lang) });
    try {
      return await ctx.api.post("/api/auth/verify-otp/", { phone, code }, SignInSchema, { auth: false });
    } catch (e) {
      if (problemCode(e) === "OTP_TOO_MANY_ATTEMPTS" || (problemCode(e) === "OTP_INVALID" && attempt >= CODE_ATTEMPTS))
        throw new CliError(t(ctx.lang, "auth.tooManyCodes", { phone }));
      if (problemCode(e) !== "OTP_INVALID") throw e;
      const left = CODE_ATTEMPTS - attempt;
      message = t(ctx.lang, left === 1 ? "auth.wrongCodeLast" : "auth.wrongCode", { left, phone });
    }
  }
}

/** The signed-in user, or undefined when the code was only sent. */
export async function loginAction(ctx: CliContext, o: LoginOptions): Promise<Outcome<User | undefined>> {
  const phone = parsePhone(await need(ctx, o.phone, "--phone", t(ctx.lang, "ask.phone"), phoneAnswer(ctx.lang)), ctx.lang);
  let r;
  if (o.code) {
    r = await ctx.api.post("/api/auth/verify-otp/", { phone, code: o.code }, SignInSchema, { auth: false });
  } else {
    await ctx.api.post("/api/auth/send-otp/", { phone }, SendOtpResponseSchema, { auth: false });
    if (!ctx.interactive) return outcome(undefined, (out) => out.line(t(ctx.lang, "auth.codeSent", { phone })));
    r = await verifyAsking(ctx, phone);
  }
  ctx.credentials.write({ apiUrl: ctx.api.baseUrl, access: r.access, refresh: r.refresh, phone });
  const file = ctx.credentials.file;
  const envToken = ctx.api.usesEnvToken;
  const lang = ctx.lang;
  return outcome(r.user, (out) => {
    out.line(t(lang, "auth.signedIn", { phone, admin: r.user.is_admin ? t(lang, "auth.adminMark") : "", file }));
    if (!r.user.is_admin) out.line(t(lang, "auth.notAdmin"));
    if (envToken) out.line(t(lang, "auth.envTokenUsed"));
  });
}

export function loginCommand(run: Runner): Command {
  return new Command("login")
    .description("sign in with a phone and a one-time code; stores the tokens for later commands")
    .option("--phone <phone>", "admin phone, +998XXXXXXXXX")
    .option("--code <code>", "the code from the SMS (without it the code is sent, and asked for on a terminal)")
    .addHelpText(
      "after",
      "\nExamples:\n  venue-admin login                                  # asks for the phone and the code\n  venue-admin login --phone +998901234567            # without a terminal: sends the code\n  venue-admin login --phone +998901234567 --code 483920",
    )
    .action((o: LoginOptions) => run((ctx) => loginAction(ctx, o)));
}
