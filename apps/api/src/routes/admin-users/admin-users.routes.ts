import { createRoute, z } from "@hono/zod-openapi";
import { adminErrorResponses, errorResponses, jsonBody, jsonContent, notFoundResponse } from "../../lib/openapi.ts";
import { IdParamSchema, PageQuerySchema, pageSchema } from "../../lib/schemas.ts";
import { NameSchema, UserSchema } from "../users.schemas.ts";

const tags = ["Admin: users"];
const security = [{ Bearer: [] }];

export const list = createRoute({
  method: "get",
  path: "/api/admin/users",
  tags,
  summary: "Users, newest first; search by a part of the phone or the name",
  security,
  request: {
    query: PageQuerySchema.extend({
      search: z.string().max(100).optional().openapi({ param: { name: "search", in: "query" }, example: "90123" }),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(UserSchema, "UserPage"), "A page of users"),
    ...errorResponses,
    ...adminErrorResponses,
    ...notFoundResponse,
  },
});

export const update = createRoute({
  method: "patch",
  path: "/api/admin/users/{id}",
  tags,
  summary: "Activate, deactivate, verify, promote, demote or rename a user",
  security,
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .strictObject({
          is_active: z.boolean().optional(),
          is_verified: z.boolean().optional(),
          is_admin: z.boolean().optional(),
          name: NameSchema.optional(),
        })
        .openapi("AdminUserUpdate", { example: { is_active: false } }),
    ),
  },
  responses: {
    200: jsonContent(UserSchema, "The updated user"),
    ...errorResponses,
    ...adminErrorResponses,
    ...notFoundResponse,
  },
});
