// LiteLLM `model_prices_and_context_window.json` → Catalog. Pure. Shape: { <model key, often provider/model>: {
//   litellm_provider, mode (chat, embedding, ...), max_input_tokens, max_output_tokens, input_cost_per_token,
//   output_cost_per_token, cache_read_input_token_cost (USD per token), supports_vision, supports_function_calling,
//   supports_reasoning, supports_response_schema, deprecation_date } }; `sample_spec` documents the format.
import type { PriceTier } from "../../generated/snapshot-types.js";
import { isObject, type JsonObject } from "../core/json-object.js";
import { perTokenToPerMillion } from "../core/price-units.js";
import { pricing, priceTier, type TokenPrices } from "../core/pricing.js";
import type { Facts } from "../core/facts.js";
import { isUsableModelId } from "../core/model-id.js";
import { BUILTIN_PROVIDER_IDS } from "../core/builtin-providers.js";
import { FieldReader, pointer } from "./catalog-field-reader.js";
import {
  CatalogBuilder,
  checkOptions,
  dropUnstated,
  type CommunityCatalogOptions,
  type OverlayCatalog,
  type OverlayEntry,
} from "./community-common.js";
import { LITELLM_PROVIDERS, sourceNames } from "./community-providers.js";
import { isCalendarDate } from "../core/calendar-date.js";

export const LITELLM_NAME = "litellm";
export const LITELLM_SOURCE = "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";

/** LiteLLM's JSON → facts for our providers, prices per million tokens; throws ConfigError naming the file and field. */
export function parseLiteLLMCatalog(json: unknown, options: CommunityCatalogOptions): OverlayCatalog {
  checkOptions(options);
  const read = new FieldReader(options.file, LITELLM_NAME);
  const root = read.object(json, "", "an object of models by name");
  // litellm_provider → [our provider, rank]: the lower rank wins where two of them name the same model.
  const wanted = new Map<string, { provider: string; rank: number }>();
  for (const provider of options.providers ?? BUILTIN_PROVIDER_IDS) {
    sourceNames(LITELLM_PROVIDERS, provider).forEach((name, rank) => wanted.set(name, { provider, rank }));
  }

  const candidates: { provider: string; rank: number; entry: OverlayEntry }[] = [];
  for (const [key, value] of Object.entries(root)) {
    if (key === "sample_spec" || !isObject(value)) continue;
    const litellmProvider = value.litellm_provider;
    if (typeof litellmProvider !== "string") continue;
    const target = wanted.get(litellmProvider);
    if (!target) continue;
    const id = key.startsWith(`${litellmProvider}/`) ? key.slice(litellmProvider.length + 1) : key;
    if (!isUsableModelId(id)) continue;
    candidates.push({ ...target, entry: litellmEntry(read, id, value, pointer(key)) });
  }
  const builder = new CatalogBuilder();
  // A stable sort: by rank, then in file order.
  for (const c of candidates.sort((a, b) => a.rank - b.rank)) builder.add(c.provider, c.entry);
  return builder.build();
}

function litellmEntry(read: FieldReader, id: string, model: JsonObject, at: string): OverlayEntry {
  const mode = read.optionalString(model, "mode", at);
  const deprecation = read.optionalString(model, "deprecation_date", at);
  if (deprecation !== undefined && !isCalendarDate(deprecation))
    read.fail(`${at}/deprecation_date`, `must be a date (YYYY-MM-DD), not ${JSON.stringify(deprecation)}`);

  const unit = "USD per token";
  const input = perMillion(read, model, "input_cost_per_token", at, unit);
  const output = perMillion(read, model, "output_cost_per_token", at, unit);
  const cached = perMillion(read, model, "cache_read_input_token_cost", at, unit);
  const perRequest = read.optionalPrice(model, "input_cost_per_request", at, "USD per request");
  const perImage = read.optionalPrice(model, "input_cost_per_image", at, "USD per image");
  const tiers = input !== undefined && output !== undefined ? longContextTiers(read, model, at, { input, output }) : [];
  // LiteLLM dates none of its prices, so none is dated here: the day of the run is not the day a price was seen.
  // A charge of 0 per request or per image is no charge: only one above 0 is written.
  const price: Facts["pricing"] =
    input !== undefined && output !== undefined
      ? pricing({
          input,
          output,
          cachedInput: cached,
          perRequest: perRequest !== undefined && perRequest > 0 ? perRequest : undefined,
          perImage: perImage !== undefined && perImage > 0 ? perImage : undefined,
          tiers,
          source: LITELLM_SOURCE,
        })
      : undefined;

  // LiteLLM names no model, and has no notion of our tiers: those facts are left to others. Its deprecation date is
  // the model's retirement date; the merge makes a model past it deprecated.
  return {
    id,
    facts: dropUnstated({
      kind: kindFromMode(mode),
      retiresAt: deprecation,
      contextWindow: read.optionalTokens(model, "max_input_tokens", at),
      maxOutput: read.optionalTokens(model, "max_output_tokens", at),
      vision: read.optionalBoolean(model, "supports_vision", at),
      tools: read.optionalBoolean(model, "supports_function_calling", at),
      reasoning: read.optionalBoolean(model, "supports_reasoning", at),
      json: read.optionalBoolean(model, "supports_response_schema", at),
      pricing: price,
    }),
  };
}

// input_cost_per_token_above_200k_tokens and its output and cache-read siblings: the price past 200,000 prompt
// tokens. Keys with a further suffix (_priority, _flex) price other service levels and are not read.
const ABOVE = /^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost)_above_(\d+)k_tokens$/;

function longContextTiers(read: FieldReader, model: JsonObject, at: string, base: TokenPrices): PriceTier[] {
  const byThreshold = new Map<number, { input?: number; output?: number; cachedInput?: number }>();
  for (const key of Object.keys(model)) {
    const match = ABOVE.exec(key);
    if (!match) continue;
    const price = perMillion(read, model, key, at, "USD per token");
    if (price === undefined) continue;
    const above = Number(match[2]) * 1000;
    const tier = byThreshold.get(above) ?? {};
    if (match[1] === "input_cost_per_token") tier.input = price;
    else if (match[1] === "output_cost_per_token") tier.output = price;
    else tier.cachedInput = price;
    byThreshold.set(above, tier);
  }
  return [...byThreshold]
    .filter(([, t]) => t.input !== undefined || t.output !== undefined)
    .sort(([a], [b]) => a - b)
    .map(([above, t]) => priceTier(above, t, base));
}

/** USD per token as LiteLLM writes it → USD per million tokens, exactly (0.00000055 → 0.55, not 0.5499999…). */
function perMillion(read: FieldReader, model: JsonObject, key: string, at: string, unit: string): number | undefined {
  const perToken = read.optionalPrice(model, key, at, unit);
  if (perToken === undefined) return undefined;
  const value = perTokenToPerMillion(perToken);
  if (value === undefined) read.fail(`${at}${pointer(key)}`, `must be a price in ${unit}, not ${perToken}`);
  return value;
}

function kindFromMode(mode: string | undefined): Facts["kind"] {
  switch (mode) {
    case undefined:
      return undefined;
    case "chat":
    case "completion":
    case "responses":
      return "chat";
    case "embedding":
      return "embedding";
    case "image_generation":
    case "image_edit":
      return "image";
    case "audio_transcription":
    case "audio_speech":
      return "audio";
    default:
      return "other";
  }
}
