import { AdminUserUpdateSchema, IdParamSchema, pageSchema, UserListQuerySchema, UserSchema } from "@venue-booking/contract";
import { adminRoute, jsonBody, jsonContent, notFoundResponse, problem } from "../../lib/openapi.ts";

const tags = ["Admin: users"];

export const list = adminRoute({
  method: "get",
  path: "/api/admin/users",
  tags,
  summary: "Users, newest first; search by a part of the phone or the name",
  request: { query: UserListQuerySchema },
  responses: { 200: jsonContent(pageSchema(UserSchema, "UserPage"), "A page of users"), ...notFoundResponse },
});

export const update = adminRoute({
  method: "patch",
  path: "/api/admin/users/{id}",
  tags,
  summary: "Activate, deactivate, verify, promote, demote or rename a user",
  request: { params: IdParamSchema, body: jsonBody(AdminUserUpdateSchema) },
  responses: {
    200: jsonContent(UserSchema, "The updated user"),
    ...notFoundResponse,
    409: problem(409, "CANNOT_CHANGE_SELF: you cannot deactivate or demote yourself; LAST_ADMIN: the last active admin stays"),
  },
});
