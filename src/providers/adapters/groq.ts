// Groq: the OpenAI list at /openai/v1, plus context_window, max_completion_tokens and active (inactive models are
// not served, so they are not listed here).
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { kindFromId } from "./kind-from-id.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { positiveInteger } from "./read-field.js";
import { classifyOpenAiStyle } from "./classify-failure.js";

export const groqAdapter = {
  id: "groq",
  parseModels: (body: unknown) => parseOpenAiList(body).filter((entry) => entry.active !== false),
  translateModel(raw): ProbedModel {
    const id = raw.id;
    const contextWindow = positiveInteger(raw.context_window);
    const maxOutput = positiveInteger(raw.max_completion_tokens);
    const kindHint = kindFromId(id);
    return {
      id,
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(maxOutput !== undefined ? { maxOutput } : {}),
      ...(kindHint !== undefined ? { kindHint } : {}),
    };
  },
  classifyFailure: classifyOpenAiStyle,
} satisfies ProviderAdapter<OpenAiListEntry>;
