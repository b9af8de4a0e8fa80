// An error where a model list should be: recognised in any provider's spelling, and described only by short, plain
// tokens of it.
import { isObject, type JsonObject } from "../../core/json-object.js";
import { ResponseShapeError } from "../adapter.js";

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
  const text =
    typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
  return text !== undefined && PLAIN_TOKEN.test(text) ? text : undefined;
}

export function describeError(error: JsonObject): string {
  const parts = [plainToken(error.type), plainToken(error.code)].filter((v) => v !== undefined);
  return parts.length > 0
    ? `the provider answered with an error (${parts.join(", ")})`
    : "the provider answered with an error";
}

/** An HTTP status (400–599) that an error body gives for itself, as GLM's {"code":401,"success":false} does. */
export function statusInErrorBody(error: JsonObject): number | undefined {
  for (const value of [error.code, error.status]) {
    const text = plainToken(value);
    if (text !== undefined && /^[45]\d\d$/.test(text)) return Number(text);
  }
  return undefined;
}

/** Throws ResponseShapeError ("error_body", with the status the body states, if any) when the body is an error. */
export function rejectErrorBody(body: unknown): void {
  const error = errorObject(body);
  if (error) throw new ResponseShapeError(describeError(error), "error_body", statusInErrorBody(error));
}
