// Lint for the whole workspace; core gets extra rules that keep it pure.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "coverage/**", ".data/**", "**/drizzle/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", URL: "readonly", console: "readonly", Buffer: "readonly" } },
  },
  {
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/**/*.test.ts"],
    rules: {
      "no-restricted-globals": ["error", "process", "Buffer", "fetch", "setTimeout", "setInterval"],
      "no-restricted-imports": ["error", { patterns: ["node:*", "@venue-booking/*", "hono*", "drizzle-orm*", "pg"] }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "core never reads the clock: take `now` as an argument" },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "core never reads the clock: take `now` as an argument" },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "core is deterministic" },
      ],
    },
  },
);
