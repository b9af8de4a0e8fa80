// Mistral: the OpenAI list plus capabilities, max_context_length, aliases and deprecation. Each alias is also listed
// as an entry of its own; an alias group is kept once, under the entry whose `name` is its own id (the version).
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { isObject } from "../../core/json-object.js";
import { kindFromId } from "./kind-from-id.js";
import { type OpenAiListEntry, parseOpenAiList } from "./openai-list.js";
import { optionalBoolean, positiveInteger, stringList } from "./read-field.js";
import { classifyOpenAiStyle } from "./classify-failure.js";

function isCanonical(entry: OpenAiListEntry): boolean {
  return typeof entry.name === "string" && entry.name.toLowerCase() === entry.id.toLowerCase();
}

export const mistralAdapter = {
  id: "mistral",
  parseModels(body): OpenAiListEntry[] {
    const entries = parseOpenAiList(body);
    const claimed = new Set<string>();
    const kept: OpenAiListEntry[] = [];
    // Canonical entries first (a stable sort), so an alias never claims its model's id.
    for (const entry of [...entries].sort((a, b) => Number(isCanonical(b)) - Number(isCanonical(a)))) {
      const id = entry.id.toLowerCase();
      if (claimed.has(id)) continue;
      kept.push(entry);
      claimed.add(id);
      for (const alias of stringList(entry.aliases)) claimed.add(alias.toLowerCase());
    }
    return kept;
  },
  translateModel(raw): ProbedModel {
    const id = raw.id;
    const capabilities = isObject(raw.capabilities) ? raw.capabilities : {};
    const chat = optionalBoolean(capabilities.completion_chat);
    const tools = optionalBoolean(capabilities.function_calling);
    const vision = optionalBoolean(capabilities.vision);
    const reasoning = optionalBoolean(capabilities.reasoning);
    const contextWindow = positiveInteger(raw.max_context_length);
    const aliases = stringList(raw.aliases).filter((a) => a.toLowerCase() !== id.toLowerCase());
    return {
      id,
      // Not a chat model: an embedding, OCR or moderation model, as its id says, or something else.
      ...(chat === true ? { kind: "chat" as const } : chat === false ? { kind: kindFromId(id) ?? "other" } : {}),
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(tools !== undefined || vision !== undefined || reasoning !== undefined
        ? {
            capabilities: {
              ...(tools !== undefined ? { tools } : {}),
              ...(vision !== undefined ? { vision } : {}),
              ...(reasoning !== undefined ? { reasoning } : {}),
            },
          }
        : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      // A deprecation date says the model is on its way out, whether or not the day has come.
      ...(typeof raw.deprecation === "string" && raw.deprecation !== "" ? { status: "deprecated" as const } : {}),
    };
  },
  classifyFailure: classifyOpenAiStyle,
} satisfies ProviderAdapter<OpenAiListEntry>;
