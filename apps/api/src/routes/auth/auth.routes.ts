import {
  LogoutRequestSchema,
  RefreshRequestSchema,
  SendOtpRequestSchema,
  SendOtpResponseSchema,
  SignInSchema,
  TokensSchema,
  UpdateMeSchema,
  UserSchema,
  VerifyOtpRequestSchema,
} from "@venue-booking/contract";
import { jsonBody, jsonContent, problem, publicRoute, userRoute } from "../../lib/openapi.ts";

const tags = ["Auth"];
const refused = { 401: problem(401, "The refresh token is invalid, expired or spent, or the user is deactivated") };

// Every answer under /api/auth/ carries it (auth.index.ts); documented where it matters: tokens and profiles.
const noStore = {
  headers: {
    "Cache-Control": { description: "Never stored by browsers or proxies", schema: { type: "string" as const, example: "no-store" } },
  },
};

const noStoreJson = <T>(schema: T, description: string) => ({ ...jsonContent(schema, description), ...noStore });

export const sendOtp = publicRoute({
  method: "post",
  path: "/api/auth/send-otp",
  tags,
  summary: "Send a one-time code to a phone",
  description:
    "At most 3 codes per phone per 10 minutes (a send the SMS gateway failed counts too). With `SMS_PROVIDER=console` " +
    "(development, trials) the code is printed to the server console. 503 when the SMS gateway fails or does not answer.",
  request: { body: jsonBody(SendOtpRequestSchema) },
  responses: { 200: jsonContent(SendOtpResponseSchema, "The code was sent") },
});

export const verifyOtp = publicRoute({
  method: "post",
  path: "/api/auth/verify-otp",
  tags,
  summary: "Sign in with the code: returns tokens, creating the user on first sign-in",
  request: { body: jsonBody(VerifyOtpRequestSchema) },
  responses: { 200: noStoreJson(SignInSchema, "Signed in"), 401: problem(401, "The user is deactivated") },
});

export const refresh = publicRoute({
  method: "post",
  path: "/api/auth/refresh",
  tags,
  summary: "Trade a refresh token for a new pair (the old refresh token is spent)",
  description:
    "Within 30 seconds of its first use, the same refresh token gets the same pair again (a retry whose answer " +
    "was lost, or two tabs refreshing at once), as long as that pair's refresh token is unspent; otherwise it is " +
    "refused. Presenting a spent refresh token later signs out its whole sign-in, as a stolen copy may be in use: " +
    "the newest refresh token of that sign-in is refused from then on too.",
  request: { body: jsonBody(RefreshRequestSchema) },
  responses: { 200: noStoreJson(TokensSchema, "New tokens"), ...refused },
});

export const logout = publicRoute({
  method: "post",
  path: "/api/auth/logout",
  tags,
  summary: "Sign out: no refresh token of this sign-in works again",
  description:
    "Needs no access token: the refresh token names the sign-in. Every refresh token issued since that sign-in is " +
    "refused from now on; access tokens already issued expire within their 15 minutes. Signing out again is also 204.",
  request: { body: jsonBody(LogoutRequestSchema) },
  responses: {
    204: { description: "Signed out", ...noStore },
    401: problem(401, "The token is not a refresh token of this service"),
  },
});

export const me = userRoute({
  method: "get",
  path: "/api/auth/me",
  tags,
  summary: "The signed-in user",
  responses: { 200: noStoreJson(UserSchema, "The user") },
});

export const updateMe = userRoute({
  method: "patch",
  path: "/api/auth/me",
  tags,
  summary: "Change your name or the language of your messages (other fields are refused)",
  request: { body: jsonBody(UpdateMeSchema) },
  responses: { 200: noStoreJson(UserSchema, "The updated user") },
});
