// The trace rendered for people: what was asked, what was chosen and why, and what happened to every model.
import type { Choice } from "./choice.js";
import { SelectionError } from "./errors.js";
import type { SelectionContext } from "./context.js";
import { describeRequest, namesRoutingCriteria, normalizeRequest, shown, type SelectionRequest } from "./request.js";
import type { SnapshotIndex } from "./snapshot-index.js";
import { escapeControls, escapeLine } from "./text.js";
import type { TraceEntry } from "./trace.js";

const MAX_ID_WIDTH = 40;

export function renderExplanation(index: SnapshotIndex, request: SelectionRequest | undefined, outcome: Choice | SelectionError): string {
  const lines: string[] = [];
  let req: SelectionContext | null = null;
  try {
    req = normalizeRequest(request, index);
  } catch {
    // The outcome is then the INVALID_REQUEST error, which says what is wrong.
  }
  lines.push(`request: ${shown(request ?? {})}${req ? ` (${describeRequest(req)}${req.categoryNamed ? "" : "; balanced is the default category"})` : ""}`);
  if (req !== null && req.model === null && index.defaultModel !== null && namesRoutingCriteria(req)) {
    lines.push(
      `default model: ${index.defaultModel.model} (${index.defaultModel.provider}) not considered, since the request names a category, provider or requirement`,
    );
  }
  if (outcome instanceof SelectionError) {
    lines.push(`no choice: ${outcome.code}`, `  ${outcome.message}`);
  } else {
    lines.push(`choice: ${outcome.model} (${outcome.provider})`, `reason: ${outcome.reason}`);
    lines.push(`fallbacks: ${outcome.fallbacks.length === 0 ? "none" : outcome.fallbacks.map((f) => `${f.model} (${f.provider})`).join(", ")}`);
  }
  for (const line of renderTrace(outcome.trace)) lines.push(line);
  return escapeControls(`${lines.join("\n")}\n`);
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
    lines.push(escapeLine(`    ${e.outcome.padEnd(8)}  ${e.model.padEnd(width)}  ${e.rule.padEnd(ruleWidth)}  ${e.detail}`));
  }
  return lines;
}
