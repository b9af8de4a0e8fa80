import type { Model } from "../../generated/snapshot-types.js";

/** Models the selector may choose: the probe listed them, or they are kept from the last good snapshot. */
export function isRoutable(model: Pick<Model, "availability">): boolean {
  return model.availability === "listed" || model.availability === "stale";
}
