// A provider's model names (ids and aliases, any case) → its canonical ids, as the policy variables are written.
import type { Model } from "../../generated/snapshot-types.js";
import type { ListSetting } from "../config/read-settings.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { didYouMean } from "../core/suggest.js";

/** Lower-cased id or alias → model. */
export type ModelIndex = ReadonlyMap<string, Model>;

/** Per provider, every id and alias of its models, lower-cased; models of providers not in the list are left out. */
export function indexModelNames(
  models: readonly Model[],
  providers: readonly { readonly id: string }[],
): Map<string, ModelIndex> {
  const byProvider = new Map<string, Map<string, Model>>();
  for (const p of providers) byProvider.set(p.id, new Map());
  for (const model of models) {
    const index = byProvider.get(model.provider);
    if (!index) continue;
    for (const name of [model.id, ...model.aliases]) index.set(name.toLowerCase(), model);
  }
  return byProvider;
}

/** Ids and aliases as written → canonical ids of this provider; names it does not know are reported and left out. */
export function resolveList(
  list: ListSetting,
  provider: string,
  index: ModelIndex,
  diagnostics: Diagnostic[],
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of list.values) {
    const model = index.get(value.toLowerCase());
    if (!model) {
      const hint = didYouMean(value, modelNames(index));
      diagnostics.push({
        level: "warning",
        code: "UNKNOWN_MODEL",
        variable: list.variable,
        provider,
        message: `${list.variable} names "${value}", which ${provider} does not have${hint}; it is ignored.`,
      });
      continue;
    }
    if (!seen.has(model.id)) {
      seen.add(model.id);
      out.push(model.id);
    }
  }
  return out;
}

/** The names a model index answers to, ids before aliases, so that a suggestion names the model's own id first. */
export function modelNames(index: ModelIndex): string[] {
  const models = [...new Set(index.values())];
  return [...models.map((m) => m.id), ...models.flatMap((m) => m.aliases)];
}
