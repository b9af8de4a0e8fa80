// MODEL_COSTS_JSON: prices the user states per model id, checked field by field. Pure: the environment is passed in.
import { ConfigError } from "../core/errors.js";
import { tooDeepAt } from "../core/json-depth.js";
import { isObject } from "../core/json-object.js";
import type { TokenPrices } from "../core/pricing.js";
import { envString, type Env } from "./env-values.js";

/** A price the user states for a model: USD per million tokens. */
export type PriceOverride = TokenPrices;

/** A price table is two levels deep: {"model": {"input": 1}}. */
const MAX_COSTS_DEPTH = 8;

/** MODEL_COSTS_JSON keyed by model id as written; empty when the variable is unset. */
export function readModelCosts(env: Env): Map<string, PriceOverride> {
  const variable = "MODEL_COSTS_JSON";
  const raw = envString(env, variable);
  const costs = new Map<string, PriceOverride>();
  if (raw === undefined) return costs;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(`${variable} is not valid JSON (${(error as Error).message})`, { variable });
  }
  const deep = tooDeepAt(parsed, MAX_COSTS_DEPTH);
  if (deep !== null)
    throw new ConfigError(
      `${variable} nests too deep (at ${deep.slice(0, 60)}${deep.length > 60 ? "…" : ""}): it is model id → price or {"input", "output"}`,
      { variable },
    );
  if (!isObject(parsed)) {
    throw new ConfigError(
      `${variable} must be a JSON object of model id to price, e.g. {"glm-4.5-air": 0.6} or {"glm-4.5": {"input": 0.6, "output": 2.2}}`,
      { variable },
    );
  }
  for (const [model, value] of Object.entries(parsed)) {
    const field = `${variable}.${model}`;
    const price = (v: unknown, part: string): number => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        throw new ConfigError(
          `${field}${part} must be a non-negative number (USD per million tokens), not ${preview(v)}`,
          { variable, field },
        );
      }
      return v;
    };
    if (typeof value === "number") {
      // One number is the price of input and output alike.
      const p = price(value, "");
      costs.set(model, { input: p, output: p });
    } else if (isObject(value)) {
      const extra = Object.keys(value).filter((k) => !["input", "output", "cachedInput"].includes(k));
      if (extra.length > 0)
        throw new ConfigError(`${field} has unknown field "${extra[0]}" (expected input, output, cachedInput)`, {
          variable,
          field,
        });
      costs.set(model, {
        input: price(value.input, ".input"),
        output: price(value.output, ".output"),
        ...(value.cachedInput !== undefined ? { cachedInput: price(value.cachedInput, ".cachedInput") } : {}),
      });
    } else {
      throw new ConfigError(`${field} must be a number or {"input", "output"}, not ${preview(value)}`, {
        variable,
        field,
      });
    }
  }
  return costs;
}

/** A value for a message: short, whatever it holds. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
