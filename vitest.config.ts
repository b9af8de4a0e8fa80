import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/support/summary-reporter.ts"],
    // A budget against hangs, not a speed check: on a loaded 2-core machine, tests that start processes (python,
    // the CLI) or servers take several seconds, and vitest's 5 s default failed them at random.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
