import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["apps/*/src/**/*.test.ts", "apps/*/test/**/*.test.ts", "packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    globalSetup: ["./vitest.global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts", "apps/*/src/**/*.ts"],
      exclude: [
        "**/*.test.ts",
        "**/testing.ts",
        "**/cli/**",
        "apps/api/src/server.ts",
        "apps/api/src/seed-command.ts",
        "apps/cli/src/main.ts",
      ],
      reporter: ["text-summary", "text"],
      thresholds: {
        "packages/core/src/**": { lines: 95 },
      },
    },
  },
});
