// Read a snapshot the build-time side was handed (--previous, the file --check compares with, diff's inputs):
// every way it can fail is told apart, and the caller decides what each failure means.
import { readFile } from "node:fs/promises";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { schemaProblems } from "../documents/schema-validator.js";
import { ConfigError } from "../errors.js";

export type SnapshotRead =
  | { readonly status: "ok"; readonly snapshot: ProviderRegistrySnapshot }
  | { readonly status: "missing"; readonly why: string }
  | { readonly status: "unusable"; readonly why: string };

export async function readSnapshotFile(file: string): Promise<SnapshotRead> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { status: "missing", why: "no such file" };
    const why = code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? (error as Error).message);
    return { status: "unusable", why: `cannot be read (${why})` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { status: "unusable", why: text.trim() === "" ? "is empty" : `is not JSON (${(error as Error).message})` };
  }
  const problems = schemaProblems("provider-registry-snapshot", data);
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join("; ");
    return { status: "unusable", why: `is not a valid snapshot: ${shown}${problems.length > 3 ? `; and ${problems.length - 3} more` : ""}` };
  }
  return { status: "ok", snapshot: data as ProviderRegistrySnapshot };
}

/** For inputs the user named: anything but a valid snapshot is a configuration error naming the file and the flag. */
export async function requireSnapshotFile(file: string, what: string): Promise<ProviderRegistrySnapshot> {
  const read = await readSnapshotFile(file);
  if (read.status === "ok") return read.snapshot;
  const why = read.status === "missing" ? "does not exist" : read.why;
  throw new ConfigError(`${what} ${file} ${why}`, { file });
}
