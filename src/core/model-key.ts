// A model's identity in a snapshot: its provider and id, as one string for sets and maps.
import type { Model } from "../../generated/snapshot-types.js";

export function modelKey(m: Pick<Model, "provider" | "id">): string {
  return `${m.provider}\u0000${m.id}`;
}
