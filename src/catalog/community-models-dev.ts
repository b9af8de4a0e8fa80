// models.dev `api.json` → Catalog. Pure. Shape: { <provider>: { id, name, models: { <model id>: {
//   name, attachment, reasoning, tool_call, structured_output, modalities: { input, output },
//   cost: { input, output, cache_read, cache_write } (USD per million tokens), limit: { context, output },
//   release_date, last_updated, status: alpha | beta | deprecated } } } }.
import type { PriceTier } from "../../generated/snapshot-types.js";
import type { JsonObject } from "../core/json-object.js";
import type { Facts } from "../core/facts.js";
import { pricing, priceTier, type TokenPrices } from "../core/pricing.js";
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
import { MODELS_DEV_PROVIDERS, sourceNames } from "./community-providers.js";
import { isCalendarDate } from "../core/calendar-date.js";

export const MODELS_DEV_NAME = "models.dev";
export const MODELS_DEV_SOURCE = "https://models.dev/api.json";

/** models.dev's JSON → facts for our providers; throws ConfigError naming the file and field for a malformed one. */
export function parseModelsDevCatalog(json: unknown, options: CommunityCatalogOptions): OverlayCatalog {
  checkOptions(options);
  const read = new FieldReader(options.file, MODELS_DEV_NAME);
  const root = read.object(json, "", "an object of providers by id");
  const builder = new CatalogBuilder();
  for (const provider of options.providers ?? BUILTIN_PROVIDER_IDS) {
    for (const key of sourceNames(MODELS_DEV_PROVIDERS, provider)) {
      if (!Object.hasOwn(root, key)) continue;
      const at = pointer(key);
      const models = read.object(read.object(root[key], at).models, `${at}/models`, "an object of models by id");
      for (const [id, value] of Object.entries(models)) {
        if (!isUsableModelId(id)) continue;
        builder.add(
          provider,
          modelsDevEntry(read, id, read.object(value, `${at}/models${pointer(id)}`), `${at}/models${pointer(id)}`),
        );
      }
    }
  }
  return builder.build();
}

function modelsDevEntry(read: FieldReader, id: string, model: JsonObject, at: string): OverlayEntry {
  const modalities = read.optionalObject(model, "modalities", at);
  const input = modalities ? read.optionalStrings(modalities, "input", `${at}/modalities`) : undefined;
  const output = modalities ? read.optionalStrings(modalities, "output", `${at}/modalities`) : undefined;
  const attachment = read.optionalBoolean(model, "attachment", at);
  const limit = read.optionalObject(model, "limit", at);
  const cost = read.optionalObject(model, "cost", at);
  const status = read.optionalString(model, "status", at);
  const lastUpdated = read.optionalString(model, "last_updated", at);

  let price: Facts["pricing"];
  if (cost) {
    const unit = "USD per million tokens";
    const inputPrice = read.optionalPrice(cost, "input", `${at}/cost`, unit);
    const outputPrice = read.optionalPrice(cost, "output", `${at}/cost`, unit);
    const cached = read.optionalPrice(cost, "cache_read", `${at}/cost`, unit);
    if (inputPrice !== undefined && outputPrice !== undefined) {
      const tiers = contextTiers(read, cost, `${at}/cost`, { input: inputPrice, output: outputPrice });
      price = pricing({
        input: inputPrice,
        output: outputPrice,
        cachedInput: cached,
        tiers,
        source: MODELS_DEV_SOURCE,
        // The day models.dev last touched this entry, where it says.
        asOf: isCalendarDate(lastUpdated) ? lastUpdated : undefined,
      });
    }
  }

  // models.dev has no notion of our tiers, and says nothing of streaming: those facts are left to others.
  return {
    id,
    facts: dropUnstated({
      name: read.name(model, at),
      kind: kindFromOutput(output),
      status:
        status === "alpha" || status === "beta"
          ? "preview"
          : status === "deprecated"
            ? "deprecated"
            : status === undefined
              ? undefined
              : "stable",
      contextWindow: limit ? read.optionalTokens(limit, "context", `${at}/limit`) : undefined,
      maxOutput: limit ? read.optionalTokens(limit, "output", `${at}/limit`) : undefined,
      // Image input is what the snapshot calls vision; `attachment` (files of any kind) only where modalities are missing.
      vision: input ? input.includes("image") : attachment,
      tools: read.optionalBoolean(model, "tool_call", at),
      reasoning: read.optionalBoolean(model, "reasoning", at),
      json: read.optionalBoolean(model, "structured_output", at),
      pricing: price,
    }),
  };
}

/**
 * cost.tiers[] {tier: {type: "context", size}, input, output, cache_read}: prices past `size` prompt tokens; an
 * older file has only cost.context_over_200k {input, output, cache_read}, the same past 200,000.
 */
function contextTiers(read: FieldReader, cost: JsonObject, at: string, base: TokenPrices): PriceTier[] {
  const unit = "USD per million tokens";
  const tiers = new Map<number, PriceTier>();
  const add = (above: number, prices: JsonObject, where: string) => {
    const input = read.optionalPrice(prices, "input", where, unit);
    const output = read.optionalPrice(prices, "output", where, unit);
    const cachedInput = read.optionalPrice(prices, "cache_read", where, unit);
    if ((input === undefined && output === undefined) || tiers.has(above)) return;
    tiers.set(above, priceTier(above, { input, output, cachedInput }, base));
  };
  const list = cost.tiers;
  if (Array.isArray(list)) {
    list.forEach((value, i) => {
      const where = `${at}/tiers/${i}`;
      const tier = read.object(value, where);
      const spec = read.optionalObject(tier, "tier", where);
      const type = spec ? read.optionalString(spec, "type", `${where}/tier`) : undefined;
      const size = spec ? read.optionalTokens(spec, "size", `${where}/tier`) : undefined;
      if (size !== undefined && (type === undefined || type === "context")) add(size, tier, where);
    });
  }
  // models.dev derives context_over_200k from a single tier of 200k or more, so beside tiers it says nothing new
  // (and would put a 272k tier at 200k).
  const over200k = Array.isArray(list) ? undefined : read.optionalObject(cost, "context_over_200k", at);
  if (over200k) add(200_000, over200k, `${at}/context_over_200k`);
  return [...tiers.values()].sort((a, b) => a.aboveInputTokens - b.aboveInputTokens);
}

/** Chat only when the model returns text alone: a music model returns text and audio, an image model text and images. */
function kindFromOutput(output: readonly string[] | undefined): Facts["kind"] {
  if (!output || output.length === 0) return undefined;
  if (output.includes("embedding") || output.includes("embeddings")) return "embedding";
  if (output.includes("image") || output.includes("video")) return "image";
  if (output.includes("audio")) return "audio";
  if (output.every((o) => o === "text")) return "chat";
  return "other";
}
