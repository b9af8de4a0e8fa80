// The contract each provider adapter satisfies: parse the untrusted body, translate one model. Both pure.
import type { Capabilities, Model } from "../../generated/snapshot-types.js";
import type { PriceFigures } from "../core/pricing.js";

/** What a provider's live answer says about one model; anything it does not say is left out. */
export interface ProbedModel {
  readonly id: string;
  readonly name?: string;
  readonly kind?: Model["kind"];
  readonly contextWindow?: number;
  readonly maxOutput?: number;
  readonly capabilities?: Partial<Capabilities>;
  /**
   * USD per million tokens, with any per-request, per-image and long-context charges the answer states. `null`: the
   * answer says the model has no token price worth quoting (a router priced "-1", a music model priced per clip
   * with token prices of 0), so no catalog may price it either.
   */
  readonly pricing?: ProbedPricing | null;
  readonly freeTier?: boolean;
  readonly movingAlias?: boolean;
  /** For a moving alias: the id it points at now, as the answer names it. */
  readonly aliasOf?: string;
  /** For a variant the provider serves under its own id (`base:free`). */
  readonly variant?: { readonly of: string; readonly tag: string };
  /** by_name: only a request that names the model gets it (routers, batch variants). */
  readonly routing?: "merit" | "by_name";
  /** YYYY-MM-DD: when the provider retires the model. */
  readonly retiresAt?: string;
  /** The answer describes the model beyond its id (limits, prices or capabilities), so it is not an unknown. */
  readonly described?: boolean;
  /** A model the answer marks as retiring or retired (Mistral's deprecation date). */
  readonly status?: Model["status"];
  /** Other ids the answer gives for this model (Mistral's aliases). */
  readonly aliases?: readonly string[];
  /**
   * What the id alone suggests the model is for, when the answer does not say: used only beneath every catalog,
   * so a catalog that knows the model's kind always wins over a guess from its name.
   */
  readonly kindHint?: Model["kind"];
}

/** A price as a provider's answer states it: the figures of a written price, without a source. */
export type ProbedPricing = PriceFigures;

export type FailureKind =
  | "unauthorized"
  | "payment_required"
  | "quota_exhausted"
  | "rate_limited"
  | "not_found"
  | "bad_request"
  | "server_error";

export interface FailureClass {
  readonly kind: FailureKind;
  readonly retry: boolean;
}

/** How a list that comes in pages is walked: the cursor of the next page is read from each page's body. */
export interface Pagination {
  /** Query parameters sent with every page (a page size). */
  readonly query?: Readonly<Record<string, string>>;
  /** The query parameter that carries the cursor. */
  readonly cursorParam: string;
  /** The next page's cursor, or undefined on the last page; throws ResponseShapeError for a body that contradicts itself. */
  nextCursor(body: unknown): string | undefined;
}

/** Where the key goes, when not in `Authorization: Bearer …`. */
export interface KeyHeader {
  readonly header: string;
  /** Written before the key, e.g. "Bearer "; none by default. */
  readonly prefix?: string;
}

/** A second request per listed model, for what the list itself does not say (Ollama's POST /api/show). */
export interface ModelDetails<Raw> {
  /** Path below the base URL. */
  readonly path: string;
  /** The JSON body to POST for one model. */
  body(raw: Raw): unknown;
  /** The listed model with what the (untrusted) answer adds; must not throw. */
  apply(model: ProbedModel, body: unknown): ProbedModel;
}

/**
 * `Raw` is the typed entry `parseModels` makes of the untrusted body (checked by a guard such as isOpenAiListEntry);
 * `translateModel` and `details.body` take only entries `parseModels` gave. The registry holds adapters as
 * `ProviderAdapter` (Raw unknown): a probe hands each entry back to the adapter that parsed it, and nothing else.
 */
export interface ProviderAdapter<Raw = unknown> {
  readonly id: string;
  /** Where the key goes; default `Authorization: Bearer <key>`. */
  readonly keyHeader?: KeyHeader;
  /** Further headers every request carries (anthropic-version). */
  readonly headers?: Readonly<Record<string, string>>;
  /** For lists that come in pages. */
  readonly pagination?: Pagination;
  /** For providers whose list leaves out what a second request per model tells. */
  readonly details?: ModelDetails<Raw>;
  /** Checks the body is a model list (extra fields tolerated); throws ResponseShapeError when it is not. */
  parseModels(body: unknown): Raw[];
  translateModel(raw: Raw): ProbedModel;
  /** What a non-2xx answer means, from its status and (untrusted) body. */
  classifyFailure(status: number, body: unknown): FailureClass;
}

/** The body is not what the adapter expects; `message` never quotes the body beyond short, plain tokens. */
export class ResponseShapeError extends Error {
  override name = "ResponseShapeError";
  constructor(
    message: string,
    readonly kind: "invalid_response" | "error_body" = "invalid_response",
    /** For an error body that carries an HTTP status of its own (GLM's HTTP 200 with {"code":401}): that status. */
    readonly bodyStatus?: number,
  ) {
    super(message);
  }
}
