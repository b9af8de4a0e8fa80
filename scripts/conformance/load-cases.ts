// Snapshot files the selector must refuse (or accept despite an oddity), with the error code expected. The
// versions are derived from the version the selector reads, so the cases follow the schema.
import path from "node:path";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { OLDEST_SCHEMA_MAJOR } from "../../src/selector/check-snapshot.js";
import { loadSnapshot, SnapshotError, SUPPORTED_SCHEMA_VERSION } from "../../src/selector/index.js";

export interface LoadCase {
  readonly id: string;
  readonly kind: "load";
  readonly covers: string;
  readonly snapshot: string;
  readonly expect: { ok: true } | { error: { code: string } };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function invalidSnapshotFiles(demo: ProviderRegistrySnapshot): { files: Map<string, string>; cases: LoadCase[] } {
  const [major, minor] = SUPPORTED_SCHEMA_VERSION.split(".").map(Number) as [number, number];
  const files = new Map<string, string>();
  const with_ = (patch: (s: Record<string, unknown> & ProviderRegistrySnapshot) => void) => {
    const s = structuredClone(demo) as Record<string, unknown> & ProviderRegistrySnapshot;
    patch(s);
    return json(s);
  };
  const rows: [string, string, string | null, string][] = [
    ["empty", "", "SNAPSHOT_NOT_JSON", "an empty file"],
    ["cut-short", json(demo).slice(0, 200), "SNAPSHOT_NOT_JSON", "a file cut short"],
    ["nan", json(demo).replace('"reasonableOutputPrice": 10', '"reasonableOutputPrice": NaN'), "SNAPSHOT_NOT_JSON", "NaN is not JSON"],
    ["bom", `\ufeff${json(demo)}`, null, "a byte-order mark is skipped"],
    ["future-major", with_((s) => void (s.schemaVersion = `${major + 1}.0.0`)), "UNSUPPORTED_SCHEMA_VERSION", "a newer major version is refused before validation"],
    ["older-major", with_((s) => void (s.schemaVersion = `${major - 1}.9.0`)), null, "the previous major version: refused, or read when this one still reads it"],
    ["oldest-major", with_((s) => void (s.schemaVersion = `${OLDEST_SCHEMA_MAJOR}.0.0`)), null, "the oldest major version this one reads loads"],
    ["before-oldest-major", with_((s) => void (s.schemaVersion = `${OLDEST_SCHEMA_MAJOR - 1}.9.0`)), null, "a major version older than any it reads is refused"],
    ["future-major-and-broken", with_((s) => { s.schemaVersion = `${major + 1}.0.0`; delete (s as Partial<typeof s>).models; }), "UNSUPPORTED_SCHEMA_VERSION", "the version is read first"],
    ["newer-minor-unknown-fields", with_((s) => {
      s.schemaVersion = `${major}.${minor + 1}.0`;
      s.futureTopLevel = { any: "thing" };
      const m = s.models.find((x) => x.pricing !== null)! as unknown as Record<string, Record<string, unknown>>;
      m.futureModelField = { a: 1 };
      m.pricing!.futureCurrencyNote = "inside a oneOf";
      (s.policy as unknown as Record<string, unknown>).futurePolicy = true;
    }), null, "a newer minor version's unknown fields are ignored"],
    ["newer-minor-still-broken", with_((s) => { s.schemaVersion = `${major}.${minor + 1}.0`; s.futureTopLevel = 1; (s.models[0] as unknown as Record<string, unknown>).contextWindow = "128k"; }), "SNAPSHOT_INVALID", "a newer minor version is still validated"],
    ["same-minor-unknown-field", with_((s) => void (s.futureTopLevel = 1)), "SNAPSHOT_INVALID", "an unknown field at this version is invalid"],
    ["duplicate-model", with_((s) => void s.models.push(structuredClone(s.models[3]!))), "SNAPSHOT_INVALID", "a model listed twice"],
    ["missing-policy", with_((s) => void delete (s as Partial<typeof s>).policy), "SNAPSHOT_INVALID", "a required field missing"],
    ["context-as-text", with_((s) => void ((s.models[2] as unknown as Record<string, unknown>).contextWindow = "128k")), "SNAPSHOT_INVALID", "a wrong type"],
    ["version-with-newline", with_((s) => void (s.schemaVersion = `${SUPPORTED_SCHEMA_VERSION}\n`)), "SNAPSHOT_INVALID", "patterns match the whole text (no trailing newline)"],
    ["array", "[]\n", "SNAPSHOT_INVALID", "not an object"],
  ];
  const cases: LoadCase[] = [];
  for (const [name, content] of rows) files.set(`snapshots/invalid/${name}.json`, content);
  for (const [name, , , covers] of rows) cases.push(loadCase(`load/${name}`, `snapshots/invalid/${name}.json`, covers));
  cases.push(loadCase("load/not-found", "snapshots/invalid/does-not-exist.json", "no file at the path"));
  cases.push(loadCase("load/folder", "snapshots/invalid", "a folder"));
  return { files, cases };
}

/** The expected answers: what loadSnapshot says of each file, written out under `root` (a copy of the suite). */
export function loadExpectations(cases: readonly LoadCase[], root: string): LoadCase[] {
  return cases.map((c) => ({ ...c, expect: outcome(path.join(root, c.snapshot)) }));
}

function loadCase(id: string, rel: string, covers: string): LoadCase {
  return { id, kind: "load", covers, snapshot: rel, expect: { ok: true } };
}

function outcome(file: string): LoadCase["expect"] {
  try {
    loadSnapshot(file);
    return { ok: true };
  } catch (error) {
    if (error instanceof SnapshotError) return { error: { code: error.code } };
    throw error;
  }
}
