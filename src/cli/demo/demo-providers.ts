// The demo's four providers: loopback servers answering with recorded-shape lists from data/demo.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../../core/package-root.js";
import { modelListHandler, startLoopbackServer, type LoopbackServer } from "./loopback-server.js";

interface DemoProvider {
  readonly file: string;
  readonly prefix: string;
  /** Variables that point registration at this server. */
  readonly env: (origin: string) => Record<string, string>;
}

// Keys the demo servers expect. They are not real keys; they exist to show that keys never reach the output.
const DEMO_PROVIDERS: readonly DemoProvider[] = [
  {
    file: "kimi-models.json",
    prefix: "/v1",
    env: (o) => ({ KIMI_API_URL: `${o}/v1`, KIMI_API_KEY: "sk-demo-kimi-0000" }),
  },
  {
    file: "glm-models.json",
    prefix: "/api/paas/v4",
    env: (o) => ({ GLM_API_URL: `${o}/api/paas/v4`, GLM_API_KEY: "demo-glm-0000.secret" }),
  },
  {
    file: "openrouter-models.json",
    prefix: "/api/v1",
    env: (o) => ({ OPENROUTER_API_URL: `${o}/api/v1`, OPENROUTER_API_KEY: "sk-or-demo-0000" }),
  },
  { file: "vllm-models.json", prefix: "/v1", env: (o) => ({ CUSTOM_API_URL: `${o}/v1` }) },
];

export interface DemoEnvironment {
  readonly env: Record<string, string>;
  readonly servers: readonly LoopbackServer[];
  close(): Promise<void>;
}

export async function startDemoProviders(): Promise<DemoEnvironment> {
  const servers: LoopbackServer[] = [];
  const env: Record<string, string> = {};
  try {
    for (const provider of DEMO_PROVIDERS) {
      const list = JSON.parse(await readFile(path.join(packageRoot, "data", "demo", provider.file), "utf8")) as unknown;
      const vars = provider.env("http://placeholder");
      const key = Object.entries(vars).find(([name]) => name.endsWith("_API_KEY"))?.[1];
      const server = await startLoopbackServer(
        modelListHandler(list, { prefix: provider.prefix, ...(key ? { apiKey: key } : {}) }),
      );
      servers.push(server);
      Object.assign(env, provider.env(server.origin));
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  return { env, servers, close: async () => void (await Promise.all(servers.map((s) => s.close()))) };
}
