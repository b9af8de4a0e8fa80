// The schemas' modelId (snapshot and catalog alike), as code: an id that fails it could never be written to a
// snapshot, so it is dropped wherever ids come from outside (a provider's list, a community catalog).
// test/core/model-id.test.ts holds the two in step.
import type { Model } from "../../generated/snapshot-types.js";

export const MODEL_ID_PATTERN = /^~?[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
export const MAX_MODEL_ID_LENGTH = 256;

export function isUsableModelId(id: string): boolean {
  return id.length <= MAX_MODEL_ID_LENGTH && MODEL_ID_PATTERN.test(id);
}

/** A model's identity in a snapshot: its provider and id, as one string for sets and maps. */
export function modelKey(m: Pick<Model, "provider" | "id">): string {
  return `${m.provider}\u0000${m.id}`;
}
