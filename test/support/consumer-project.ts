// A fresh build of this repo, packed with `npm pack` and installed into an empty project with no dev dependencies:
// the package exactly as another repo gets it.
import { spawn } from "node:child_process";
import { copyFile, lstat, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "..", "..");

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command without blocking the event loop (loopback servers in this process must keep answering), with an
 * environment that carries nothing of the npm run that started the tests: no npm_package_*, no npm_lifecycle_*, no
 * npm_config_* that could point npm back at this repo (the cache and registry settings are kept).
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Run> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const lower = name.toLowerCase();
    if (lower.startsWith("npm_package_") || lower.startsWith("npm_lifecycle_") || lower === "init_cwd") continue;
    if (
      lower.startsWith("npm_config_") &&
      !["npm_config_cache", "npm_config_registry", "npm_config_userconfig"].includes(lower)
    )
      continue;
    env[name] = value;
  }
  Object.assign(
    env,
    {
      NO_UPDATE_NOTIFIER: "1",
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      npm_config_audit: "false",
    },
    options.env,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export async function mustRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Run> {
  const result = await run(command, args, options);
  if (result.code !== 0)
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
    );
  return result;
}

export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

export interface ConsumerProject {
  /** The empty project the tarball was installed into. */
  readonly dir: string;
  /** Where the package landed: dir/node_modules/provider-registry. */
  readonly installed: string;
  readonly tarball: string;
  /** What `npm pack` put in the tarball. */
  readonly packed: readonly PackedFile[];
  readonly packageJson: {
    name: string;
    version: string;
    exports: Record<string, unknown>;
    bin: Record<string, string>;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  remove(): Promise<void>;
}

/**
 * 1. Compiles the working tree into a staging copy of the repo (its own dist/, so that the repo's dist/ — which other
 *    tests run — is neither read stale nor rewritten under them).
 * 2. `npm pack` there, scripts off (the build is done).
 * 3. `npm install --omit=dev <tarball> ajv ajv-formats` into an empty project: the consumer's own ajv, from npm's
 *    cache where it has them (--prefer-offline), from the registry otherwise.
 */
export async function packAndInstall(): Promise<ConsumerProject> {
  const root = await mkdtemp(path.join(tmpdir(), "provider-registry-package-"));
  const staging = path.join(root, "staging");
  const dir = path.join(root, "consumer");
  await mkdir(staging);
  await mkdir(dir);
  const listed = await mustRun("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: REPO });
  for (const file of listed.stdout.split("\0").filter((f) => f !== "" && !/^(dist|node_modules)(\/|$)/.test(f))) {
    // Regular files only: a file deleted in the working tree but still in the index, or a symlink, is left out.
    const stats = await lstat(path.join(REPO, file)).catch(() => undefined);
    if (!stats?.isFile()) continue;
    await mkdir(path.join(staging, path.dirname(file)), { recursive: true });
    await copyFile(path.join(REPO, file), path.join(staging, file));
  }
  await mustRun(
    process.execPath,
    [
      path.join(REPO, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      path.join(REPO, "tsconfig.json"),
      "--outDir",
      path.join(staging, "dist"),
    ],
    { cwd: REPO },
  );

  const packed = await mustRun("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], {
    cwd: staging,
  });
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: PackedFile[] }];
  const tarball = path.join(root, info.filename);

  await writeFile(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  await mustRun(
    "npm",
    ["install", "--prefer-offline", "--omit=dev", "--no-audit", "--no-fund", tarball, "ajv", "ajv-formats"],
    { cwd: dir },
  );
  const installed = path.join(dir, "node_modules", "provider-registry");
  const packageJson = JSON.parse(
    await readFile(path.join(installed, "package.json"), "utf8"),
  ) as ConsumerProject["packageJson"];
  return {
    dir,
    installed,
    tarball,
    packed: info.files,
    packageJson,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The fenced code blocks of a Markdown text, with their info string. */
export function codeBlocks(markdown: string): { lang: string; code: string }[] {
  const blocks: { lang: string; code: string }[] = [];
  const fence = /^```(\S*)[^\n]*\n([\s\S]*?)^```\s*$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown))
    blocks.push({ lang: match[1] ?? "", code: match[2] ?? "" });
  return blocks;
}
