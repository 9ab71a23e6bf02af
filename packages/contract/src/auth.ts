// Sign-in with a phone code, token refresh, and signing out.
import { PhoneSchema, TextSchema } from "./common.ts";
import { UserSchema } from "./users.ts";
import { z } from "./zod.ts";

export const TokensSchema = z
  .object({
    access: z.string().openapi({ description: "JWT, 15 minutes; send as `Authorization: Bearer …`" }),
    refresh: z.string().openapi({ description: "JWT, 7 days, single use: every refresh returns a new one" }),
  })
  .openapi("Tokens");

export const SendOtpRequestSchema = z.object({ phone: PhoneSchema }).openapi("SendOtpRequest");

export const SendOtpResponseSchema = z
  .object({ detail: z.string().openapi({ example: "Код отправлен." }), expires_in: z.number().int().openapi({ example: 300 }) })
  .openapi("SendOtpResponse");

export const OtpCodeSchema = TextSchema.regex(/^\d{6}$/).openapi({ example: "123456" });

export const VerifyOtpRequestSchema = z.object({ phone: PhoneSchema, code: OtpCodeSchema }).openapi("VerifyOtpRequest");

export const SignInSchema = TokensSchema.extend({ user: UserSchema, is_new_user: z.boolean() }).openapi("SignIn");

export const RefreshRequestSchema = z.object({ refresh: TextSchema.min(1) }).openapi("RefreshRequest");

export const LogoutRequestSchema = z
  .object({ refresh: TextSchema.min(1).openapi({ description: "A refresh token of the sign-in to end (spent or expired ones too)" }) })
  .openapi("LogoutRequest");

export type Tokens = z.infer<typeof TokensSchema>;
export type SignIn = z.infer<typeof SignInSchema>;
