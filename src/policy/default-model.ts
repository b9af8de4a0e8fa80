// DEFAULT_MODEL: the model for requests that name none, and the provider that serves it.
import type { Model, Policy, ProviderPolicy } from "../../generated/snapshot-types.js";
import type { RoutingSettings } from "../config/read-settings.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { isRoutableChat, modelAllowedIn } from "../core/policy-rules.js";
import { didYouMean } from "../core/suggest.js";
import { modelNames, type ModelIndex } from "./model-names.js";
import { usabilityDiagnostics, type ProviderState } from "./usability.js";

/** null when DEFAULT_MODEL is unset, "auto", or names a model no provider has (reported). */
export function resolveDefaultModel(
  settings: RoutingSettings,
  byProvider: ReadonlyMap<string, ModelIndex>,
  policies: Readonly<Record<string, ProviderPolicy>>,
  providers: ReadonlyMap<string, ProviderState>,
  diagnostics: Diagnostic[],
  asOf: string | undefined,
): Policy["defaultModel"] {
  const setting = settings.defaultModel;
  if (!setting) return null;
  const wanted = setting.value.toLowerCase();
  const holders = settings.providerPriority
    .map((p) => byProvider.get(p)?.get(wanted))
    .filter((m): m is Model => m !== undefined);
  if (holders.length === 0) {
    const hint = didYouMean(
      setting.value,
      settings.providerPriority.flatMap((p) => modelNames(byProvider.get(p) ?? new Map())),
    );
    diagnostics.push({
      level: "warning",
      code: "DEFAULT_MODEL_UNKNOWN",
      variable: setting.variable,
      message: `${setting.variable} is "${setting.value}", which no provider has${hint}; requests without a model are routed on merit instead.`,
    });
    return null;
  }
  // The first provider, in priority order, that can actually serve it; else the first that has it, so the warning is specific.
  const isAllowed = (m: Model) => modelAllowedIn({ providers: policies }, m.provider, m.id);
  const canServe = (m: Model) => isRoutableChat(m) && isAllowed(m);
  const chosen = holders.find(canServe) ?? holders[0]!;
  const state = providers.get(chosen.provider) ?? { id: chosen.provider };
  diagnostics.push(...usabilityDiagnostics(setting.variable, chosen.provider, chosen, isAllowed(chosen), state, asOf));
  return { model: chosen.id, provider: chosen.provider };
}
