// The rows the benchmark prints, as a table for people or as JSON.
import { cpus } from "node:os";
import { readFileSync } from "node:fs";
import { formatNs, type SideBySide } from "./measure.js";

export type Target =
  | { readonly kind: "ratio"; readonly max: number }
  | { readonly kind: "extra_ms"; readonly max: number }
  | { readonly kind: "max_bytes"; readonly max: number; readonly label: string };

export interface Row {
  readonly id: string;
  readonly job: string;
  readonly baselineJob: string;
  /** Median time per operation in ns, or a size in bytes (max_bytes rows). */
  readonly subject: number;
  /** Median time of the baseline per operation in ns; null when the target is absolute. */
  readonly baseline: number | null;
  /** subject / baseline for ratio rows, (subject − baseline) in ms for extra_ms rows, subject in bytes otherwise. */
  readonly result: number;
  readonly target: Target;
  readonly met: boolean;
  /** Samples behind each median (0 for a single measurement such as a size). */
  readonly samples: number;
  /** Per-operation spread of the subject (p25–p75), in ns; absent for sizes. */
  readonly spread?: readonly [number, number];
  readonly note?: string;
}

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly platform: string;
}

export function machine(): Machine {
  let cpuModel = cpus()[0]?.model ?? "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) cpuModel = line.split(":").slice(1).join(":").trim();
  } catch {
    // Not Linux: os.cpus() said what it could.
  }
  return { cpus: cpus().length, cpuModel, node: process.version, platform: `${process.platform}-${process.arch}` };
}

export function judge(result: number, target: Target): boolean {
  return result <= target.max;
}

function formatTarget(t: Target): string {
  switch (t.kind) {
    case "ratio":
      return `≤ ${t.max}×`;
    case "extra_ms":
      return `≤ +${t.max} ms`;
    case "max_bytes":
      return `≤ ${t.label}`;
  }
}

/** Decimal units (1 kB = 1,000 bytes), the stricter reading of the targets. */
export const formatBytes = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;

function formatResult(row: Row): string {
  switch (row.target.kind) {
    case "ratio":
      return `${row.result.toFixed(row.result < 10 ? 2 : 1)}×`;
    case "extra_ms":
      return `${row.result >= 0 ? "+" : ""}${row.result.toFixed(1)} ms`;
    case "max_bytes":
      return formatBytes(row.result);
  }
}

function formatSubject(row: Row): string {
  return row.target.kind === "max_bytes" ? formatBytes(row.subject) : formatNs(row.subject);
}

/** A Markdown table: readable in a terminal, and pasted as is into docs/benchmarks.md. */
export function renderTable(rows: readonly Row[], m: Machine): string {
  const header = ["job", "median", "baseline", "baseline median", "result", "target", "met"];
  const body = rows.map((r) => [
    r.job,
    formatSubject(r),
    r.baselineJob,
    r.baseline === null ? "—" : formatNs(r.baseline),
    formatResult(r),
    formatTarget(r.target),
    r.met ? "yes" : "**no**",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const lines = [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.job}: ${r.note}`);
  return [
    `Machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${m.platform}`,
    "",
    ...lines,
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
  ].join("\n");
}

export function renderJson(rows: readonly Row[], m: Machine): string {
  return `${JSON.stringify({ machine: m, rows, allMet: rows.every((r) => r.met) }, null, 2)}\n`;
}

/** A row whose result is the ratio of a subject to its baseline, measured side by side. */
export function ratioRow(
  id: string,
  job: string,
  baselineJob: string,
  m: SideBySide,
  target: Target,
  note?: string,
): Row {
  return {
    id,
    job,
    baselineJob,
    subject: m.subject.median,
    baseline: m.baseline.median,
    result: m.ratio,
    target,
    met: judge(m.ratio, target),
    samples: m.subject.samples,
    spread: [m.subject.p25, m.subject.p75],
    ...(note !== undefined ? { note } : {}),
  };
}
