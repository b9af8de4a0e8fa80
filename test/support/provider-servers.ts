// Loopback servers answering with the recorded-shape lists in data/demo, one per built-in provider.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  modelListHandler,
  startLoopbackServer,
  type LoopbackHandler,
  type LoopbackServer,
} from "../../src/cli/demo/loopback-server.js";
import { packageRoot } from "../../src/core/package-root.js";

export function demoList(file: "kimi" | "glm" | "openrouter" | "vllm"): unknown {
  return JSON.parse(readFileSync(path.join(packageRoot, "data", "demo", `${file}-models.json`), "utf8"));
}

/** Canary keys: searched for in every output; none may ever appear. */
export const CANARY = {
  kimi: "sk-canary-kimi-3f9a1c77e2",
  glm: "canary-glm-8d2b4e61.f0a9c3",
  openrouter: "sk-or-v1-canary-c41d0b2a9e",
  custom: "canary-custom-5e7f21",
  /** A password written into a base URL (http://user:PASSWORD@host/v1). */
  urlPassword: "canary-urlpass-7b3e90d1",
} as const;

export interface ProviderServers {
  readonly env: Record<string, string>;
  readonly servers: Record<"kimi" | "glm" | "openrouter" | "custom", LoopbackServer>;
  close(): Promise<void>;
}

export async function startProviderServers(
  overrides: Partial<Record<"kimi" | "glm" | "openrouter" | "custom", LoopbackHandler>> = {},
): Promise<ProviderServers> {
  const kimi = await startLoopbackServer(
    overrides.kimi ?? modelListHandler(demoList("kimi"), { prefix: "/v1", apiKey: CANARY.kimi }),
  );
  const glm = await startLoopbackServer(
    overrides.glm ?? modelListHandler(demoList("glm"), { prefix: "/api/paas/v4", apiKey: CANARY.glm }),
  );
  const openrouter = await startLoopbackServer(
    overrides.openrouter ?? modelListHandler(demoList("openrouter"), { prefix: "/api/v1", apiKey: CANARY.openrouter }),
  );
  // Local servers usually take no key.
  const custom = await startLoopbackServer(overrides.custom ?? modelListHandler(demoList("vllm"), { prefix: "/v1" }));
  const servers = { kimi, glm, openrouter, custom };
  return {
    servers,
    env: {
      KIMI_API_URL: `${kimi.origin}/v1`,
      KIMI_API_KEY: CANARY.kimi,
      GLM_API_URL: `${glm.origin}/api/paas/v4`,
      GLM_API_KEY: CANARY.glm,
      OPENROUTER_API_URL: `${openrouter.origin}/api/v1`,
      OPENROUTER_API_KEY: CANARY.openrouter,
      CUSTOM_API_URL: `${custom.origin}/v1`,
      CUSTOM_API_KEY: CANARY.custom,
    },
    close: async () => void (await Promise.all(Object.values(servers).map((s) => s.close()))),
  };
}

export function expectNoCanary(...texts: string[]): void {
  for (const text of texts) {
    for (const key of Object.values(CANARY)) {
      if (text.includes(key)) throw new Error(`a canary key leaked: ${key}`);
    }
  }
}
