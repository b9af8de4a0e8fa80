// Read a snapshot the build-time side was handed (--previous, the file --check compares with, diff's and validate's
// inputs) with the selector's own reader: one reader, so a file is valid to every command or to none (a byte-order
// mark, a repeated model, a newer minor version's added fields, a date that is not one). Every way it can fail is
// told apart, and the caller decides what each failure means.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { ConfigError } from "../core/errors.js";
import { schemaProblems } from "../validate/schema-validator.js";
import { isNewerMinor, knownSnapshot, readSnapshotJson, SnapshotError } from "../selector/shared.js";

export type SnapshotRead =
  | {
      readonly status: "ok";
      /** Without the fields a newer minor version added, which this version must not carry on. */
      readonly snapshot: ProviderRegistrySnapshot;
      /** JSON pointers of the fields left out. */
      readonly unknownFields: readonly string[];
    }
  | { readonly status: "missing"; readonly why: string }
  | { readonly status: "unusable"; readonly why: string; readonly problems: readonly string[] };

export interface ReadHooks {
  /** Called once the file's bytes are decoded into text and no longer referenced: the moment to reclaim them. */
  readonly beforeParse?: () => void;
  /**
   * Called once the file is parsed and its text is no longer referenced: the moment to reclaim it (the text of a
   * 100,000-model snapshot is about 100 MB, its parse about 60 MB) before validating and hashing add their own.
   */
  readonly afterParse?: () => void;
}

export async function readSnapshotFile(file: string, hooks: ReadHooks = {}): Promise<SnapshotRead> {
  let data: unknown;
  try {
    data = readSnapshotJson(file, hooks.beforeParse);
    hooks.afterParse?.();
    const { snapshot, unknownFields } = knownSnapshot(data, file);
    return { status: "ok", snapshot, unknownFields };
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    if (error.code === "SNAPSHOT_INVALID" || error.code === "UNSUPPORTED_SCHEMA_VERSION") {
      // Which files are valid is the selector's reader's call; where they break is said as ajv says it, pointer by
      // pointer — but for a newer minor version, whose additions ajv would list as problems too.
      const described = isNewerMinor(data) ? [] : schemaProblems("provider-registry-snapshot", data);
      const problems = described.length > 0 ? described : error.problems.length > 0 ? error.problems : [error.message];
      const firstProblems = problems.slice(0, 3).join("; ");
      const more = problems.length > 3 ? `; and ${problems.length - 3} more` : "";
      return { status: "unusable", why: `is not a valid snapshot: ${firstProblems}${more}`, problems };
    }
    switch (error.code) {
      case "SNAPSHOT_NOT_FOUND":
        return { status: "missing", why: "no such file" };
      case "SNAPSHOT_UNREADABLE":
        return { status: "unusable", why: `cannot be read (${whyUnreadable(error)})`, problems: [] };
      case "SNAPSHOT_NOT_JSON":
        return {
          status: "unusable",
          why: /is empty/.test(error.message) ? "is empty" : `is not JSON (${(error.cause as Error).message})`,
          problems: [],
        };
      default:
        return { status: "unusable", why: error.message, problems: [] };
    }
  }
}

function whyUnreadable(error: SnapshotError): string {
  const match = /\(([^)]*)\): check the path/.exec(error.message);
  return match ? match[1]! : error.message;
}

/** For inputs the user named: anything but a valid snapshot is a configuration error naming the file and the flag. */
export async function requireSnapshotFile(
  file: string,
  what: string,
  hooks: ReadHooks = {},
): Promise<ProviderRegistrySnapshot> {
  const read = await readSnapshotFile(file, hooks);
  if (read.status === "ok") return read.snapshot;
  const why = read.status === "missing" ? "does not exist" : read.why;
  throw new ConfigError(`${what} ${file} ${why}`, { file });
}
