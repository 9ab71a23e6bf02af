import {
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

export const sendOtp = publicRoute({
  method: "post",
  path: "/api/auth/send-otp",
  tags,
  summary: "Send a one-time code to a phone",
  description: "At most 3 codes per phone per 10 minutes. In development the code is printed to the server console.",
  request: { body: jsonBody(SendOtpRequestSchema) },
  responses: { 200: jsonContent(SendOtpResponseSchema, "The code was sent") },
});

export const verifyOtp = publicRoute({
  method: "post",
  path: "/api/auth/verify-otp",
  tags,
  summary: "Sign in with the code: returns tokens, creating the user on first sign-in",
  request: { body: jsonBody(VerifyOtpRequestSchema) },
  responses: { 200: jsonContent(SignInSchema, "Signed in"), 401: problem(401, "The user is deactivated") },
});

export const refresh = publicRoute({
  method: "post",
  path: "/api/auth/refresh",
  tags,
  summary: "Trade a refresh token for a new pair (the old refresh token is spent)",
  request: { body: jsonBody(RefreshRequestSchema) },
  responses: { 200: jsonContent(TokensSchema, "New tokens"), ...refused },
});

export const me = userRoute({
  method: "get",
  path: "/api/auth/me",
  tags,
  summary: "The signed-in user",
  responses: { 200: jsonContent(UserSchema, "The user") },
});

export const updateMe = userRoute({
  method: "patch",
  path: "/api/auth/me",
  tags,
  summary: "Change your name (other fields are refused)",
  request: { body: jsonBody(UpdateMeSchema) },
  responses: { 200: jsonContent(UserSchema, "The updated user") },
});
