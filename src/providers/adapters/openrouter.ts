// OpenRouter: the richest list — context, output cap, per-token prices as strings, modalities, parameters.
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { isObject, type JsonObject } from "../../documents/json-object.js";
import { classifyByStatus, parseOpenAiList, positiveInteger } from "./openai-list.js";
import { perTokenToPerMillion } from "./per-token-price.js";

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

// A snapshot's model name is at most 300 characters; a longer one, or one with control characters (terminal
// escapes, line breaks), is not a name to show anyone: the catalog's or the id stands in.
const MAX_NAME_LENGTH = 300;

function displayName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.trim();
  return name !== "" && name.length <= MAX_NAME_LENGTH && !/\p{Cc}/u.test(name) ? name : undefined;
}

export const openRouterAdapter = {
  id: "openrouter",
  parseModels: parseOpenAiList,
  translateModel(raw): ProbedModel {
    const id = raw.id as string;
    const architecture = isObject(raw.architecture) ? raw.architecture : {};
    const topProvider = isObject(raw.top_provider) ? raw.top_provider : {};
    const inputs = stringArray(architecture.input_modalities);
    const outputs = stringArray(architecture.output_modalities);
    const parameters = new Set(stringArray(raw.supported_parameters));
    const pricing = isObject(raw.pricing) ? raw.pricing : undefined;
    // Router entries such as openrouter/auto price "-1" (decided per request): no price, rather than a wrong one.
    const input = perTokenToPerMillion(pricing?.prompt);
    const output = perTokenToPerMillion(pricing?.completion);
    const cachedInput = perTokenToPerMillion(pricing?.input_cache_read);
    const contextWindow = positiveInteger(raw.context_length) ?? positiveInteger(topProvider.context_length);
    const maxOutput = positiveInteger(topProvider.max_completion_tokens);
    const free = id.endsWith(":free") || (input === 0 && output === 0);
    return {
      id,
      ...(displayName(raw.name) !== undefined ? { name: displayName(raw.name) } : {}),
      kind: outputs.length === 0 || outputs.includes("text") ? "chat" : outputs.includes("image") ? "image" : "other",
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(maxOutput !== undefined ? { maxOutput } : {}),
      capabilities: {
        vision: inputs.includes("image"),
        tools: parameters.has("tools"),
        reasoning: parameters.has("reasoning") || parameters.has("include_reasoning"),
        json: parameters.has("response_format") || parameters.has("structured_outputs"),
        streaming: true,
      },
      ...(input !== undefined && output !== undefined
        ? { pricing: { input, output, ...(cachedInput !== undefined ? { cachedInput } : {}) } }
        : {}),
      freeTier: free,
    };
  },
  // Out of credits is 402 here, which the status alone already says.
  classifyFailure: classifyByStatus,
} satisfies ProviderAdapter<JsonObject>;
