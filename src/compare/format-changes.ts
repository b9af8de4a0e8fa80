// How a list of changes reads: one line each for people, a summary for `register --check`, Markdown for a pull request.
import type { Model } from "../../generated/snapshot-types.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { escapeControls, escapeLine } from "../selector/shared.js";
import type { Change } from "./compare-snapshots.js";

/** Where a change is: provider/model, a provider, or the snapshot. */
export function changeSubject(change: Change): string {
  if (change.provider !== undefined && change.model !== undefined) return `${change.provider}/${change.model}`;
  if (change.provider !== undefined) return change.provider;
  if (change.model !== undefined) return change.model;
  return "snapshot";
}

/** What happened, without the subject. */
export function describeChange(change: Change): string {
  const { before, after } = change;
  switch (change.kind) {
    case "snapshot_changed":
      return `${change.field} ${show(before)} → ${show(after)}`;
    case "provider_added":
      return "provider added";
    case "provider_removed":
      return "provider removed";
    case "provider_changed":
      return change.field === "probe"
        ? `probe ${probe(before)} → ${probe(after)}`
        : `${change.field} ${show(before)} → ${show(after)}`;
    case "provider_allowed":
      return "now allowed by the provider filters";
    case "provider_disallowed":
      return "no longer allowed by the provider filters (ALLOWED_PROVIDERS / DISABLED_PROVIDERS)";
    case "model_added":
      return `model added (${after as string})`;
    case "model_removed":
      return `model removed (was ${before as string})`;
    case "availability_changed":
      return `availability ${before as string} → ${after as string}`;
    case "price_changed":
      return `price ${price(before)} → ${price(after)}`;
    case "context_changed":
      return `context window ${size(before)} → ${size(after)}`;
    case "max_output_changed":
      return `max output ${size(before)} → ${size(after)}`;
    case "capability_lost":
      return `lost ${change.field}`;
    case "capability_gained":
      return `gained ${change.field}`;
    case "alias_removed":
      return `alias "${change.field}" removed`;
    case "alias_added":
      return `alias "${change.field}" added`;
    case "kind_changed":
      return `kind ${before as string} → ${after as string}`;
    case "model_changed":
      return `${change.field} ${show(before)} → ${show(after)}`;
    case "model_allowed":
      return "now allowed by the provider's allow-list";
    case "model_disallowed":
      return "no longer allowed by the provider's allow-list";
    case "default_changed":
      return `default model ${ref(before)} → ${ref(after)}`;
    case "policy_changed":
      return `policy ${change.field} ${show(before)} → ${show(after)}`;
    case "diagnostic_added":
      return `new ${diagnostic(after)}`;
    case "diagnostic_removed":
      return `gone: ${diagnostic(before)}`;
    case "order_changed":
      return change.field === "content"
        ? `content differs only in order or spelling (content hash ${show(before)} → ${show(after)})`
        : change.field === "aliases"
          ? `aliases reordered ${show(before)} → ${show(after)}`
          : `${change.field} listed in another order`;
  }
}

/** Breaking first, diagnostics last; otherwise in the order given. */
export function byImportance(changes: readonly Change[]): Change[] {
  const rank = (c: Change) =>
    c.breaking ? 0 : c.kind === "diagnostic_added" || c.kind === "diagnostic_removed" ? 2 : 1;
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

/** One change, whatever its values hold: control characters escaped (a line break in a message is kept). */
function changeLine(c: Change): string {
  return escapeControls(`${changeSubject(c)}: ${describeChange(c)}`);
}

/** `diff`'s text output: breaking changes first, diagnostics last. */
export function textReport(changes: readonly Change[]): string {
  if (changes.length === 0) return "No changes.\n";
  const breaking = changes.filter((c) => c.breaking);
  const other = byImportance(changes.filter((c) => !c.breaking));
  const lines: string[] = [];
  // Loops, not push(...list): a spread of 200,000 arguments overflows the stack.
  const section = (title: string, list: readonly Change[]) => {
    if (list.length === 0) return;
    lines.push(`${title} (${list.length}):`);
    for (const c of list) lines.push(`  ${changeLine(c)}`);
    lines.push("");
  };
  section("Breaking changes", breaking);
  section("Other changes", other);
  lines.push(summaryLine(changes));
  return `${lines.join("\n")}\n`;
}

export function summaryLine(changes: readonly Change[]): string {
  const breaking = changes.filter((c) => c.breaking).length;
  const models = (kind: Change["kind"]) => changes.filter((c) => c.kind === kind).length;
  return `${changes.length} change${changes.length === 1 ? "" : "s"}, ${breaking} breaking (${models("model_added")} models added, ${models("model_removed")} removed).`;
}

/** `register --check`: a few lines of what differs, breaking first, diagnostics last. */
export function shortSummary(changes: readonly Change[], limit = 10): string {
  const ordered = byImportance(changes);
  const lines = ordered.slice(0, limit).map((c) => `  ${c.breaking ? "breaking: " : ""}${changeLine(c)}`);
  if (ordered.length > limit)
    lines.push(`  … and ${ordered.length - limit} more (provider-registry diff shows them all)`);
  return `${lines.join("\n")}\n`;
}

/** Fit to paste into a pull request: a heading, a line of counts, a table per class. */
export function markdownReport(changes: readonly Change[]): string {
  const out = ["## Provider registry changes", ""];
  if (changes.length === 0) return `${[...out, "No changes."].join("\n")}\n`;
  out.push(summaryLine(changes), "");
  const table = (title: string, list: readonly Change[]) => {
    if (list.length === 0) return;
    out.push(`### ${title} (${list.length})`, "", "| where | change |", "| --- | --- |");
    for (const c of list) out.push(`| ${cell(changeSubject(c), true)} | ${cell(describeChange(c), false)} |`);
    out.push("");
  };
  table(
    "⚠️ Breaking",
    changes.filter((c) => c.breaking),
  );
  table("Other", byImportance(changes.filter((c) => !c.breaking)));
  return `${out.join("\n").trimEnd()}\n`;
}

/** One table cell: no line breaks, pipes and Markdown that would break the table escaped. */
function cell(text: string, code: boolean): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  if (code) return `\`${escapeLine(flat.replace(/`/g, "'").replace(/\|/g, "\\|"))}\``;
  return escapeLine(flat.replace(/([\\`*_[\]<>|])/g, "\\$1"));
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "none";
  return JSON.stringify(value);
}

function size(value: unknown): string {
  return typeof value === "number" ? String(value) : "unknown";
}

function price(value: unknown): string {
  if (value === null || value === undefined) return "unknown";
  const p = value as Model["pricing"] & object;
  const cached = p.cachedInput !== undefined ? `, cached ${p.cachedInput}` : "";
  return `${p.input}/${p.output}${cached} ${p.currency} per million tokens (in/out)`;
}

function ref(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return value;
  const r = value as { model: string; provider: string };
  return `${r.provider}/${r.model}`;
}

function probe(value: unknown): string {
  const p = value as { status: string; reason: string; modelCount: number };
  return p.status === "ok" ? `ok (${p.modelCount} models)` : `${p.status} (${p.reason})`;
}

function diagnostic(value: unknown): string {
  const d = value as Diagnostic;
  return `${d.level} [${d.code}] ${d.message}`;
}
