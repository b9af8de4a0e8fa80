// Probed lists + the catalogs + the environment's overrides → every model with every fact and its source. Pure.
import type { Model } from "../../generated/snapshot-types.js";
import type { OverlayCatalog } from "../catalog/community-common.js";
import type { Catalog } from "../catalog/load-catalog.js";
import type { ListSetting, PriceOverride } from "../config/read-settings.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { byProviderThenId } from "../core/order.js";
import type { OverlayIndex } from "./build-model.js";
import { envOverrides } from "./env-overrides.js";
import { staleDiagnostic } from "./last-known-good.js";
import { providerModels } from "./provider-models.js";
import type { ProviderListing } from "./provider-listings.js";
import { uncataloguedDiagnostics } from "./uncatalogued.js";

export type { LastKnownGood } from "./last-known-good.js";
export type { ProviderListing } from "./provider-listings.js";

export interface MergeInput {
  readonly providers: readonly ProviderListing[];
  readonly catalog: Catalog;
  /** Community catalogs beneath the built-in one, highest precedence last. */
  readonly overlays?: readonly { readonly name: string; readonly catalog: OverlayCatalog }[];
  readonly modelCosts?: ReadonlyMap<string, PriceOverride>;
  readonly freeModels?: ListSetting;
  /** The day of the run (YYYY-MM-DD): a model whose retirement date is on or before it is deprecated. */
  readonly asOf?: string;
}

export function mergeModels(input: MergeInput): { models: Model[]; diagnostics: Diagnostic[] } {
  const env = envOverrides(input.modelCosts, input.freeModels);
  const models: Model[] = [];
  const staleDiagnostics: Diagnostic[] = [];
  for (const provider of input.providers) {
    const overlays = (input.overlays ?? []).map((o): OverlayIndex => ({
      name: o.name,
      index: new Map((o.catalog.get(provider.id) ?? []).map((e) => [e.id.toLowerCase(), e])),
    }));
    const merged = providerModels(provider, input.catalog.get(provider.id) ?? [], {
      provider: provider.id,
      overlays,
      asOf: input.asOf,
      env,
    });
    // Not push(...merged): a provider may list more models than a call can take arguments.
    for (const model of merged) models.push(model);
    const stale = merged.filter((m) => m.availability === "stale");
    if (stale.length > 0) staleDiagnostics.push(staleDiagnostic(provider.id, stale, provider.lastKnownGood!.failure));
  }
  const diagnostics = [
    ...staleDiagnostics,
    ...uncataloguedDiagnostics(input.providers, models),
    ...env.unmatched(models),
  ];
  models.sort(byProviderThenId);
  return { models, diagnostics };
}
