// zod with OpenAPI metadata (`.openapi()`), extended once here: the same extension
// @hono/zod-openapi applies, so the API's routes take these schemas as they are.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
