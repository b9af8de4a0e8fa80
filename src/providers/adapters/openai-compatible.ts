// Any OpenAI-compatible server: OpenAI itself, vLLM (max_model_len), Ollama's /v1, LM Studio, gateways.
import type { ProviderAdapter } from "../adapter.js";
import type { JsonObject } from "../../documents/json-object.js";
import { classifyByStatus, parseOpenAiList, positiveInteger } from "./openai-list.js";

export const openAiCompatibleAdapter = {
  id: "openai-compatible",
  parseModels: parseOpenAiList,
  translateModel(raw) {
    const contextWindow = positiveInteger(raw.max_model_len) ?? positiveInteger(raw.context_length);
    return { id: raw.id as string, ...(contextWindow !== undefined ? { contextWindow } : {}) };
  },
  classifyFailure: classifyByStatus,
} satisfies ProviderAdapter<JsonObject>;
