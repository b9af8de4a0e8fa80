// OpenRouter: the richest list — context, output cap, per-token prices as strings (with per-request, per-image and
// long-context charges), modalities, parameters, moving aliases (~…-latest with alias_target), variants (id:tag),
// routers (price "-1", tokenizer Router) and retirement dates (expiration_date).
import type { Model } from "../../../generated/snapshot-types.js";
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { isObject } from "../../core/json-object.js";
import { isCalendarDate } from "../../core/calendar-date.js";
import { isUsableModelId } from "../../core/model-id.js";
import { displayName } from "../../core/model-name.js";
import { SAFETY_CLASSIFIER_ID } from "./kind-from-id.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { positiveInteger, stringList } from "./read-field.js";
import { classifyByStatus } from "./classify-failure.js";
import { isRouterPrice, openRouterPricing } from "./openrouter-pricing.js";

// Variants served under their own id (`base:tag`). Those not meant for interactive calls are routed by name only:
// `:batch` answers through OpenRouter's batch API, asynchronously, within hours.
const VARIANT_TAG = /^[a-z0-9][a-z0-9-]{0,31}$/;
const BY_NAME_VARIANT_TAGS: ReadonlySet<string> = new Set(["batch"]);

function openRouterVariant(id: string): { of: string; tag: string } | undefined {
  const colon = id.lastIndexOf(":");
  if (colon <= 0) return undefined;
  const of = id.slice(0, colon);
  const tag = id.slice(colon + 1);
  return VARIANT_TAG.test(tag) && isUsableModelId(of) ? { of, tag } : undefined;
}

/**
 * What a model is for, from its modalities: chat only when it takes and returns text alone. A router is told by its
 * price ("-1") or its tokenizer ("Router"), except the `~` moving aliases, which carry that tokenizer too but are
 * priced models of their own.
 */
function kindOf(
  id: string,
  inputs: readonly string[],
  outputs: readonly string[],
  tokenizer: unknown,
  routerPrice: boolean,
): Model["kind"] {
  if (routerPrice || (tokenizer === "Router" && !id.startsWith("~"))) return "router";
  if (outputs.some((o) => o === "embeddings" || o === "embedding")) return "embedding";
  if (outputs.includes("image")) return "image";
  if (outputs.includes("audio")) return "audio";
  if (outputs.some((o) => o !== "text")) return "other";
  if (inputs.length > 0 && !inputs.includes("text")) return "other";
  // Text in, text out, yet no chat model: a safety classifier answers with a verdict (llama-guard-4-12b, 1M context,
  // would otherwise win a long-context fast_response request).
  if (SAFETY_CLASSIFIER_ID.test(id)) return "other";
  return "chat";
}

export const openRouterAdapter = {
  id: "openrouter",
  parseModels: parseOpenAiList,
  translateModel(raw): ProbedModel {
    const id = raw.id;
    const architecture = isObject(raw.architecture) ? raw.architecture : {};
    const topProvider = isObject(raw.top_provider) ? raw.top_provider : {};
    const inputs = stringList(architecture.input_modalities);
    const outputs = stringList(architecture.output_modalities);
    const parameters = new Set(stringList(raw.supported_parameters));
    const rawPricing = isObject(raw.pricing) ? raw.pricing : undefined;
    const kind = kindOf(
      id,
      inputs,
      outputs,
      architecture.tokenizer,
      isRouterPrice(rawPricing?.prompt) || isRouterPrice(rawPricing?.completion),
    );
    const pricing = openRouterPricing(rawPricing, kind);
    const contextWindow = positiveInteger(raw.context_length) ?? positiveInteger(topProvider.context_length);
    const maxOutput = positiveInteger(topProvider.max_completion_tokens);
    const variant = openRouterVariant(id);
    const movingAlias = id.startsWith("~");
    const target = isObject(raw.alias_target) ? raw.alias_target.slug : undefined;
    const aliasOf =
      movingAlias && typeof target === "string" && isUsableModelId(target) && target !== id ? target : undefined;
    const retiresAt = isCalendarDate(raw.expiration_date) ? raw.expiration_date : undefined;
    // Free only for a chat model with no per-request or per-image charge whose tokens cost nothing, or that
    // OpenRouter serves as its :free variant.
    const perUnit = pricing != null && (pricing.perRequest !== undefined || pricing.perImage !== undefined);
    const zero = pricing != null && pricing.input === 0 && pricing.output === 0;
    const free = kind === "chat" && !perUnit && (variant?.tag === "free" || zero);
    const byName = kind === "router" || (variant !== undefined && BY_NAME_VARIANT_TAGS.has(variant.tag));
    // Assigned field by field rather than spread from conditional literals: this runs once per listed model.
    const out: { -readonly [K in keyof ProbedModel]: ProbedModel[K] } = {
      id,
      kind,
      capabilities: {
        vision: inputs.includes("image"),
        tools: parameters.has("tools"),
        reasoning: parameters.has("reasoning") || parameters.has("include_reasoning"),
        json: parameters.has("response_format") || parameters.has("structured_outputs"),
        streaming: true,
      },
      freeTier: free,
      described: contextWindow !== undefined || pricing !== undefined || outputs.length > 0,
    };
    const name = displayName(raw.name);
    if (name !== undefined) out.name = name;
    if (contextWindow !== undefined) out.contextWindow = contextWindow;
    if (maxOutput !== undefined) out.maxOutput = maxOutput;
    if (pricing !== undefined) out.pricing = pricing;
    if (movingAlias) out.movingAlias = true;
    if (aliasOf !== undefined) out.aliasOf = aliasOf;
    if (variant !== undefined) out.variant = variant;
    if (byName) out.routing = "by_name";
    if (retiresAt !== undefined) out.retiresAt = retiresAt;
    return out;
  },
  // Out of credits is 402 here, which the status alone already says.
  classifyFailure: classifyByStatus,
} satisfies ProviderAdapter<OpenAiListEntry>;
