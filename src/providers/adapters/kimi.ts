// Moonshot's list: OpenAI shape, and newer answers add context_length and supports_* flags.
import type { ProviderAdapter } from "../adapter.js";
import { isObject } from "../../core/json-object.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { optionalBoolean, positiveInteger } from "./read-field.js";
import { classifyByStatus } from "./classify-failure.js";

// 429 means three things at Moonshot; only an empty balance is not worth retrying.
const NO_RETRY_TYPES = new Set(["exceeded_current_quota_error"]);

export const kimiAdapter = {
  id: "kimi",
  parseModels: parseOpenAiList,
  translateModel(raw) {
    const contextWindow = positiveInteger(raw.context_length);
    const vision = optionalBoolean(raw.supports_image_in);
    const reasoning = optionalBoolean(raw.supports_reasoning);
    return {
      id: raw.id,
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(vision !== undefined || reasoning !== undefined
        ? {
            capabilities: {
              ...(vision !== undefined ? { vision } : {}),
              ...(reasoning !== undefined ? { reasoning } : {}),
            },
          }
        : {}),
    };
  },
  classifyFailure(status, body) {
    const type = isObject(body) && isObject(body.error) ? body.error.type : undefined;
    if (status === 429 && typeof type === "string" && NO_RETRY_TYPES.has(type))
      return { kind: "quota_exhausted", retry: false };
    return classifyByStatus(status);
  },
} satisfies ProviderAdapter<OpenAiListEntry>;
