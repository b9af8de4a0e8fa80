import type { Model } from "../../generated/snapshot-types.js";

/** The model `provider`/`id` in a snapshot (or a list of models); a clear error naming what is there when it is not. */
export function findModel(
  source: { readonly models: readonly Model[] } | readonly Model[] | undefined,
  provider: string,
  id: string,
): Model {
  const models: readonly Model[] = source === undefined ? [] : "models" in source ? source.models : source;
  const found = models.find((m) => m.provider === provider && m.id === id);
  if (!found) {
    const listed = models.filter((m) => m.provider === provider).map((m) => m.id);
    throw new Error(`no ${provider}/${id}; ${provider} has ${listed.length > 0 ? listed.join(", ") : "no models"}`);
  }
  return found;
}
