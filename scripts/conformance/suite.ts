// The conformance suite as files, computed in memory so that a test can compare it with the committed ones:
// conformance/cases.json, its snapshots, and the Python selector's copy of the schema. Every expected answer is
// what the TypeScript selector (and `provider-registry select`) says today; nothing here states an answer by hand.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { packageRoot } from "../../src/core/package-root.js";
import { OLDEST_SCHEMA_MAJOR } from "../../src/selector/check-snapshot.js";
import { createSelector, SelectionError, SUPPORTED_SCHEMA_VERSION } from "../../src/selector/index.js";
import { cliCases, type CliCaseResult } from "./cli-cases.js";
import { invalidSnapshotFiles, loadExpectations, type LoadCase } from "./load-cases.js";
import { requestsFor } from "./requests.js";
import { conformanceSnapshots } from "./snapshots.js";

/** Bumped when the file format of the suite changes (not when answers change: those follow the selector). */
export const SUITE_FORMAT = 1;
export const CONFORMANCE_DIR = "conformance";
export const PYTHON_SCHEMA_MODULE = "python/provider_registry_selector/_schema.py";

export interface SelectCase {
  readonly id: string;
  readonly kind: "select";
  readonly covers: string;
  readonly snapshot: string;
  readonly request: unknown;
  /** The whole answer (choice.toJSON() or error.toJSON(), what `select --json --fallbacks all` prints). */
  readonly expect: unknown;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function answer(selector: ReturnType<typeof createSelector>, request: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(selector.select(request as never)));
  } catch (error) {
    if (error instanceof SelectionError) return JSON.parse(JSON.stringify(error));
    throw error;
  }
}

export function selectCases(snapshots: Record<string, ProviderRegistrySnapshot>): SelectCase[] {
  const cases: SelectCase[] = [];
  for (const [name, snapshot] of Object.entries(snapshots)) {
    const selector = createSelector(structuredClone(snapshot));
    for (const c of requestsFor(name, snapshot)) {
      cases.push({ id: `${name}/${c.id}`, kind: "select", covers: c.covers, snapshot: `snapshots/${name}.json`, request: c.request, expect: answer(selector, c.request) });
    }
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`conformance: two cases named ${c.id}`);
    ids.add(c.id);
  }
  return cases;
}

/** The schema and the version the TypeScript selector reads, for the Python selector (one source of truth: schema/). */
function pythonSchemaModule(): string {
  const rel = "schema/provider-registry-snapshot.schema.json";
  const text = readFileSync(path.join(packageRoot, rel), "utf8");
  if (text.includes('"""') || text.endsWith("\\")) throw new Error(`${rel} cannot be embedded in a Python raw string`);
  return [
    `# @generated from ${rel} and src/selector/check-snapshot.ts by scripts/conformance.ts.`,
    "# DO NOT EDIT BY HAND: run `npm run conformance`.",
    "import json",
    "",
    `SUPPORTED_SCHEMA_VERSION = "${SUPPORTED_SCHEMA_VERSION}"`,
    `OLDEST_SCHEMA_MAJOR = ${OLDEST_SCHEMA_MAJOR}`,
    "",
    `SCHEMA_JSON = r"""${text.trimEnd()}"""`,
    "",
    "_parsed = None",
    "",
    "",
    "def schema():",
    "    global _parsed",
    "    if _parsed is None:",
    "        _parsed = json.loads(SCHEMA_JSON)",
    "    return _parsed",
    "",
  ].join("\n");
}

export interface Suite {
  readonly format: number;
  readonly schemaVersion: string;
  readonly generatedBy: string;
  readonly compare: Record<string, string>;
  readonly snapshots: Record<string, string>;
  readonly cases: readonly (SelectCase | LoadCase | CliCaseResult)[];
}

/** Load and command-line cases need the files on disk: a copy of the suite in a temporary folder. */
async function onDisk<T>(files: ReadonlyMap<string, string>, run: (root: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), "conformance-"));
  try {
    for (const [rel, content] of files) {
      if (!rel.startsWith(`${CONFORMANCE_DIR}/`)) continue;
      const file = path.join(dir, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    return await run(path.join(dir, CONFORMANCE_DIR));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Readable at the top, one case per line below: small enough to ship, and a changed answer is a one-line diff. */
function renderSuite(suite: Suite): string {
  const { cases, ...head } = suite;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  return `${top},\n  "cases": [\n${cases.map((c) => `    ${JSON.stringify(c)}`).join(",\n")}\n  ]\n}\n`;
}

export async function renderConformance(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const snapshots = conformanceSnapshots();
  for (const [name, snapshot] of Object.entries(snapshots)) files.set(`${CONFORMANCE_DIR}/snapshots/${name}.json`, json(snapshot));
  const invalid = invalidSnapshotFiles(snapshots.demo!);
  for (const [rel, content] of invalid.files) files.set(`${CONFORMANCE_DIR}/${rel}`, content);
  const version = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
  const suite: Suite = {
    format: SUITE_FORMAT,
    schemaVersion: SUPPORTED_SCHEMA_VERSION,
    generatedBy: `provider-registry ${version.version} (scripts/conformance.ts); docs/conformance.md says how to run it`,
    compare: {
      select: "expect is the whole answer (choice.toJSON() or error.toJSON(); select --json --fallbacks all): compare the whole value (model, provider, reason, fallbacks, trace) or, for a port that words its texts differently, model, provider, fallbacks, trace[].model/provider/outcome/rule and error.code",
      load: "expect.ok, or expect.error.code (messages name the path and the parser's words, so only the code is compared)",
      cli: "run from the conformance folder; compare the exit code and, where given, stdout parsed as JSON (one value, or one per line for --stdin); errorCodeOnly cases compare error.code alone",
    },
    snapshots: Object.fromEntries(Object.keys(snapshots).map((name) => [name, `snapshots/${name}.json`])),
    cases: [...selectCases(snapshots), ...(await onDisk(files, async (root) => [...loadExpectations(invalid.cases, root), ...(await cliCases(root))]))],
  };
  files.set(`${CONFORMANCE_DIR}/cases.json`, renderSuite(suite));
  files.set(PYTHON_SCHEMA_MODULE, pythonSchemaModule());
  return files;
}
