// `npm test` is the README's test command and what CI runs (.ci/run): it must run both vitest projects, unit and
// e2e, and between them every test file, each once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { expect, test } from "vitest";
import config from "../../vitest.config.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (file: string) => readFileSync(path.join(REPO, file), "utf8");

interface Project {
  readonly test: { readonly name: string; readonly include: string[]; readonly exclude?: string[] };
}

test("`npm test` runs vitest with no project filter, after the build and the tests' type-check; .ci/run runs `npm test`", () => {
  const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
  expect(scripts.test).toBe("npm run build && npm run typecheck && vitest run");
  expect(read(".ci/run").trimEnd().split("\n").at(-1)).toBe("npm test");
});

test("the two projects, unit and e2e, hold every test file, each in one project", async () => {
  const projects = (config.test?.projects ?? []) as Project[];
  expect(projects.map((p) => p.test.name)).toEqual(["unit", "e2e"]);
  const all = await fg("test/**/*.test.ts", { cwd: REPO });
  const owners = new Map<string, string[]>(all.map((f) => [f, []]));
  for (const p of projects) {
    for (const file of await fg(p.test.include, { cwd: REPO, ignore: p.test.exclude ?? [] }))
      owners.get(file)?.push(p.test.name);
  }
  expect([...owners].filter(([, names]) => names.length !== 1)).toEqual([]);
  const e2e = [...owners].filter(([, names]) => names[0] === "e2e").map(([file]) => file);
  expect(e2e).toEqual(
    expect.arrayContaining([
      "test/e2e/packed-package.test.ts",
      "test/e2e/kill-mid-write.test.ts",
      "test/e2e/npx-bin.test.ts",
    ]),
  );
});
