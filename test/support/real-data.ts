// Registering against the real answers of test/fixtures/real (see SOURCES.md there), served from loopback servers in
// the providers' own shapes.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { modelListHandler, startLoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { register, type RegisterResult } from "../../src/register.js";
import { findModel } from "./find-model.js";

export const REAL = path.join(import.meta.dirname, "..", "fixtures", "real");

export const OPENROUTER_ANSWERS = [
  { file: "openrouter-2026-02-27.json", day: "2026-02-27" },
  { file: "openrouter-2026-05-01.json", day: "2026-05-01" },
  { file: "openrouter-2026-08-01.json", day: "2026-08-01" },
] as const;

export const LITELLM = path.join(REAL, "litellm-2026-08-01-excerpt.json");
export const MODELS_DEV_2025 = path.join(REAL, "models-dev-2025-11-18-excerpt.json");
export const MODELS_DEV_2026 = path.join(REAL, "models-dev-2026-07-02-excerpt.json");
export const KIMI_PREDECESSOR = "kimi-predecessor-18.json";

export type RawOpenRouterModel = {
  id: string;
  pricing: Record<string, unknown>;
  architecture: { input_modalities?: string[]; output_modalities?: string[]; tokenizer?: string };
  expiration_date?: string | null;
  alias_target?: { slug?: string } | null;
};

export function readReal(file: string): unknown {
  return JSON.parse(readFileSync(path.join(REAL, file), "utf8"));
}

/** The answer's models; two of the recorded files are the answer's data array without its envelope. */
export function openRouterModels(file: string): RawOpenRouterModel[] {
  const json = readReal(file);
  return (Array.isArray(json) ? json : (json as { data: RawOpenRouterModel[] }).data) as RawOpenRouterModel[];
}

/** The answer as OpenRouter sends it: {"data": [...]}. */
export function openRouterAnswer(file: string): unknown {
  const json = readReal(file);
  return Array.isArray(json) ? { data: json } : json;
}

/** Seconds since the epoch at 12:00 UTC of a day: the run's clock. */
export function epochOf(day: string): string {
  return String(Date.parse(`${day}T12:00:00Z`) / 1000);
}

export interface RealRun {
  readonly snapshot: ProviderRegistrySnapshot;
  readonly result: RegisterResult;
  model(provider: string, id: string): Model;
}

/**
 * Registers with only the given providers answering (the others are disabled), each serving the given body,
 * the run's clock at `day`.
 */
export async function registerReal(
  answers: { openrouter?: unknown; kimi?: unknown; glm?: unknown },
  options: { day: string; env?: Record<string, string>; catalogFiles?: string[] },
): Promise<RealRun> {
  const servers = [];
  const env: Record<string, string> = { SOURCE_DATE_EPOCH: epochOf(options.day), ...options.env };
  const enabled: string[] = [];
  try {
    if (answers.openrouter !== undefined) {
      const s = await startLoopbackServer(
        modelListHandler(answers.openrouter, { prefix: "/api/v1", apiKey: "or-test-key" }),
      );
      servers.push(s);
      Object.assign(env, { OPENROUTER_API_URL: `${s.origin}/api/v1`, OPENROUTER_API_KEY: "or-test-key" });
      enabled.push("openrouter");
    }
    if (answers.kimi !== undefined) {
      const s = await startLoopbackServer(modelListHandler(answers.kimi, { prefix: "/v1", apiKey: "kimi-test-key" }));
      servers.push(s);
      Object.assign(env, { KIMI_API_URL: `${s.origin}/v1`, KIMI_API_KEY: "kimi-test-key" });
      enabled.push("kimi");
    }
    if (answers.glm !== undefined) {
      const s = await startLoopbackServer(
        modelListHandler(answers.glm, { prefix: "/api/paas/v4", apiKey: "glm-test-key" }),
      );
      servers.push(s);
      Object.assign(env, { GLM_API_URL: `${s.origin}/api/paas/v4`, GLM_API_KEY: "glm-test-key" });
      enabled.push("glm");
    }
    env.ALLOWED_PROVIDERS ??= enabled.join(",");
    const result = await register({
      env,
      cwd: REAL,
      generatorVersion: "0.0.0-test",
      catalogFiles: options.catalogFiles ?? [],
    });
    const snapshot = result.snapshot;
    return {
      snapshot,
      result,
      model: (provider, id) => findModel(snapshot, provider, id),
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
