// The OpenAI list shape that every provider here builds on: {"data": [{"id": ...}, ...]}.
import { isObject, type JsonObject } from "../../core/json-object.js";
import { ResponseShapeError, type FailureClass } from "../adapter.js";

/** An error object where a list should be: OpenAI's {"error":…}, vLLM's {"object":"error"}, GLM's {"success":false}. */
export function errorObject(body: unknown): JsonObject | undefined {
  if (!isObject(body)) return undefined;
  if (isObject(body.error)) return body.error;
  // Ollama's {"error":"…"}: free text, so nothing of it is kept.
  if (typeof body.error === "string") return {};
  if (body.object === "error") return body;
  if (body.success === false) return body;
  return undefined;
}

// The body is untrusted: only short, plain tokens of it (an error type, a code) may reach a message, never free
// text, which could be of any length, carry terminal escapes, or quote the key back.
const PLAIN_TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A string or finite number of the body, as text, when it is a short plain token; undefined otherwise. */
export function plainToken(value: unknown): string | undefined {
  const text = typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
  return text !== undefined && PLAIN_TOKEN.test(text) ? text : undefined;
}

export function describeError(error: JsonObject): string {
  const parts = [plainToken(error.type), plainToken(error.code)].filter((v) => v !== undefined);
  return parts.length > 0 ? `the provider answered with an error (${parts.join(", ")})` : "the provider answered with an error";
}

/** An HTTP status (400–599) that an error body gives for itself, as GLM's {"code":401,"success":false} does. */
export function statusInErrorBody(error: JsonObject): number | undefined {
  for (const value of [error.code, error.status]) {
    const text = plainToken(value);
    if (text !== undefined && /^[45]\d\d$/.test(text)) return Number(text);
  }
  return undefined;
}

/** An entry of an OpenAI-style list: an object with a string id; its other fields are untrusted and read one by one. */
export type OpenAiListEntry = JsonObject & { readonly id: string };

export function isOpenAiListEntry(raw: unknown): raw is OpenAiListEntry {
  return isObject(raw) && typeof raw.id === "string";
}

/** The raw entries of a model list; entries without a string id are dropped here. */
export function parseOpenAiList(body: unknown): OpenAiListEntry[] {
  const error = errorObject(body);
  if (error) throw new ResponseShapeError(describeError(error), "error_body", statusInErrorBody(error));
  if (!isObject(body)) throw new ResponseShapeError("expected a JSON object with a data array");
  if (!Array.isArray(body.data)) throw new ResponseShapeError('expected a "data" array of models');
  return body.data.filter(isOpenAiListEntry);
}

export function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export function optionalBoolean(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

/** By HTTP status alone; adapters refine with what their bodies say. */
export function classifyByStatus(status: number): FailureClass {
  if (status === 401 || status === 403) return { kind: "unauthorized", retry: false };
  if (status === 402) return { kind: "payment_required", retry: false };
  if (status === 404) return { kind: "not_found", retry: false };
  if (status === 408 || status === 429) return { kind: "rate_limited", retry: true };
  if (status >= 500) return { kind: "server_error", retry: true };
  return { kind: "bad_request", retry: false };
}

/** OpenAI's "insufficient_quota" 429 (also DeepSeek's, Groq's, Together's): the balance is gone, not worth retrying. */
const QUOTA_CODES = new Set(["insufficient_quota", "billing_hard_limit_reached", "insufficient_balance"]);

/** By status, except a 429 whose OpenAI-style body says the quota or balance is exhausted. */
export function classifyOpenAiStyle(status: number, body: unknown): FailureClass {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (status === 429 && error && [error.code, error.type].some((v) => typeof v === "string" && QUOTA_CODES.has(v))) {
    return { kind: "quota_exhausted", retry: false };
  }
  return classifyByStatus(status);
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
