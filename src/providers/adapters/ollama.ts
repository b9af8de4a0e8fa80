// Ollama's native API: GET /api/tags lists the local models ({models: [{name, model, details}]}); POST /api/show
// tells each one's context length (model_info["<arch>.context_length"]) and capabilities, when the server says.
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { ResponseShapeError } from "../adapter.js";
import { isObject, type JsonObject } from "../../core/json-object.js";
import { kindFromId } from "./kind-from-id.js";
import { classifyByStatus, describeError, errorObject, positiveInteger, statusInErrorBody, stringList } from "./openai-list.js";

function idOf(entry: JsonObject): string | undefined {
  return typeof entry.model === "string" ? entry.model : typeof entry.name === "string" ? entry.name : undefined;
}

export const ollamaAdapter = {
  id: "ollama",
  parseModels(body): JsonObject[] {
    const error = errorObject(body);
    if (error) throw new ResponseShapeError(describeError(error), "error_body", statusInErrorBody(error));
    if (!isObject(body)) throw new ResponseShapeError('expected a JSON object with a "models" array');
    // A server with nothing pulled answers {"models": []} (older ones null).
    if (body.models === null) return [];
    if (!Array.isArray(body.models)) throw new ResponseShapeError('expected a "models" array');
    return body.models.filter((entry): entry is JsonObject => isObject(entry) && idOf(entry) !== undefined);
  },
  translateModel(raw): ProbedModel {
    const id = idOf(raw)!;
    const kindHint = kindFromId(id);
    return { id, ...(kindHint !== undefined ? { kindHint } : {}) };
  },
  details: {
    path: "/api/show",
    // "model" since Ollama 0.4, "name" before it.
    body: (raw: JsonObject) => ({ model: idOf(raw), name: idOf(raw) }),
    apply(model, body) {
      if (!isObject(body)) return model;
      const info = isObject(body.model_info) ? body.model_info : {};
      const arch = info["general.architecture"];
      const contextWindow = typeof arch === "string" ? positiveInteger(info[`${arch}.context_length`]) : undefined;
      const capabilities = stringList(body.capabilities);
      const said = capabilities.length > 0;
      return {
        ...model,
        ...(contextWindow !== undefined ? { contextWindow } : {}),
        ...(said
          ? {
              kind: capabilities.includes("completion") ? ("chat" as const) : capabilities.includes("embedding") ? ("embedding" as const) : ("other" as const),
              capabilities: { vision: capabilities.includes("vision"), tools: capabilities.includes("tools"), reasoning: capabilities.includes("thinking") },
            }
          : {}),
      };
    },
  },
  classifyFailure: classifyByStatus,
} satisfies ProviderAdapter<JsonObject>;
