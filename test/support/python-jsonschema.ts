// A second, independent validator: Python's jsonschema, as another repo would use it.
import { execFileSync, spawnSync } from "node:child_process";

/**
 * The python to validate with, or skips the test where none has jsonschema — except in CI, where that is a broken
 * set-up (.ci/run installs python3-jsonschema) and must fail.
 */
export function pythonOrSkip(context: { skip: () => void }): string {
  const python = findPythonWithJsonschema();
  if (python) return python;
  if (process.env.CI) throw new Error("CI must have python3-jsonschema (.ci/run installs it)");
  context.skip();
  throw new Error("unreachable: skip() throws");
}

const CANDIDATES = ["/usr/bin/python3", "python3"]; // Debian's first: the one .ci/run installs pytest and jsonschema for

/** The first python that can import jsonschema; undefined when none can (.ci/run installs python3-jsonschema). */
export function findPythonWithJsonschema(): string | undefined {
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ["-c", "import jsonschema"], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  return undefined;
}

const SCRIPT = `
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
results = []
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.absolute_path))
    results.append({"file": path, "errors": ["/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors]})
print(json.dumps(results))
`;

export function validateWithPython(
  python: string,
  schemaFile: string,
  files: readonly string[],
): { file: string; errors: string[] }[] {
  const out = execFileSync(python, ["-c", SCRIPT, schemaFile, ...files], { encoding: "utf8" });
  return JSON.parse(out) as { file: string; errors: string[] }[];
}
