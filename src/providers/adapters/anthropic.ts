// Anthropic: the key in x-api-key with an anthropic-version header (no bearer); the list comes in pages
// ({data, has_more, first_id, last_id}, walked with after_id), and newer answers add token limits and capabilities.
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { ResponseShapeError } from "../adapter.js";
import { isObject, type JsonObject } from "../../core/json-object.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { optionalBoolean, positiveInteger } from "./read-field.js";
import { classifyOpenAiStyle } from "./classify-failure.js";
import { displayName } from "../../core/model-name.js";

/** A capability Anthropic states as {"supported": true|false}. */
function capabilitySupport(capabilities: JsonObject | undefined, name: string): boolean | undefined {
  const entry = capabilities?.[name];
  return isObject(entry) ? optionalBoolean(entry.supported) : undefined;
}

export const anthropicAdapter = {
  id: "anthropic",
  keyHeader: { header: "x-api-key" },
  headers: { "anthropic-version": "2023-06-01" },
  pagination: {
    // 1000 is the largest page the API gives: one request for any list seen so far.
    query: { limit: "1000" },
    cursorParam: "after_id",
    nextCursor(body) {
      if (!isObject(body) || body.has_more !== true) return undefined;
      if (typeof body.last_id !== "string" || body.last_id === "")
        throw new ResponseShapeError('"has_more" is true but there is no "last_id" to continue from');
      return body.last_id;
    },
  },
  // The list shape is OpenAI's {data: [...]} without "object"; error bodies are {"type":"error","error":{…}}.
  parseModels: parseOpenAiList,
  translateModel(raw): ProbedModel {
    const capabilities = isObject(raw.capabilities) ? raw.capabilities : undefined;
    const contextWindow = positiveInteger(raw.max_input_tokens);
    const maxOutput = positiveInteger(raw.max_tokens);
    const reasoning = capabilitySupport(capabilities, "thinking");
    const vision = capabilitySupport(capabilities, "image_input");
    const name = displayName(raw.display_name);
    return {
      id: raw.id,
      // Every model Anthropic lists is served by the Messages API.
      kind: "chat",
      ...(name !== undefined ? { name } : {}),
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(maxOutput !== undefined ? { maxOutput } : {}),
      ...(reasoning !== undefined || vision !== undefined
        ? {
            capabilities: {
              ...(reasoning !== undefined ? { reasoning } : {}),
              ...(vision !== undefined ? { vision } : {}),
            },
          }
        : {}),
    };
  },
  // 529 (overloaded) is a server error and retried; a 400 for an empty credit balance is not.
  classifyFailure: classifyOpenAiStyle,
} satisfies ProviderAdapter<OpenAiListEntry>;
