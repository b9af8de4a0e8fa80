// Whole processes, as users run them: wall time from the parent, and the peak resident set size from the OS.
// Asynchronous on purpose: the loopback providers the child talks to live in this (the parent's) event loop.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { elapsedNs } from "./measure.js";

export interface ProcessRun {
  readonly ns: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak RSS in bytes, or null when the OS would not say. */
  readonly peakRss: number | null;
}

const TIME = "/usr/bin/time";

/** How peak RSS is read on this machine: GNU time's -v report, else /proc/<pid>/status VmHWM polled, else not at all. */
export const rssMethod: "time -v" | "VmHWM" | "none" = existsSync(TIME)
  ? "time -v"
  : existsSync("/proc/self/status")
    ? "VmHWM"
    : "none";

/** Runs `node args…` to its end. The child's own stderr is kept apart from time(1)'s report. */
export function runNode(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<ProcessRun> {
  const useTime = rssMethod === "time -v";
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ["-v", process.execPath, ...args] : [...args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    let hwm: number | null = null;
    const poll =
      rssMethod === "VmHWM"
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
              if (m) hwm = Number(m[1]) * 1024;
            } catch {
              // Gone already.
            }
          }, 5)
        : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      const ns = elapsedNs(start);
      if (poll) clearInterval(poll);
      let stderr = Buffer.concat(err).toString("utf8");
      let peakRss = hwm;
      if (useTime) {
        const at = stderr.lastIndexOf("\tCommand being timed:");
        const report = at >= 0 ? stderr.slice(at) : "";
        stderr = at >= 0 ? stderr.slice(0, at) : stderr;
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        peakRss = m ? Number(m[1]) * 1024 : null;
        const status = /Exit status: (\d+)/.exec(report);
        if (status) code = Number(status[1]);
        else if (/Command terminated by signal/.test(report)) code = null;
      }
      resolve({ ns, code, stdout: Buffer.concat(out).toString("utf8"), stderr, peakRss });
    });
  });
}

/** Runs it and insists on `expected` as the exit code, showing the child's stderr otherwise. */
export async function runNodeOk(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
  expected = 0,
): Promise<ProcessRun> {
  const run = await runNode(args, options);
  if (run.code !== expected)
    throw new Error(
      `node ${args.join(" ")} exited with ${run.code} (expected ${expected}):\n${run.stderr.slice(-2000)}`,
    );
  return run;
}
