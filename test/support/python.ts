// The python the Python selector's tests run with. The Debian python3 with python3-pytest and python3-jsonschema
// is what .ci/run installs; elsewhere any python3 (3.9 or later) that has pytest will do.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { packageRoot } from "../../src/core/package-root.js";

export const PYTHON_DIR = path.join(packageRoot, "python");
const CANDIDATES = ["/usr/bin/python3", "python3"]; // Debian's first: the one .ci/run installs pytest and jsonschema for

function works(python: string, modules: string): boolean {
  const probe = spawnSync(python, ["-c", `import sys; assert sys.version_info >= (3, 9); import ${modules}`], {
    stdio: "ignore",
  });
  return probe.status === 0;
}

/** A python 3.9+ that can import `modules` ("" for none); undefined when there is none. */
export function findPython(modules = ""): string | undefined {
  return CANDIDATES.find((python) => works(python, modules === "" ? "json" : modules));
}

/** The python to run with, or skips the test where there is none — except in CI, where that is a broken set-up. */
export function pythonOrSkip(context: { skip: () => void }, modules = ""): string {
  const python = findPython(modules);
  if (python) return python;
  if (process.env.CI)
    throw new Error(
      `CI must have a python3 with ${modules || "the standard library"} (.ci/run installs python3-pytest and python3-jsonschema)`,
    );
  context.skip();
  throw new Error("unreachable: skip() throws");
}

/** The environment a python subprocess gets: the in-tree package first on its path, nothing cached on disk. */
export function pythonEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONPATH: PYTHON_DIR, PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" };
}
