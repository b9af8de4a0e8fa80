// What a failed answer means, from its HTTP status and (untrusted) body: which failures are worth retrying.
import { isObject } from "../../core/json-object.js";
import type { FailureClass } from "../adapter.js";

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
