// Lint for the whole workspace: type-aware rules everywhere, and the package boundaries
// (api -> contract, core, db; cli -> contract, core; db -> core; contract -> core; core -> nothing).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const restrict = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

const SERVERS = [
  "hono",
  "hono/*",
  "@hono/*",
  "drizzle-orm",
  "drizzle-orm/*",
  "pg",
  "ioredis",
  "@electric-sql/*",
  "prom-client",
  "swagger-ui-dist",
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "coverage/**", ".data/**", "**/drizzle/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", URL: "readonly", console: "readonly", Buffer: "readonly" },
    },
  },
  {
    // Tests may assert on what they just made, and stand in for async code with sync bodies.
    files: ["**/*.test.ts", "**/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/require-await": "off",
      // vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    files: ["apps/cli/**/*.ts"],
    ignores: ["apps/cli/test/**"],
    rules: restrict(
      ["@venue-booking/api", "@venue-booking/api/*", "@venue-booking/db", "@venue-booking/db/*", ...SERVERS],
      "the CLI is an HTTP client: it uses @venue-booking/contract and core only",
    ),
  },
  {
    files: ["packages/contract/**/*.ts"],
    rules: restrict(
      [
        "@venue-booking/api",
        "@venue-booking/api/*",
        "@venue-booking/db",
        "@venue-booking/db/*",
        "@venue-booking/cli",
        ...SERVERS,
        "node:*",
      ],
      "the contract depends on zod and core only",
    ),
  },
  {
    files: ["packages/db/**/*.ts"],
    rules: restrict(
      [
        "@venue-booking/api",
        "@venue-booking/api/*",
        "@venue-booking/cli",
        "@venue-booking/contract",
        "hono",
        "hono/*",
        "@hono/*",
        "ioredis",
      ],
      "db depends on core only",
    ),
  },
  {
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "process", "Buffer", "fetch", "setTimeout", "setInterval"],
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\./)", message: "core is pure: it imports nothing but its own files" }] },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "core never reads the clock: take `now` as an argument",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "core never reads the clock: take `now` as an argument",
        },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "core is deterministic" },
      ],
    },
  },
);
