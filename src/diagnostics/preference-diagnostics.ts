// A provider with several models and no preference is chosen on merit: say, per category, what that means.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { CATEGORIES } from "../core/categories.js";
import { SelectionError } from "../selector/index.js";
import { selectorForBuiltSnapshot } from "../selector/shared.js";

export function preferenceDiagnostics(snapshot: ProviderRegistrySnapshot): Diagnostic[] {
  // Not checked against the schema here: register checks the snapshot once it is complete, and checking it here too
  // would validate every model twice.
  const selector = selectorForBuiltSnapshot(snapshot);
  // Counted in one pass: a filter over every model per provider would be providers × models. Chat models listed, and
  // of those the ones chosen on merit (not routed by name only).
  const listedChat = new Map<string, number>();
  const onMeritChat = new Map<string, number>();
  for (const m of snapshot.models) {
    if (m.kind !== "chat" || m.availability !== "listed") continue;
    listedChat.set(m.provider, (listedChat.get(m.provider) ?? 0) + 1);
    if ((m.routing ?? "merit") === "merit") onMeritChat.set(m.provider, (onMeritChat.get(m.provider) ?? 0) + 1);
  }
  const out: Diagnostic[] = [];
  for (const provider of snapshot.providers) {
    if (provider.probe.status !== "ok") continue;
    const policy = snapshot.policy.providers[provider.id];
    const hasPreference =
      policy !== undefined &&
      (policy.preferredModels.length > 0 ||
        policy.defaultModel !== null ||
        CATEGORIES.some((c) => policy.preferredByCategory[c].length > 0));
    if (hasPreference) continue;
    const routable = listedChat.get(provider.id) ?? 0;
    if (routable < 2) continue;
    const picks = CATEGORIES.map((category) => {
      try {
        const choice = selector.select({ provider: provider.id, category });
        return `${category} → ${choice.model} (${choice.reason.replace(/\.$/, "")})`;
      } catch (error) {
        if (error instanceof SelectionError) return `${category} → nothing (${error.code})`;
        throw error;
      }
    });
    const prefix = provider.id.toUpperCase();
    // The probe's count, as the progress line and the summary give it; how many of them answer on merit besides.
    const listed = provider.probe.modelCount;
    const onMerit = onMeritChat.get(provider.id) ?? 0;
    const count =
      onMerit === listed ? `${listed} models` : `${listed} models (${onMerit} of them chat models chosen on merit)`;
    const message = `${provider.id} lists ${count} and no preference is set (${prefix}_PREFERRED_MODELS, ${prefix}_PREFERRED_MODELS_<CATEGORY>, ${prefix}_DEFAULT_MODEL), so the selector chooses on merit: ${picks.join("; ")}.`;
    out.push({ level: "info", code: "NO_PREFERENCE", provider: provider.id, message });
  }
  return out;
}
