// The routing policy the selector will follow, resolved once from the settings against the merged models. Pure.
import type { Model, Policy, ProviderPolicy } from "../../generated/snapshot-types.js";
import type { ListSetting, RoutingSettings } from "../config/read-settings.js";
import { CATEGORIES } from "../core/categories.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { isPossiblyRoutableChat, isRoutableChat, modelAllowed } from "../core/policy-rules.js";
import { didYouMean } from "../core/suggest.js";

export interface ProviderState {
  readonly id: string;
  /** Why the provider was not probed or failed; undefined when its probe succeeded. */
  readonly notProbedBecause?: string;
}

export interface ResolveOptions {
  /** The day of the run (YYYY-MM-DD): a preferred or default model retiring within RETIRING_SOON_DAYS of it is worth a warning. */
  readonly asOf?: string;
}

/** How far ahead a retirement date makes a preferred or default model worth a warning. */
export const RETIRING_SOON_DAYS = 30;

export function resolvePolicy(
  settings: RoutingSettings,
  models: readonly Model[],
  providers: readonly ProviderState[],
  options: ResolveOptions = {},
): { policy: Policy; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byProvider = new Map<string, Map<string, Model>>();
  for (const p of providers) byProvider.set(p.id, new Map());
  for (const model of models) {
    const index = byProvider.get(model.provider);
    if (!index) continue;
    for (const name of [model.id, ...model.aliases]) index.set(name.toLowerCase(), model);
  }
  const state = new Map(providers.map((p) => [p.id, p]));

  const policies: Record<string, ProviderPolicy> = {};
  for (const provider of providers) {
    const settingsFor = settings.providers[provider.id];
    const index = byProvider.get(provider.id)!;
    const resolve = (list: ListSetting | undefined): string[] => (list ? resolveList(list, provider.id, index, diagnostics) : []);

    const allowedModels = settingsFor?.allowedModels ? resolve(settingsFor.allowedModels) : null;
    const allowed = (id: string) => modelAllowed(allowedModels, id);
    const check = (variable: string, ids: readonly string[]) => {
      for (const id of ids) diagnostics.push(...checkUsable(variable, provider.id, index.get(id.toLowerCase())!, allowed(id), state.get(provider.id)!, options.asOf));
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
      const routable = [...new Set(index.values())].filter((m) => isPossiblyRoutableChat(m) && allowed(m.id));
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
    policies[provider.id] = { allowedModels, preferredModels, preferredByCategory, defaultModel };
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

/** Ids and aliases as written → canonical ids of this provider; names it does not know are reported and left out. */
function resolveList(list: ListSetting, provider: string, index: ReadonlyMap<string, Model>, diagnostics: Diagnostic[]): string[] {
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
function modelNames(index: ReadonlyMap<string, Model>): string[] {
  const models = [...new Set(index.values())];
  return [...models.map((m) => m.id), ...models.flatMap((m) => m.aliases)];
}

function checkUsable(variable: string, provider: string, model: Model, allowed: boolean, state: ProviderState, asOf: string | undefined): Diagnostic[] {
  const at = { variable, provider, model: model.id };
  if (!allowed) {
    return [{ level: "warning", code: "MODEL_NOT_ALLOWED", ...at, message: `${variable} names ${model.id}, which ${provider.toUpperCase()}_ALLOWED_MODELS does not allow; it will never be chosen.` }];
  }
  if (model.availability === "not_listed") {
    return [{ level: "warning", code: "MODEL_NOT_LISTED", ...at, message: `${variable} names ${model.id}, which ${provider} did not list; it will not be chosen until it is.` }];
  }
  if (model.kind === "router") {
    return [{ level: "warning", code: "MODEL_NOT_CHAT", ...at, message: `${variable} names ${model.id}, which is a router (it hands each request to a model it picks): routers are chosen only when a request names them, never from a preference.` }];
  }
  if (model.kind !== "chat") {
    return [{ level: "warning", code: "MODEL_NOT_CHAT", ...at, message: `${variable} names ${model.id}, which is ${/^[aeiou]/.test(model.kind) ? "an" : "a"} ${model.kind} model, not a chat model; it will never be chosen.` }];
  }
  if (model.availability === "unverified" && state.notProbedBecause !== undefined) {
    return [{ level: "info", code: "MODEL_UNVERIFIED", ...at, message: `${variable} names ${model.id}, which could not be checked: ${provider} was not probed (${state.notProbedBecause}).` }];
  }
  // Honoured all the same (it is what the user wrote), but each of these is worth knowing before it bites.
  const out: Diagnostic[] = [];
  if (model.status === "deprecated") {
    const retired = model.retiresAt !== undefined && asOf !== undefined && model.retiresAt <= asOf ? ` (retired on ${model.retiresAt})` : "";
    out.push({ level: "warning", code: "MODEL_DEPRECATED", ...at, message: `${variable} names ${model.id}, which ${provider} has deprecated${retired}; it is still honoured while it is listed, but choose a live model before it is withdrawn.` });
  } else if (model.retiresAt !== undefined && asOf !== undefined && daysBetween(asOf, model.retiresAt) <= RETIRING_SOON_DAYS) {
    const days = daysBetween(asOf, model.retiresAt);
    out.push({
      level: "warning",
      code: "MODEL_RETIRING",
      ...at,
      message: `${variable} names ${model.id}, which ${provider} retires on ${model.retiresAt} (in ${days} day${days === 1 ? "" : "s"}); choose its successor before then.`,
    });
  }
  if (model.movingAlias) {
    const target = model.aliasOf !== undefined ? ` (now ${model.aliasOf})` : "";
    out.push({
      level: "warning",
      code: "MOVING_ALIAS_PREFERRED",
      ...at,
      message: `${variable} names ${model.id}, a moving alias${target}: the model behind it changes when ${provider} says so, and with it cost and behaviour. It is honoured; name a pinned id${model.aliasOf !== undefined ? ` such as ${model.aliasOf}` : ""} for choices that stay put.`,
    });
  }
  return out;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function resolveDefaultModel(
  settings: RoutingSettings,
  byProvider: ReadonlyMap<string, ReadonlyMap<string, Model>>,
  policies: Readonly<Record<string, ProviderPolicy>>,
  providers: ReadonlyMap<string, ProviderState>,
  diagnostics: Diagnostic[],
  asOf: string | undefined,
): Policy["defaultModel"] {
  const setting = settings.defaultModel;
  if (!setting) return null;
  const wanted = setting.value.toLowerCase();
  const holders = settings.providerPriority.map((p) => byProvider.get(p)?.get(wanted)).filter((m): m is Model => m !== undefined);
  if (holders.length === 0) {
    const hint = didYouMean(setting.value, settings.providerPriority.flatMap((p) => modelNames(byProvider.get(p) ?? new Map())));
    diagnostics.push({
      level: "warning",
      code: "DEFAULT_MODEL_UNKNOWN",
      variable: setting.variable,
      message: `${setting.variable} is "${setting.value}", which no provider has${hint}; requests without a model are routed on merit instead.`,
    });
    return null;
  }
  // The first provider, in priority order, that can actually serve it; else the first that has it, so the warning is specific.
  const allowed = (m: Model) => modelAllowed(policies[m.provider]?.allowedModels ?? null, m.id);
  const usable = (m: Model) => isRoutableChat(m) && allowed(m);
  const chosen = holders.find(usable) ?? holders[0]!;
  const state = providers.get(chosen.provider) ?? { id: chosen.provider };
  diagnostics.push(...checkUsable(setting.variable, chosen.provider, chosen, allowed(chosen), state, asOf));
  return { model: chosen.id, provider: chosen.provider };
}
