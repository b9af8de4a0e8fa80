// How the command line shows probes, diagnostics and progress to a person.
// Colour only on a terminal and never under NO_COLOR; a live status line only on a terminal and never with --quiet.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { isRoutable } from "../core/availability.js";
import { escapeLine } from "../selector/shared.js";
import type { CliIO } from "./io.js";

type ProbeLine =
  | { status: "ok"; reason: string; durationMs: number }
  | { status: "failed"; reason: string; durationMs: number }
  | { status: "skipped"; reason: string };

export interface OutputStyle {
  /** ANSI colours. */
  readonly color: boolean;
  /** A status line redrawn in place while work is under way. */
  readonly live: boolean;
}

export const PLAIN: OutputStyle = { color: false, live: false };

/**
 * A terminal (stderr is a TTY and TERM is not "dumb") gets colour, unless NO_COLOR is set to anything but the empty
 * string (https://no-color.org), and a live status line, unless the run is quiet. Anything else gets plain lines.
 */
export function outputStyle(io: Pick<CliIO, "isTTY" | "env">, options: { quiet?: boolean } = {}): OutputStyle {
  const terminal = io.isTTY === true && io.env.TERM !== "dumb";
  const noColor = (io.env.NO_COLOR ?? "") !== "";
  return { color: terminal && !noColor, live: terminal && options.quiet !== true };
}

const SGR = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33 } as const;

export function paint(style: OutputStyle, colour: keyof typeof SGR, text: string): string {
  return style.color ? `\x1b[${SGR[colour]}m${text}\x1b[0m` : text;
}

const STATUS_COLOUR = { ok: "green", failed: "red", skipped: "dim" } as const;
const LEVEL_COLOUR = { error: "red", warning: "yellow", info: "dim" } as const;

export function formatProbeLine(provider: string, outcome: ProbeLine, style: OutputStyle = PLAIN): string {
  const ms = "durationMs" in outcome ? `${outcome.durationMs} ms` : "";
  return `${escapeLine(provider.padEnd(12))} ${paint(style, STATUS_COLOUR[outcome.status], outcome.status.padEnd(8))} ${escapeLine(outcome.reason)}${ms ? `  (${ms})` : ""}`;
}

export function formatDiagnostic(d: Diagnostic, style: OutputStyle = PLAIN): string {
  // The message may quote a variable's value or a provider's words: escaped, so that only our own colours reach a terminal.
  return `${paint(style, LEVEL_COLOUR[d.level], `${d.level}:`)} [${escapeLine(d.code)}] ${escapeLine(d.message)}`;
}

/** `\r` + erase line: where the live status line is drawn and cleared. */
const CLEAR_LINE = "\r\x1b[2K";
const MAX_STATUS = 79;
const MAX_WAITING_NAMED = 3;

/**
 * The probing phase, for a person watching: on a terminal a single status line ("probing: 2 of 4 answered, 3 s;
 * waiting for glm, openrouter") redrawn in place as answers come and every second, with permanent lines
 * printed above it; elsewhere only the permanent lines. `stop()` always leaves the terminal clean.
 */
export class ProbeProgress {
  private readonly waiting: string[];
  private answered = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private drawn = false;
  private readonly startedAt: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly style: OutputStyle,
    private readonly providers: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    this.waiting = [...providers];
    this.startedAt = now();
  }

  start(): void {
    if (!this.style.live || this.providers.length === 0) return;
    this.draw();
    // A clock that moves tells a person the run is alive; unref'd so that it never holds the process open.
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref?.();
  }

  /** A provider answered (or gave up): its permanent line goes above the status line. */
  done(provider: string, line: string | undefined): void {
    const index = this.waiting.indexOf(provider);
    if (index >= 0) this.waiting.splice(index, 1);
    this.answered++;
    if (line !== undefined) this.print(line);
    else if (this.drawn) this.draw();
  }

  /** A permanent line, printed above the status line. */
  print(line: string): void {
    if (this.drawn) this.write(CLEAR_LINE);
    this.write(`${line}\n`);
    if (this.drawn) this.draw();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.drawn) this.write(CLEAR_LINE);
    this.drawn = false;
  }

  /** The status line's text (no colour, no control characters). */
  status(): string {
    const seconds = Math.max(0, Math.floor((this.now() - this.startedAt) / 1000));
    const total = this.providers.length;
    const named = this.waiting.slice(0, MAX_WAITING_NAMED).join(", ");
    const more = this.waiting.length > MAX_WAITING_NAMED ? ` and ${this.waiting.length - MAX_WAITING_NAMED} more` : "";
    const waiting = this.waiting.length > 0 ? `; waiting for ${named}${more}` : "";
    const text = `probing: ${this.answered} of ${total} answered, ${seconds} s${waiting}`;
    return text.length > MAX_STATUS ? `${text.slice(0, MAX_STATUS - 1)}…` : text;
  }

  private draw(): void {
    if (!this.style.live) return;
    this.write(`${CLEAR_LINE}${paint(this.style, "dim", this.status())}`);
    this.drawn = true;
  }
}

/**
 * How many models a snapshot routes, per provider as its probe counted them (the progress lines' numbers, so a
 * provider's models are counted one way everywhere), and how many more only the catalog knows:
 * "20 models to route (custom 1, glm 6, kimi 8, openrouter 5), and 28 more the catalog knows that no provider listed".
 */
export function modelCounts(snapshot: ProviderRegistrySnapshot): string {
  const routable = snapshot.models.filter(isRoutable).length;
  const perProvider = snapshot.providers.flatMap((p) => {
    if (p.probe.status === "ok") return [`${p.id} ${p.probe.modelCount}`];
    const stale = snapshot.models.filter((m) => m.provider === p.id && m.availability === "stale").length;
    return stale > 0 ? [`${p.id} ${stale} stale`] : [];
  });
  const known = snapshot.models.length - routable;
  return `${routable} models to route${perProvider.length > 0 ? ` (${perProvider.join(", ")})` : ""}${known > 0 ? `, and ${known} more the catalog knows that no provider listed` : ""}`;
}
