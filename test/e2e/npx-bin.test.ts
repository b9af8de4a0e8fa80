// `npx provider-registry` in this repo runs the package's own bin: a whole process through npm, slow to start on a
// loaded machine, so it lives in the e2e project with an explicit budget. The bin on plain node is a unit test
// (test/cli/cli.test.ts).
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { packageRoot } from "../../src/core/package-root.js";

const version = (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string })
  .version;

/** npx itself starts slowly under load. spawnSync blocks the test's own timer, so the child gets the bound. */
const BUDGET_MS = 60_000;

it(
  "in this repo, after a build, `npx provider-registry` runs the package's own bin",
  { timeout: BUDGET_MS + 5_000 },
  () => {
    const bin = path.join(packageRoot, "dist/src/cli/bin.js");
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const result = spawnSync("npx", ["--no-install", "provider-registry", "--version"], {
      cwd: packageRoot,
      encoding: "utf8",
      timeout: BUDGET_MS,
    });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`${version}\n`);
  },
);
