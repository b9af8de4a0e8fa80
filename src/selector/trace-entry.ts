// The shape of a trace entry, apart from the code that builds them: errors carry traces, and the builder imports
// the request module, which throws those errors.
import type { DynamicRule } from "./fit.js";
import type { PlacementRule, StaticRule } from "./snapshot-index.js";

export type TraceOutcome = "chosen" | "fallback" | "dropped";

/** A stable machine code; docs/selection.md lists them all. */
export type TraceRule =
  | "requested"
  | "default_model"
  | PlacementRule
  | "not_in_snapshot"
  | "other_provider"
  | "by_name_only"
  | StaticRule
  | DynamicRule;

export interface TraceEntry {
  readonly model: string;
  readonly provider: string;
  readonly outcome: TraceOutcome;
  readonly rule: TraceRule;
  readonly detail: string;
}
