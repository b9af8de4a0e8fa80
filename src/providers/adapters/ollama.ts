// Ollama's native API: GET /api/tags lists the local models ({models: [{name, model, details}]}); POST /api/show
// tells each one's context length (model_info["<arch>.context_length"]) and capabilities, when the server says.
import type { ProbedModel, ProviderAdapter } from "../adapter.js";
import { ResponseShapeError } from "../adapter.js";
import { isObject } from "../../core/json-object.js";
import { kindFromId } from "./kind-from-id.js";
import { rejectErrorBody } from "./error-body.js";
import { positiveInteger, stringList } from "./read-field.js";
import { classifyByStatus } from "./classify-failure.js";

/** A model of /api/tags, by the id it is asked for with: "model" since Ollama 0.4, "name" before it. */
export interface OllamaModelEntry {
  readonly id: string;
}

function ollamaModelEntry(entry: unknown): OllamaModelEntry | undefined {
  if (!isObject(entry)) return undefined;
  const id = typeof entry.model === "string" ? entry.model : typeof entry.name === "string" ? entry.name : undefined;
  return id !== undefined ? { id } : undefined;
}

export const ollamaAdapter = {
  id: "ollama",
  parseModels(body): OllamaModelEntry[] {
    rejectErrorBody(body);
    if (!isObject(body)) throw new ResponseShapeError('expected a JSON object with a "models" array');
    // A server with nothing pulled answers {"models": []} (older ones null).
    if (body.models === null) return [];
    if (!Array.isArray(body.models)) throw new ResponseShapeError('expected a "models" array');
    return body.models.map(ollamaModelEntry).filter((entry) => entry !== undefined);
  },
  translateModel(raw): ProbedModel {
    const id = raw.id;
    const kindHint = kindFromId(id);
    return { id, ...(kindHint !== undefined ? { kindHint } : {}) };
  },
  details: {
    path: "/api/show",
    // "model" since Ollama 0.4, "name" before it.
    body: (raw: OllamaModelEntry) => ({ model: raw.id, name: raw.id }),
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
              kind: capabilities.includes("completion")
                ? ("chat" as const)
                : capabilities.includes("embedding")
                  ? ("embedding" as const)
                  : ("other" as const),
              capabilities: {
                vision: capabilities.includes("vision"),
                tools: capabilities.includes("tools"),
                reasoning: capabilities.includes("thinking"),
              },
            }
          : {}),
      };
    },
  },
  classifyFailure: classifyByStatus,
} satisfies ProviderAdapter<OllamaModelEntry>;
