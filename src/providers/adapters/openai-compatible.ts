// Any OpenAI-compatible server: OpenAI itself, DeepSeek, xAI, vLLM (max_model_len), Ollama's /v1, gateways.
import type { ProviderAdapter } from "../adapter.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { positiveInteger } from "./read-field.js";
import { classifyOpenAiStyle } from "./classify-failure.js";
import { kindFromId } from "./kind-from-id.js";

export const openAiCompatibleAdapter = {
  id: "openai-compatible",
  parseModels: parseOpenAiList,
  translateModel(raw) {
    const id = raw.id;
    const contextWindow = positiveInteger(raw.max_model_len) ?? positiveInteger(raw.context_length);
    const kindHint = kindFromId(id);
    return {
      id,
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(kindHint !== undefined ? { kindHint } : {}),
    };
  },
  classifyFailure: classifyOpenAiStyle,
} satisfies ProviderAdapter<OpenAiListEntry>;
