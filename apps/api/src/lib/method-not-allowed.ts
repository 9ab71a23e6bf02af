// A known path asked with a method it does not take: 405 with the methods it does take (Allow),
// read once from the routes the app registered.
import { TrieRouter } from "hono/router/trie-router";
import type { BaseApp } from "./create-app.ts";
import { problemOf, problemResponse } from "./problem.ts";

const METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The Allow header of each route path; middleware (paths ending in `*`, method ALL) is not a route. */
function allowByPath(app: BaseApp): Map<string, Set<string>> {
  const byPath = new Map<string, Set<string>>();
  for (const { method, path } of app.routes) {
    if (method === "ALL" || path.endsWith("*")) continue;
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method);
    // Hono answers HEAD with the GET route, and OPTIONS is answered below (or by CORS).
    if (method === "GET") methods.add("HEAD");
    methods.add("OPTIONS");
    byPath.set(path, methods);
  }
  return byPath;
}

/**
 * Replaces the app's not-found answer: a path no route has is still 404; a path some route has,
 * asked with another method, is 405 with Allow; OPTIONS without CORS is 204 with Allow. Call it
 * after every route is registered.
 */
export function answerWrongMethods(app: BaseApp): void {
  const router = new TrieRouter<Set<string>>();
  for (const [path, methods] of allowByPath(app)) router.add("ALL", path, methods);
  const notFound = (c: Parameters<Parameters<BaseApp["notFound"]>[0]>[0]) =>
    problemResponse(c, problemOf("NOT_FOUND", c.var.lang ?? "ru", c.var.requestId ?? ""));

  app.notFound((c) => {
    // Routing ignores a trailing slash (strict: false); so does this lookup.
    const path = c.req.path.length > 1 ? c.req.path.replace(/\/$/, "") : c.req.path;
    const [matches] = router.match(c.req.method, path);
    if (matches.length === 0) return notFound(c);
    const methods = new Set(matches.flatMap(([m]) => [...m]));
    const allow = METHOD_ORDER.filter((m) => methods.has(m)).join(", ");
    if (c.req.method === "OPTIONS") return c.body(null, 204, { Allow: allow });
    // The method is one the path takes, so the path itself was not found as written ("//").
    if (methods.has(c.req.method)) return notFound(c);
    const problem = problemOf("METHOD_NOT_ALLOWED", c.var.lang ?? "ru", c.var.requestId ?? "", { method: c.req.method, allow });
    return problemResponse(c, problem, { Allow: allow });
  });
}
