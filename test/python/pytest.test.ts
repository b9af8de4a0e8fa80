// The Python selector's own tests (python/tests: the conformance suite under each validator, the API, the command
// line) run as part of `npm test`, with pytest.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/core/package-root.js";
import { findPython, pythonEnv, pythonOrSkip, PYTHON_DIR } from "../support/python.js";

describe("the Python selector", () => {
  it("passes its pytest suite, the conformance suite included", { timeout: 300_000 }, (context) => {
    const python = pythonOrSkip(context, "pytest");
    const result = spawnSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", path.join(PYTHON_DIR, "tests")], {
      cwd: packageRoot,
      env: pythonEnv(),
      encoding: "utf8",
    });
    const summary = result.stdout.trim().split("\n").at(-1) ?? "";
    expect(result.status, `${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`).toBe(0);
    const passed = Number(/(\d+) passed/.exec(summary)?.[1] ?? 0);
    expect(passed).toBeGreaterThan(900);
    expect(summary).not.toMatch(/failed|error/);
  });

  it("installs with `pip install ./python`, offline, and runs from where it was installed", { timeout: 120_000 }, (context) => {
    const python = findPython("pip") ?? pythonOrSkip(context, "pip");
    const target = mkdtempSync(path.join(tmpdir(), "pip-target-"));
    try {
      const install = spawnSync(python, ["-m", "pip", "install", "--no-index", "--no-cache-dir", "--disable-pip-version-check", "-q", "--target", target, "./python"], {
        cwd: packageRoot,
        encoding: "utf8",
        env: { ...process.env, PIP_NO_INPUT: "1" },
      });
      expect(install.status, install.stderr).toBe(0);
      const run = spawnSync(python, ["-c", "import provider_registry_selector as p, sys; print(p.__file__); print(p.create_selector(p.load_snapshot(sys.argv[1])).select({'model': 'glm-4.6'}).provider)", path.join(packageRoot, "conformance", "snapshots", "demo.json")], {
        cwd: target,
        encoding: "utf8",
        env: { ...process.env, PYTHONPATH: target, PYTHONDONTWRITEBYTECODE: "1" },
      });
      expect(run.status, run.stderr).toBe(0);
      const [file, provider] = run.stdout.trim().split("\n");
      expect(file!.startsWith(target)).toBe(true);
      expect(provider).toBe("glm");
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});
