import { createRoute, z } from "@hono/zod-openapi";
import { authErrorResponses, errorResponses, jsonBody, jsonContent } from "../../lib/openapi.ts";
import { PhoneSchema } from "../../lib/schemas.ts";
import { NameSchema, UserSchema } from "../users.schemas.ts";

const tags = ["Auth"];

const TokensSchema = z
  .object({
    access: z.string().openapi({ description: "JWT, 15 minutes; send as `Authorization: Bearer …`" }),
    refresh: z.string().openapi({ description: "JWT, 7 days, single use: every refresh returns a new one" }),
  })
  .openapi("Tokens");

export const sendOtp = createRoute({
  method: "post",
  path: "/api/auth/send-otp",
  tags,
  summary: "Send a one-time code to a phone",
  description: "At most 3 codes per phone per 10 minutes. In development the code is printed to the server console.",
  request: { body: jsonBody(z.object({ phone: PhoneSchema }).openapi("SendOtpRequest")) },
  responses: {
    200: jsonContent(
      z
        .object({ detail: z.string().openapi({ example: "Код отправлен." }), expires_in: z.number().int().openapi({ example: 300 }) })
        .openapi("SendOtpResponse"),
      "The code was sent",
    ),
    ...errorResponses,
  },
});

export const verifyOtp = createRoute({
  method: "post",
  path: "/api/auth/verify-otp",
  tags,
  summary: "Sign in with the code: returns tokens, creating the user on first sign-in",
  request: {
    body: jsonBody(
      z
        .object({
          phone: PhoneSchema,
          code: z.string().regex(/^\d{6}$/).openapi({ example: "123456" }),
        })
        .openapi("VerifyOtpRequest"),
    ),
  },
  responses: {
    200: jsonContent(TokensSchema.extend({ user: UserSchema, is_new_user: z.boolean() }).openapi("SignIn"), "Signed in"),
    ...errorResponses,
    ...authErrorResponses,
  },
});

export const refresh = createRoute({
  method: "post",
  path: "/api/auth/refresh",
  tags,
  summary: "Trade a refresh token for a new pair (the old refresh token is spent)",
  request: { body: jsonBody(z.object({ refresh: z.string().min(1) }).openapi("RefreshRequest")) },
  responses: { 200: jsonContent(TokensSchema, "New tokens"), ...errorResponses, ...authErrorResponses },
});

export const me = createRoute({
  method: "get",
  path: "/api/auth/me",
  tags,
  summary: "The signed-in user",
  security: [{ Bearer: [] }],
  responses: { 200: jsonContent(UserSchema, "The user"), ...errorResponses, ...authErrorResponses },
});

export const updateMe = createRoute({
  method: "patch",
  path: "/api/auth/me",
  tags,
  summary: "Change your name (other fields are refused)",
  security: [{ Bearer: [] }],
  request: { body: jsonBody(z.strictObject({ name: NameSchema }).openapi("UpdateMeRequest")) },
  responses: { 200: jsonContent(UserSchema, "The updated user"), ...errorResponses, ...authErrorResponses },
});
