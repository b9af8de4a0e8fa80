// Any OpenAI-compatible server: OpenAI itself, DeepSeek, xAI, vLLM (max_model_len), Ollama's /v1, gateways.
import type { Model } from "../../../generated/snapshot-types.js";
import type { ProviderAdapter } from "../adapter.js";
import type { JsonObject } from "../../documents/json-object.js";
import { classifyOpenAiStyle, parseOpenAiList, positiveInteger } from "./openai-list.js";

// OpenAI's list mixes chat models with embeddings, speech, transcription, images and moderation, and says nothing
// of which is which. The catalogs say (built-in kind, LiteLLM mode, models.dev modalities); where none knows a
// model, its id is the only hint left, and it is taken as a hint only: every catalog outranks it.
const KIND_HINTS: readonly (readonly [RegExp, Model["kind"]])[] = [
  [/embed|similarity|-search-/i, "embedding"],
  [/whisper|(^|[-_/])tts([-_]|$)|transcribe|speech|audio|realtime/i, "audio"],
  [/dall-e|(^|[-_/])image([-_]|$)|gpt-image|sora|imagen|flux|stable-diffusion/i, "image"],
  [/moderation/i, "other"],
  // Completion-only legacy models: no chat endpoint.
  [/^(babbage|davinci)(-\d+)?$/i, "other"],
];

export function kindFromId(id: string): Model["kind"] | undefined {
  return KIND_HINTS.find(([pattern]) => pattern.test(id))?.[1];
}

export const openAiCompatibleAdapter = {
  id: "openai-compatible",
  parseModels: parseOpenAiList,
  translateModel(raw) {
    const id = raw.id as string;
    const contextWindow = positiveInteger(raw.max_model_len) ?? positiveInteger(raw.context_length);
    const kindHint = kindFromId(id);
    return { id, ...(contextWindow !== undefined ? { contextWindow } : {}), ...(kindHint !== undefined ? { kindHint } : {}) };
  },
  classifyFailure: classifyOpenAiStyle,
} satisfies ProviderAdapter<JsonObject>;
