// Listed models nobody describes rank after every described one: one warning per provider says which, and how to
// describe them.
import type { Model } from "../../generated/snapshot-types.js";
import type { Diagnostic } from "../core/diagnostic.js";

const MAX_NAMED_UNCATALOGUED = 10;

/** In the order of `providers`; `models` are read in one pass, not one per provider. */
export function uncataloguedDiagnostics(
  providers: readonly { readonly id: string }[],
  models: readonly Model[],
): Diagnostic[] {
  const undescribed = new Map<string, string[]>();
  for (const m of models) {
    if (m.described !== false || m.availability !== "listed") continue;
    const ids = undescribed.get(m.provider);
    if (ids) ids.push(m.id);
    else undescribed.set(m.provider, [m.id]);
  }
  return providers
    .map((p) => uncataloguedDiagnostic(p.id, undescribed.get(p.id) ?? []))
    .filter((d): d is Diagnostic => d !== undefined);
}

function uncataloguedDiagnostic(provider: string, ids: readonly string[]): Diagnostic | undefined {
  if (ids.length === 0) return undefined;
  const n = ids.length;
  const named =
    ids.slice(0, MAX_NAMED_UNCATALOGUED).join(", ") +
    (n > MAX_NAMED_UNCATALOGUED ? ` and ${n - MAX_NAMED_UNCATALOGUED} more` : "");
  return {
    level: "warning",
    code: "UNCATALOGUED_MODELS",
    provider,
    message:
      `${provider} lists ${n === 1 ? "a model" : `${n} models`} that no catalog describes and its answer does not: ${named}. ` +
      `${n === 1 ? "Its facts are" : "Their facts are"} defaults (unknown context, price and capabilities), so the selector ranks ${n === 1 ? "it" : "them"} after every described model. ` +
      `To describe ${n === 1 ? "it" : "them"}, pass --catalog with models.dev's api.json or LiteLLM's model_prices_and_context_window.json (or a file of your own in either shape), ` +
      `or add an entry to the built-in catalog (data/catalog/${provider}.json).`,
  };
}
