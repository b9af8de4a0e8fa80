// One page of a provider's 2xx answer → its raw model entries and the next page's cursor, through the provider's
// adapter. Pure: the body is untrusted plain data, and what is wrong with it is said without quoting it.
import type { ProviderAdapter } from "../providers/adapter.js";
import { ResponseShapeError } from "../providers/adapter.js";

/** What a 2xx answer carried: its status, and its body parsed as JSON when it was JSON. */
export interface ListAnswer {
  readonly status: number;
  readonly isJson: boolean;
  readonly json: unknown;
}

export type PageReading<Raw> =
  | { readonly ok: true; readonly entries: readonly Raw[]; readonly cursor: string | undefined }
  | {
      readonly ok: false;
      readonly kind: ResponseShapeError["kind"];
      readonly reason: string;
      /** An error body that states an HTTP status of its own: the answer means what that status means. */
      readonly statedStatus?: number;
    };

/** The page's entries and cursor, or why the body is no model list; a bug in the adapter (any other error) is thrown. */
export function readModelPage<Raw>(adapter: ProviderAdapter<Raw>, answer: ListAnswer): PageReading<Raw> {
  const { status } = answer;
  if (!answer.isJson) return { ok: false, kind: "invalid_response", reason: `HTTP ${status} but the body is not JSON` };
  try {
    const entries = adapter.parseModels(answer.json);
    const cursor = adapter.pagination?.nextCursor(answer.json);
    return { ok: true, entries, cursor: cursor === "" ? undefined : cursor };
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error;
    // An error that says its own status (GLM answers a bad key with HTTP 200 and {"code":401}) means what that status means.
    if (error.kind === "error_body" && error.bodyStatus !== undefined) {
      return {
        ok: false,
        kind: error.kind,
        reason: `HTTP ${status} but the body says ${error.bodyStatus}`,
        statedStatus: error.bodyStatus,
      };
    }
    return { ok: false, kind: error.kind, reason: `HTTP ${status} but ${error.message}` };
  }
}
