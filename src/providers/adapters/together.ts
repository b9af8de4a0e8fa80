// Together: a bare JSON array (not {data}), each model with type, context_length and pricing in USD per million.
import type { Model } from "../../../generated/snapshot-types.js";
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { ResponseShapeError } from "../adapter.js";
import { isObject, ownValue } from "../../core/json-object.js";
import { priceFigures } from "../../core/pricing.js";
import { isOpenAiListEntry, type OpenAiListEntry } from "./openai-list.js";
import { rejectErrorBody } from "./error-body.js";
import { positiveInteger } from "./read-field.js";
import { classifyOpenAiStyle } from "./classify-failure.js";
import { displayName } from "../../core/model-name.js";

const KINDS: Readonly<Record<string, Model["kind"]>> = {
  chat: "chat",
  language: "chat",
  code: "chat",
  embedding: "embedding",
  image: "image",
  video: "image",
  audio: "audio",
  transcribe: "audio",
  moderation: "other",
  rerank: "other",
};

function price(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export const togetherAdapter = {
  id: "together",
  parseModels(body): OpenAiListEntry[] {
    rejectErrorBody(body);
    if (!Array.isArray(body)) throw new ResponseShapeError("expected a JSON array of models");
    return body.filter(isOpenAiListEntry);
  },
  translateModel(raw): ProbedModel {
    const kind = typeof raw.type === "string" ? (ownValue(KINDS, raw.type) ?? "other") : undefined;
    const contextWindow = positiveInteger(raw.context_length);
    const pricing = isObject(raw.pricing) ? raw.pricing : {};
    const input = price(pricing.input);
    const output = price(pricing.output);
    const name = displayName(raw.display_name);
    return {
      id: raw.id,
      ...(name !== undefined ? { name } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      // 0 and 0 is what a dedicated-only model (billed by the hour) shows: no per-token price, not a free one.
      ...(input !== undefined && output !== undefined && (input > 0 || output > 0)
        ? { pricing: priceFigures({ input, output }) }
        : {}),
    };
  },
  classifyFailure: classifyOpenAiStyle,
} satisfies ProviderAdapter<OpenAiListEntry>;
