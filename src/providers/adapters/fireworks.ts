// Fireworks: the OpenAI list plus context_length and supports_chat / supports_image_input / supports_tools.
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { kindFromId } from "./kind-from-id.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { optionalBoolean, positiveInteger } from "./read-field.js";
import { classifyOpenAiStyle } from "./classify-failure.js";

export const fireworksAdapter = {
  id: "fireworks",
  parseModels: parseOpenAiList,
  translateModel(raw): ProbedModel {
    const id = raw.id;
    const chat = optionalBoolean(raw.supports_chat);
    const vision = optionalBoolean(raw.supports_image_input);
    const tools = optionalBoolean(raw.supports_tools);
    const contextWindow = positiveInteger(raw.context_length);
    return {
      id,
      ...(chat === true ? { kind: "chat" as const } : chat === false ? { kind: kindFromId(id) ?? "other" } : {}),
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(vision !== undefined || tools !== undefined
        ? { capabilities: { ...(vision !== undefined ? { vision } : {}), ...(tools !== undefined ? { tools } : {}) } }
        : {}),
    };
  },
  classifyFailure: classifyOpenAiStyle,
} satisfies ProviderAdapter<OpenAiListEntry>;
