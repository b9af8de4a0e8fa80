// The environment's overrides, the top fact layer: MODEL_COSTS_JSON prices and FREE_MODEL_LIST frees models named by
// id or alias, on any provider. They are laid on after the rules (see fact-rules.ts): what a variable says is taken
// as said.
import type { Model } from "../../generated/snapshot-types.js";
import type { ListSetting, PriceOverride } from "../config/read-settings.js";
import type { Diagnostic } from "../core/diagnostic.js";
import type { FactLayer, Facts } from "../core/facts.js";
import { pricing } from "../core/pricing.js";
import { didYouMean } from "../core/suggest.js";

export const MODEL_COSTS_VARIABLE = "MODEL_COSTS_JSON";
export const FREE_MODELS_VARIABLE = "FREE_MODEL_LIST";

/** A layer of the environment: it states a price, or that a model is free, and nothing else. */
export interface EnvLayer extends FactLayer {
  readonly facts: Pick<Facts, "pricing" | "freeTier">;
}

export interface EnvOverrides {
  /** The layers for a model known by these names (its id and aliases), lowest first; the names it matches count as used. */
  layersFor(id: string, aliases: readonly string[]): EnvLayer[];
  /** An UNKNOWN_MODEL warning for each name that matched no model; `models` (in merge order) give the hints. */
  unmatched(models: readonly Model[]): Diagnostic[];
}

/** One variable's names, each with what it says of a model it names. */
class NamedOverrides {
  private readonly byName = new Map<string, number[]>();
  private readonly matched: boolean[];

  constructor(
    readonly variable: string,
    private readonly names: readonly string[],
  ) {
    this.matched = names.map(() => false);
    names.forEach((name, i) => {
      const key = name.toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(i);
      else this.byName.set(key, [i]);
    });
  }

  get empty(): boolean {
    return this.names.length === 0;
  }

  /** The positions of the names that match any of `names` (lower-cased), marked used; in the variable's order. */
  match(names: ReadonlySet<string>): number[] {
    const found: number[] = [];
    for (const name of names) for (const i of this.byName.get(name) ?? []) found.push(i);
    for (const i of found) this.matched[i] = true;
    return found.sort((a, b) => a - b);
  }

  unmatched(candidates: () => string[]): Diagnostic[] {
    const variable = this.variable;
    return this.names.flatMap((name, i): Diagnostic[] =>
      this.matched[i]
        ? []
        : [
            {
              level: "warning",
              code: "UNKNOWN_MODEL",
              variable,
              message: `${variable} names "${name}", which no provider has${didYouMean(name, candidates())}; it has no effect.`,
            },
          ],
    );
  }
}

export function envOverrides(
  modelCosts: ReadonlyMap<string, PriceOverride> | undefined,
  freeModels: ListSetting | undefined,
): EnvOverrides {
  const costs = new NamedOverrides(MODEL_COSTS_VARIABLE, [...(modelCosts?.keys() ?? [])]);
  const prices = [...(modelCosts?.values() ?? [])];
  const free = new NamedOverrides(freeModels?.variable ?? FREE_MODELS_VARIABLE, freeModels?.values ?? []);
  const none = costs.empty && free.empty;
  return {
    layersFor(id, aliases) {
      if (none) return [];
      const names = new Set([id.toLowerCase(), ...aliases.map((a) => a.toLowerCase())]);
      const layers: EnvLayer[] = [];
      // Of several names for one model, the one written last wins.
      const price = costs
        .match(names)
        .map((i) => prices[i]!)
        .at(-1);
      if (price !== undefined) {
        const source = `env:${costs.variable}`;
        layers.push({
          source,
          facts: {
            pricing: pricing({ input: price.input, output: price.output, cachedInput: price.cachedInput, source }),
          },
        });
      }
      if (free.match(names).length > 0) layers.push({ source: `env:${free.variable}`, facts: { freeTier: true } });
      return layers;
    },
    unmatched(models) {
      let candidates: string[] | undefined;
      const names = () => (candidates ??= models.flatMap((m) => [m.id, ...m.aliases]));
      return [...costs.unmatched(names), ...free.unmatched(names)];
    },
  };
}

/** A model kept from the last good snapshot, under the environment's layers: priced and freed as the variables say. */
export function overrideKeptModel(model: Model, layers: readonly EnvLayer[]): void {
  for (const layer of layers) {
    if (layer.facts.pricing !== undefined) {
      model.pricing = layer.facts.pricing;
      model.sources.pricing = layer.source;
    }
    if (layer.facts.freeTier !== undefined) {
      model.freeTier = layer.facts.freeTier;
      model.sources.freeTier = layer.source;
    }
  }
}
