// Read a snapshot the build-time side was handed (--previous, the file --check compares with, diff's inputs):
// every way it can fail is told apart, and the caller decides what each failure means.
import { isAscii } from "node:buffer";
import { open } from "node:fs/promises";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { schemaProblems } from "../documents/schema-validator.js";
import { ConfigError } from "../errors.js";

export type SnapshotRead =
  | { readonly status: "ok"; readonly snapshot: ProviderRegistrySnapshot }
  | { readonly status: "missing"; readonly why: string }
  | { readonly status: "unusable"; readonly why: string };

export interface ReadHooks {
  /** Called once the file is decoded to text and its bytes are no longer referenced (as many bytes as the text). */
  readonly afterRead?: () => void;
  /**
   * Called once the text is parsed and no longer referenced: the moment to reclaim it (the text of a 100,000-model
   * snapshot is about 100 MB, its parse about 60 MB) before validating and hashing add their own.
   */
  readonly afterParse?: () => void;
}

export async function readSnapshotFile(file: string, hooks: ReadHooks = {}): Promise<SnapshotRead> {
  const parsed = await readJson(file, hooks);
  if (parsed.status !== "ok") return parsed;
  const data = parsed.data;
  hooks.afterParse?.();
  const problems = schemaProblems("provider-registry-snapshot", data);
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join("; ");
    return { status: "unusable", why: `is not a valid snapshot: ${shown}${problems.length > 3 ? `; and ${problems.length - 3} more` : ""}` };
  }
  return { status: "ok", snapshot: data as ProviderRegistrySnapshot };
}

/** The file's JSON, its text held only within this call. */
async function readJson(file: string, hooks: ReadHooks): Promise<{ readonly status: "ok"; readonly data: unknown } | Exclude<SnapshotRead, { status: "ok" }>> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { status: "missing", why: "no such file" };
    const why = code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? (error as Error).message);
    return { status: "unusable", why: `cannot be read (${why})` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  hooks.afterRead?.();
  try {
    return { status: "ok", data: JSON.parse(text) as unknown };
  } catch (error) {
    return { status: "unusable", why: text.trim() === "" ? "is empty" : `is not JSON (${(error as Error).message})` };
  }
}

/**
 * The file as text, read into one buffer of its size (fs.promises.readFile gathers pieces first: about 90 MB more at
 * the peak for a 100 MB snapshot). Pure ASCII, as a snapshot almost always is, is decoded without UTF-8 validation.
 */
async function readText(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return "";
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return isAscii(bytes.subarray(0, at)) ? bytes.toString("latin1", 0, at) : bytes.toString("utf8", 0, at);
  } finally {
    await handle.close();
  }
}

/** For inputs the user named: anything but a valid snapshot is a configuration error naming the file and the flag. */
export async function requireSnapshotFile(file: string, what: string, hooks: ReadHooks = {}): Promise<ProviderRegistrySnapshot> {
  const read = await readSnapshotFile(file, hooks);
  if (read.status === "ok") return read.snapshot;
  const why = read.status === "missing" ? "does not exist" : read.why;
  throw new ConfigError(`${what} ${file} ${why}`, { file });
}
