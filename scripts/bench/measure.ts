// Timing primitives: a subject and its baseline, measured in alternation in the same process, summarised by medians.

export interface Stats {
  /** Per operation, in nanoseconds. */
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly min: number;
  readonly samples: number;
}

export interface SideBySide {
  readonly subject: Stats;
  readonly baseline: Stats;
  /** subject median / baseline median. */
  readonly ratio: number;
}

/** One sample: runs a batch and returns the time per operation in nanoseconds. */
export type Sample = () => number;
export type AsyncSample = () => Promise<number>;

export interface Schedule {
  /** Samples kept for each side. */
  readonly samples: number;
  /** Samples run and thrown away first, for each side. */
  readonly warmup: number;
}

export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error("no samples");
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    samples: sorted.length,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Baseline and subject take turns, and which goes first alternates, so that drift (CPU frequency, a neighbour's
 * load, GC debt) falls on both alike.
 */
export function sideBySide(schedule: Schedule, baseline: Sample, subject: Sample): SideBySide {
  for (let i = 0; i < schedule.warmup; i++) {
    baseline();
    subject();
  }
  const b: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < schedule.samples; i++) {
    if (i % 2 === 0) {
      b.push(baseline());
      s.push(subject());
    } else {
      s.push(subject());
      b.push(baseline());
    }
  }
  return compare(b, s);
}

export async function sideBySideAsync(
  schedule: Schedule,
  baseline: AsyncSample,
  subject: AsyncSample,
): Promise<SideBySide> {
  for (let i = 0; i < schedule.warmup; i++) {
    await baseline();
    await subject();
  }
  const b: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < schedule.samples; i++) {
    if (i % 2 === 0) {
      b.push(await baseline());
      s.push(await subject());
    } else {
      s.push(await subject());
      b.push(await baseline());
    }
  }
  return compare(b, s);
}

function compare(baseline: number[], subject: number[]): SideBySide {
  const b = summarize(baseline);
  const s = summarize(subject);
  return { baseline: b, subject: s, ratio: s.median / b.median };
}

/** Nanoseconds since `start` (a process.hrtime.bigint() reading). */
export const elapsedNs = (start: bigint): number => Number(process.hrtime.bigint() - start);

/**
 * Times one operation with a large result (a parsed snapshot, a registration) and keeps the result in sink[0] until
 * the next one. The result kept from before is let go before the clock starts: otherwise it is still alive when the
 * next sample's allocations start a collection, and that sample — often the other side's — pays to copy it.
 */
export function timeKept(run: () => unknown): number {
  sink[0] = null;
  const start = process.hrtime.bigint();
  sink[0] = run();
  return elapsedNs(start);
}

export async function timeKeptAsync(run: () => Promise<unknown>): Promise<number> {
  sink[0] = null;
  const start = process.hrtime.bigint();
  sink[0] = await run();
  return elapsedNs(start);
}

/**
 * Large results (a parsed snapshot, a registration) are kept here so that the optimiser cannot prove them unused
 * and drop the work.
 */
export const sink: unknown[] = new Array<unknown>(64).fill(null);

/**
 * Tiny operations fold a field of each result into this number instead: storing millions of fresh objects into a
 * long-lived array would charge the subject for write barriers its callers never pay, and the baseline (which
 * returns long-lived objects) would not pay them.
 */
export const checksum = { value: 0 };

/** Drops what the sink holds; returns how much it held, so that even its writes are observable. */
export function drainSink(): number {
  let n = checksum.value === 0 ? 0 : 1;
  for (const v of sink) if (v !== null && v !== undefined) n++;
  sink.fill(null);
  return n;
}

export function formatNs(ns: number): string {
  if (ns < 1_000) return `${ns.toFixed(ns < 10 ? 2 : ns < 100 ? 1 : 0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : 1)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(ns < 10_000_000 ? 2 : 1)} ms`;
  return `${(ns / 1_000_000_000).toFixed(2)} s`;
}
