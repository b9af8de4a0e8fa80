// Zhipu / Z.ai: ids only; errors carry a business code, and a bad key can come back as HTTP 200.
import type { ProviderAdapter } from "../adapter.js";
import { isObject } from "../../core/json-object.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { plainToken } from "./error-body.js";
import { classifyByStatus } from "./classify-failure.js";

// 1113: balance exhausted; 1308: usage limit reached. Both arrive as 429 and are not worth retrying.
const NO_RETRY_CODES = new Set(["1113", "1308"]);

export const glmAdapter = {
  id: "glm",
  parseModels: parseOpenAiList,
  translateModel(raw) {
    const id = raw.id;
    // The list mixes in embedding models; they must never be routed as chat.
    return /^embedding-/i.test(id) ? { id, kind: "embedding" as const } : { id };
  },
  classifyFailure(status, body) {
    // The business code comes inside "error" on the OpenAI-style API, at the top on the older {code, msg, success} one.
    // The body is untrusted: String() of an object such as {"toString":1} throws, so only plain tokens are read.
    const code = !isObject(body)
      ? undefined
      : isObject(body.error)
        ? plainToken(body.error.code)
        : plainToken(body.code);
    if (status === 429 && code !== undefined && NO_RETRY_CODES.has(code))
      return { kind: "quota_exhausted", retry: false };
    return classifyByStatus(status);
  },
} satisfies ProviderAdapter<OpenAiListEntry>;
