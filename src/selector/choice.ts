// The result of select. Only model and provider are computed up front; the rest is built on first read and
// cached, so that a caller who needs only the model pays for nothing else.
import type { Path, SelectionContext } from "./context.js";
import { requestedFallbacks, routedFallbacks } from "./fallbacks.js";
import type { ModelChoice } from "./vocabulary.js";
import { buildReason } from "./reason.js";
import { lookup, type ModelRecord } from "./snapshot-index.js";
import { autoTrace, requestedTrace } from "./trace.js";
import type { TraceEntry } from "./trace-entry.js";

export interface ChoiceJSON {
  model: string;
  provider: string;
  reason: string;
  fallbacks: readonly ModelChoice[];
  trace: readonly TraceEntry[];
}

/**
 * @internal A new choice with the same answer as `choice`: its request, model and path, none of its lazy parts.
 * Lets select answer `{ model, category }` afresh without normalising the request again.
 */
export let renewChoice: (choice: Choice) => Choice;

export class Choice implements ModelChoice {
  static {
    renewChoice = (choice) => new Choice(choice.#ctx, choice.#record, choice.#path);
  }

  readonly model: string;
  readonly provider: string;
  readonly #ctx: SelectionContext;
  readonly #record: ModelRecord;
  readonly #path: Path;
  #reason: string | undefined;
  #fallbacks: readonly ModelChoice[] | undefined;
  #trace: readonly TraceEntry[] | undefined;

  /** @internal Made by Selector.select. */
  constructor(ctx: SelectionContext, record: ModelRecord, path: Path) {
    this.model = record.id;
    this.provider = record.provider.id;
    this.#ctx = ctx;
    this.#record = record;
    this.#path = path;
  }

  /** One sentence: why this model, and why this provider. */
  get reason(): string {
    return (this.#reason ??= buildReason(this.#ctx, this.#record, this.#path));
  }

  /** Further choices meeting the same request, in the order to try them. Never the choice, never repeated. */
  get fallbacks(): readonly ModelChoice[] {
    if (this.#fallbacks === undefined) {
      const ctx = this.#ctx;
      this.#fallbacks = Object.freeze(
        this.#path === "requested"
          ? requestedFallbacks(ctx, lookup(ctx.index, ctx.model!) ?? [], this.#record)
          : routedFallbacks(ctx, this.#record),
      );
    }
    return this.#fallbacks;
  }

  /** Every model considered and the rule that kept or dropped it. */
  get trace(): readonly TraceEntry[] {
    if (this.#trace === undefined) {
      const ctx = this.#ctx;
      const trace =
        this.#path === "requested"
          ? requestedTrace(ctx, ctx.model!, lookup(ctx.index, ctx.model!) ?? [], this.#record)
          : autoTrace(ctx, this.#record);
      this.#trace = Object.freeze(trace);
    }
    return this.#trace;
  }

  /** The shape `provider-registry select --json` prints; the lazy parts are getters, which JSON.stringify skips. */
  toJSON(): ChoiceJSON {
    return {
      model: this.model,
      provider: this.provider,
      reason: this.reason,
      fallbacks: this.fallbacks,
      trace: this.trace,
    };
  }

  /** So that console.log shows what JSON.stringify does. */
  [Symbol.for("nodejs.util.inspect.custom")](): ChoiceJSON {
    return this.toJSON();
  }
}
