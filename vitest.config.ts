import { defineConfig } from "vitest/config";

// Two projects: `unit` is the inner loop (`npm run test:unit`); `e2e` holds the slow whole-process tests (a killed
// write, the packed package, a million-model provider). `npm test` runs both.
export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    // A budget against hangs, not a speed check: on a loaded 2-core machine, tests that start processes (python,
    // the CLI) or servers take several seconds, and vitest's 5 s default failed them at random.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**"] } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"] } },
    ],
  },
});
