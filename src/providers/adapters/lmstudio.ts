// LM Studio's REST API: GET /api/v0/models, the OpenAI list plus type (llm, vlm, embeddings) and
// max_context_length. Servers without it answer 404 there, and the definition falls back to /v1/models (ids only).
import type { Model } from "../../../generated/snapshot-types.js";
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { ownValue } from "../../core/json-object.js";
import { kindFromId } from "./kind-from-id.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { positiveInteger, stringList } from "./read-field.js";
import { classifyByStatus } from "./classify-failure.js";

const KINDS: Readonly<Record<string, Model["kind"]>> = { llm: "chat", vlm: "chat", embeddings: "embedding" };

export const lmStudioAdapter = {
  id: "lmstudio",
  parseModels: parseOpenAiList,
  translateModel(raw): ProbedModel {
    const id = raw.id;
    const type = typeof raw.type === "string" ? raw.type : undefined;
    const contextWindow = positiveInteger(raw.max_context_length);
    const kindHint = kindFromId(id);
    const tools = Array.isArray(raw.capabilities) ? stringList(raw.capabilities).includes("tool_use") : undefined;
    return {
      id,
      ...(type !== undefined ? { kind: ownValue(KINDS, type) ?? "other" } : kindHint !== undefined ? { kindHint } : {}),
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(type === "vlm" || type === "llm" || tools !== undefined
        ? {
            capabilities: {
              ...(type === "vlm" || type === "llm" ? { vision: type === "vlm" } : {}),
              ...(tools !== undefined ? { tools } : {}),
            },
          }
        : {}),
    };
  },
  classifyFailure: classifyByStatus,
} satisfies ProviderAdapter<OpenAiListEntry>;
