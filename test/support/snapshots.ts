import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSelector, SelectionError, type SelectionRequest, type Selector } from "../../src/selector/index.js";
import { buildSnapshot, type SnapshotSpec } from "./snapshot-builder.js";

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "snapshots");

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(fixturesDir, name), "utf8"));
}

export const selectorFor = (spec: SnapshotSpec): Selector => createSelector(buildSnapshot(spec));

/** "provider/model", so that tables stay short. */
export const ref = (r: { model: string; provider: string }) => `${r.provider}/${r.model}`;

export function selectionError(run: () => unknown): SelectionError {
  try {
    run();
  } catch (error) {
    if (error instanceof SelectionError) return error;
    throw error;
  }
  throw new Error("expected a SelectionError, but a model was chosen");
}

export type Outcome =
  { choice: string; rule?: string; fallbacks?: string[]; reason?: RegExp } | { error: string; message?: RegExp };

/** What select does with the request, in a form a table can state. */
export function outcome(
  selector: Selector,
  request: SelectionRequest,
):
  | { choice: string; rule: string | undefined; fallbacks: string[]; reason: string }
  | { error: string; message: string } {
  try {
    const choice = selector.select(request);
    const chosen = choice.trace.find((e) => e.outcome === "chosen");
    return { choice: ref(choice), rule: chosen?.rule, fallbacks: choice.fallbacks.map(ref), reason: choice.reason };
  } catch (error) {
    if (error instanceof SelectionError) return { error: error.code, message: error.message };
    throw error;
  }
}
