// One provider's policy: its allow-list, preferences and default model as canonical ids, with a diagnostic for each
// name it does not have and each named model that cannot be chosen as the user expects.
import type { Model, ProviderPolicy } from "../../generated/snapshot-types.js";
import type { ListSetting, ProviderSettings } from "../config/read-settings.js";
import { CATEGORIES } from "../core/categories.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { isPossiblyRoutableChat, modelAllowed } from "../core/policy-rules.js";
import { resolveList, type ModelIndex } from "./model-names.js";
import { usabilityDiagnostics, type ProviderState } from "./usability.js";

export function resolveProviderPolicy(
  settingsFor: ProviderSettings | undefined,
  provider: ProviderState,
  index: ModelIndex,
  diagnostics: Diagnostic[],
  asOf: string | undefined,
): ProviderPolicy {
  const resolve = (list: ListSetting | undefined): string[] =>
    list ? resolveList(list, provider.id, index, diagnostics) : [];

  const allowedModels = settingsFor?.allowedModels ? resolve(settingsFor.allowedModels) : null;
  const isAllowed = (id: string) => modelAllowed(allowedModels, id);
  const check = (variable: string, ids: readonly string[]) => {
    for (const id of ids)
      diagnostics.push(
        ...usabilityDiagnostics(variable, provider.id, index.get(id.toLowerCase())!, isAllowed(id), provider, asOf),
      );
  };

  const preferredModels = resolve(settingsFor?.preferredModels);
  check(settingsFor?.preferredModels?.variable ?? "", preferredModels);
  const preferredByCategory = {} as ProviderPolicy["preferredByCategory"];
  for (const category of CATEGORIES) {
    const merged: string[] = [];
    const seen = new Set<string>();
    for (const list of settingsFor?.preferredByCategory[category] ?? []) {
      const ids = resolve(list).filter((id) => !seen.has(id));
      check(list.variable, ids);
      for (const id of ids) {
        seen.add(id);
        merged.push(id);
      }
    }
    preferredByCategory[category] = merged;
  }
  let defaultModel: string | null = null;
  if (settingsFor?.defaultModel) {
    const [id] = resolve({ variable: settingsFor.defaultModel.variable, values: [settingsFor.defaultModel.value] });
    if (id !== undefined) {
      defaultModel = id;
      check(settingsFor.defaultModel.variable, [id]);
    }
  }
  if (allowedModels !== null) {
    const routable = [...new Set<Model>(index.values())].filter((m) => isPossiblyRoutableChat(m) && isAllowed(m.id));
    if (routable.length === 0) {
      diagnostics.push({
        level: "warning",
        code: "ALLOW_LIST_EMPTY",
        variable: settingsFor!.allowedModels!.variable,
        provider: provider.id,
        message: `${settingsFor!.allowedModels!.variable} leaves ${provider.id} with no model it can route to.`,
      });
    }
  }
  return { allowedModels, preferredModels, preferredByCategory, defaultModel };
}
