// The trace rendered for people: what was asked, what was chosen and why, and what happened to every model —
// or, bounded, to the models that matter (the choice, the first fallbacks, and what the user's own settings named).
import type { Choice } from "./choice.js";
import { SelectionError } from "./errors.js";
import type { SelectionContext } from "./context.js";
import type { ModelChoice } from "./vocabulary.js";
import {
  describeRequest,
  namesRoutingCriteria,
  normalizeRequest,
  describeValue,
  type SelectionRequest,
} from "./request.js";
import type { SnapshotIndex } from "./snapshot-index.js";
import { escapeControls, escapeLine } from "./text.js";
import type { TraceEntry } from "./trace-entry.js";

const MAX_ID_WIDTH = 40;

/** How many fallbacks `provider-registry select` shows unless told otherwise (`--fallbacks N|all`). */
export const DEFAULT_SHOWN_FALLBACKS = 5;

export interface ExplainOptions {
  /** Show at most this many fallbacks, and only the trace entries that matter; absent or Infinity shows everything. */
  readonly fallbacks?: number;
}

/** A trace cut to what matters, and what was left out. */
export interface BoundedTrace {
  readonly fallbacks: readonly ModelChoice[];
  readonly trace: readonly TraceEntry[];
  /** How many fallbacks were left out. */
  readonly omittedFallbacks: number;
  /** Trace entries left out, by rule, most first. */
  readonly omittedTrace: readonly { readonly rule: string; readonly count: number }[];
}

/** Rules whose entries come from what the request or the user's settings named: always shown. */
const NAMED_RULES = new Set([
  "requested",
  "default_model",
  "category_preference",
  "provider_preference",
  "provider_default",
  "not_in_snapshot",
  "other_provider",
]);

const key = (e: { model: string; provider: string }) => `${e.provider}\u0000${e.model}`;

/**
 * The first `limit` fallbacks, and the trace entries for the choice, those fallbacks, and every model a request,
 * a default or a preference named (passed over or not). When nothing was chosen (no fallbacks to show), the first
 * `limit` other dropped entries are kept too, so that the trace still shows why models fell away. The rest is
 * counted by rule.
 */
export function boundTrace(
  trace: readonly TraceEntry[],
  fallbacks: readonly ModelChoice[],
  limit: number,
): BoundedTrace {
  if (limit === Infinity) return { fallbacks, trace, omittedFallbacks: 0, omittedTrace: [] };
  const { fallbacks: shownFallbacks, omittedFallbacks } = boundFallbacks(fallbacks, limit);
  const keep = new Set(shownFallbacks.map(key));
  const kept: TraceEntry[] = [];
  const omitted = new Map<string, number>();
  const chosen = trace.some((e) => e.outcome === "chosen");
  let spare = chosen ? 0 : Math.max(0, limit);
  for (const e of trace) {
    const named = NAMED_RULES.has(e.rule) || e.detail.includes(", passed over: ");
    if (e.outcome === "chosen" || named || (e.outcome === "fallback" && keep.has(key(e)))) kept.push(e);
    else if (e.outcome === "dropped" && spare > 0) {
      spare--;
      kept.push(e);
    } else {
      const rule = e.outcome === "fallback" ? "fallback" : e.rule;
      omitted.set(rule, (omitted.get(rule) ?? 0) + 1);
    }
  }
  const omittedTrace = [...omitted]
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
  return { fallbacks: shownFallbacks, trace: kept, omittedFallbacks, omittedTrace };
}

/**
 * The first `limit` fallbacks and how many were left out: all the fallbacks line needs, without reading the trace
 * (the costliest lazy part of a choice).
 */
export function boundFallbacks(
  fallbacks: readonly ModelChoice[],
  limit: number,
): Pick<BoundedTrace, "fallbacks" | "omittedFallbacks"> {
  const shown = limit === Infinity ? fallbacks : fallbacks.slice(0, Math.max(0, limit));
  return { fallbacks: shown, omittedFallbacks: fallbacks.length - shown.length };
}

export function renderExplanation(
  index: SnapshotIndex,
  request: SelectionRequest | undefined,
  outcome: Choice | SelectionError,
  options: ExplainOptions = {},
): string {
  const limit = options.fallbacks ?? Infinity;
  const lines: string[] = [];
  let req: SelectionContext | null = null;
  try {
    req = normalizeRequest(request, index);
  } catch {
    // The outcome is then the INVALID_REQUEST error, which says what is wrong.
  }
  lines.push(
    `request: ${describeValue(request ?? {})}${req ? ` (${describeRequest(req)}${req.categoryNamed ? "" : "; balanced is the default category"})` : ""}`,
  );
  if (req !== null && req.model === null && index.defaultModel !== null && namesRoutingCriteria(req)) {
    lines.push(
      `default model: ${index.defaultModel.model} (${index.defaultModel.provider}) not considered, since the request names a category, provider or requirement`,
    );
  }
  const bounded = boundTrace(outcome.trace, outcome instanceof SelectionError ? [] : outcome.fallbacks, limit);
  if (outcome instanceof SelectionError) {
    lines.push(`no choice: ${outcome.code}`, `  ${outcome.message}`);
  } else {
    lines.push(`choice: ${outcome.model} (${outcome.provider})`, `reason: ${outcome.reason}`);
    lines.push(renderFallbacks(bounded));
  }
  // A loop, not push(...list): a spread of 200,000 arguments overflows the stack.
  for (const line of renderBoundedTrace(bounded)) lines.push(line);
  return escapeControls(`${lines.join("\n")}\n`);
}

/** The trace's kept entries by provider, then what was left out. */
export function renderBoundedTrace(bounded: Pick<BoundedTrace, "trace" | "omittedTrace">): string[] {
  if (bounded.trace.length === 0 && bounded.omittedTrace.length > 0) return ["trace:", ...renderOmitted(bounded)];
  return [...renderTrace(bounded.trace), ...renderOmitted(bounded)];
}

/** "fallbacks: a (p), b (q) and 12 more (--fallbacks all lists them)". */
export function renderFallbacks(bounded: Pick<BoundedTrace, "fallbacks" | "omittedFallbacks">): string {
  const listed = bounded.fallbacks.map((f) => `${f.model} (${f.provider})`).join(", ");
  if (bounded.omittedFallbacks === 0) return `fallbacks: ${listed === "" ? "none" : listed}`;
  return `fallbacks: ${listed}${listed === "" ? "" : " "}and ${bounded.omittedFallbacks} more (--fallbacks all lists them)`;
}

/** One line saying what a bounded trace left out; none when nothing was. */
export function renderOmitted(bounded: Pick<BoundedTrace, "omittedTrace">): string[] {
  if (bounded.omittedTrace.length === 0) return [];
  const total = bounded.omittedTrace.reduce((n, o) => n + o.count, 0);
  const parts = bounded.omittedTrace.map(
    (o) => `${o.count} ${o.rule === "fallback" ? (o.count === 1 ? "fallback" : "fallbacks") : o.rule}`,
  );
  return [
    `  not shown: ${total} more ${total === 1 ? "model" : "models"} (${parts.join(", ")}); --fallbacks all shows every one`,
  ];
}

/** One block per provider, in the order the trace visited them. */
export function renderTrace(trace: readonly TraceEntry[]): string[] {
  if (trace.length === 0) return ["trace: no model was considered"];
  // Loops, not Math.max(...list): a spread of 200,000 arguments overflows the stack.
  let longestId = 0;
  let ruleWidth = 0;
  for (const e of trace) {
    if (e.model.length > longestId) longestId = e.model.length;
    if (e.rule.length > ruleWidth) ruleWidth = e.rule.length;
  }
  const width = Math.min(MAX_ID_WIDTH, longestId);
  const lines = ["trace:"];
  let provider: string | null = null;
  for (const e of trace) {
    if (e.provider !== provider) {
      provider = e.provider;
      lines.push(`  ${provider}`);
    }
    lines.push(
      escapeLine(`    ${e.outcome.padEnd(8)}  ${e.model.padEnd(width)}  ${e.rule.padEnd(ruleWidth)}  ${e.detail}`),
    );
  }
  return lines;
}
