// Google Gemini (Generative Language API): key in x-goog-api-key, {models: [{name: "models/…", …}], nextPageToken}
// walked with pageToken. Only models that support generateContent are chat models.
import type { Model } from "../../../generated/snapshot-types.js";
import type { FailureClass, ProbedModel, ProviderAdapter } from "../adapter.js";
import { ResponseShapeError } from "../adapter.js";
import { isObject, type JsonObject } from "../../core/json-object.js";
import { kindFromId } from "./kind-from-id.js";
import { describeError, errorObject, statusInErrorBody } from "./error-body.js";
import { optionalBoolean, positiveInteger, stringList } from "./read-field.js";
import { classifyByStatus } from "./classify-failure.js";
import { displayName } from "../../core/model-name.js";

function kindOf(methods: readonly string[]): Model["kind"] | undefined {
  if (methods.length === 0) return undefined;
  if (methods.includes("generateContent")) return "chat";
  if (methods.includes("embedContent") || methods.includes("embedText") || methods.includes("batchEmbedContents"))
    return "embedding";
  if (methods.includes("predict") || methods.includes("predictLongRunning")) return "image";
  return "other";
}

/** google.rpc details of an error body, by their @type's last part (QuotaFailure, ErrorInfo). */
function details(body: unknown, type: string): JsonObject[] {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  const list = Array.isArray(error?.details) ? error.details : [];
  return list.filter(
    (d): d is JsonObject => isObject(d) && typeof d["@type"] === "string" && d["@type"].endsWith(`.${type}`),
  );
}

/** An entry of Gemini's list: an object with a string name ("models/…"); its other fields are untrusted. */
export type GeminiModelEntry = JsonObject & { readonly name: string };

export function isGeminiModelEntry(raw: unknown): raw is GeminiModelEntry {
  return isObject(raw) && typeof raw.name === "string";
}

export const geminiAdapter = {
  id: "gemini",
  keyHeader: { header: "x-goog-api-key" },
  pagination: {
    query: { pageSize: "1000" },
    cursorParam: "pageToken",
    nextCursor(body) {
      return isObject(body) && typeof body.nextPageToken === "string" && body.nextPageToken !== ""
        ? body.nextPageToken
        : undefined;
    },
  },
  parseModels(body): GeminiModelEntry[] {
    const error = errorObject(body);
    if (error)
      throw new ResponseShapeError(
        describeError(isObject(error) ? { type: error.status, code: error.code } : {}),
        "error_body",
        statusInErrorBody(error),
      );
    if (!isObject(body)) throw new ResponseShapeError('expected a JSON object with a "models" array');
    // Google's JSON leaves out an empty list altogether: {} (or only a page token) is a page with no models.
    if (body.models === undefined && Object.keys(body).every((k) => k === "nextPageToken")) return [];
    if (!Array.isArray(body.models)) throw new ResponseShapeError('expected a "models" array');
    return body.models.filter(isGeminiModelEntry);
  },
  translateModel(raw): ProbedModel {
    const fullName = raw.name;
    // "models/gemini-2.5-flash" is asked for as "gemini-2.5-flash".
    const id = fullName.startsWith("models/") ? fullName.slice("models/".length) : fullName;
    const stated = kindOf(stringList(raw.supportedGenerationMethods));
    // generateContent also serves Gemini's speech and image models (gemini-2.5-flash-preview-tts,
    // gemini-2.5-flash-image): where the id says so, the answer's "chat" is not stated, and the id's kind is a hint
    // beneath the catalogs.
    const hinted = stated === "chat" ? kindFromId(id) : undefined;
    const kind = hinted !== undefined ? undefined : stated;
    const contextWindow = positiveInteger(raw.inputTokenLimit);
    const maxOutput = positiveInteger(raw.outputTokenLimit);
    const reasoning = optionalBoolean(raw.thinking);
    const name = displayName(raw.displayName);
    return {
      id,
      ...(name !== undefined ? { name } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(hinted !== undefined ? { kindHint: hinted } : {}),
      ...(contextWindow !== undefined ? { contextWindow } : {}),
      ...(maxOutput !== undefined && stated === "chat" ? { maxOutput } : {}),
      ...(reasoning !== undefined ? { capabilities: { reasoning } } : {}),
    };
  },
  classifyFailure(status, body): FailureClass {
    // A bad key is HTTP 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID.
    if (details(body, "ErrorInfo").some((d) => d.reason === "API_KEY_INVALID"))
      return { kind: "unauthorized", retry: false };
    // RESOURCE_EXHAUSTED on a per-day quota will not lift within the run; a per-minute one may.
    if (status === 429) {
      const violations = details(body, "QuotaFailure").flatMap((d) =>
        Array.isArray(d.violations) ? d.violations : [],
      );
      if (violations.some((v) => isObject(v) && typeof v.quotaId === "string" && /PerDay/i.test(v.quotaId)))
        return { kind: "quota_exhausted", retry: false };
    }
    return classifyByStatus(status);
  },
} satisfies ProviderAdapter<GeminiModelEntry>;
