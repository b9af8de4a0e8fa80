// The routing policy the selector will follow, resolved once from the settings against the merged models. Pure.
import type { Model, Policy, ProviderPolicy } from "../../generated/snapshot-types.js";
import type { RoutingSettings } from "../config/read-settings.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { resolveDefaultModel } from "./default-model.js";
import { indexModelNames } from "./model-names.js";
import { resolveProviderPolicy } from "./provider-policy.js";
import type { ProviderState } from "./usability.js";

export type { ProviderState } from "./usability.js";

export interface ResolveOptions {
  /** The day of the run (YYYY-MM-DD): a preferred or default model retiring within RETIRING_SOON_DAYS of it is worth a warning. */
  readonly asOf?: string;
}

export function resolvePolicy(
  settings: RoutingSettings,
  models: readonly Model[],
  providers: readonly ProviderState[],
  options: ResolveOptions = {},
): { policy: Policy; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byProvider = indexModelNames(models, providers);
  const state = new Map(providers.map((p) => [p.id, p]));

  const policies: Record<string, ProviderPolicy> = {};
  for (const provider of providers) {
    policies[provider.id] = resolveProviderPolicy(
      settings.providers[provider.id],
      state.get(provider.id)!,
      byProvider.get(provider.id)!,
      diagnostics,
      options.asOf,
    );
  }

  const policy: Policy = {
    providerPriority: [...settings.providerPriority],
    allowedProviders: settings.allowedProviders ? [...settings.allowedProviders] : null,
    disabledProviders: [...settings.disabledProviders],
    defaultModel: resolveDefaultModel(settings, byProvider, policies, state, diagnostics, options.asOf),
    routeUnverified: settings.routeUnverified,
    costAwareRouting: settings.costAwareRouting,
    freeTierPreference: settings.freeTierPreference,
    reasonableOutputPrice: settings.reasonableOutputPrice,
    providers: policies,
  };
  return { policy, diagnostics };
}
