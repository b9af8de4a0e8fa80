// Loopback providers for the register rows: many slow ones, or one with a very long list. 127.0.0.1 only.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { prng } from "./synthetic-snapshot.js";

export interface ProviderFleet {
  /** The environment that points registration at the servers (and at nothing else). */
  readonly env: Record<string, string>;
  /** Globs of the definition files, for register's providerGlobs (relative to `cwd`). */
  readonly providerGlobs: readonly string[];
  readonly cwd: string;
  readonly servers: readonly LoopbackServer[];
  /** performance.now() of every request the servers received, in arrival order. */
  readonly arrivals: number[];
  close(): Promise<void>;
}

/** Answers GET {prefix}/models with a body serialised once, so that the server's own work stays out of the timing. */
export function preserializedListHandler(
  body: string,
  options: { prefix: string; apiKey?: string; delayMs?: number; arrivals?: number[] },
): LoopbackHandler {
  const route = `${options.prefix}/models`;
  const headers = { "content-type": "application/json" };
  return (request) => {
    options.arrivals?.push(performance.now());
    if (request.method !== "GET" || request.path.split("?")[0] !== route)
      return { status: 404, json: { error: { message: "no route", type: "not_found" } } };
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return {
        status: 401,
        json: { error: { message: "Invalid Authentication", type: "invalid_authentication_error" } },
      };
    }
    return { text: body, headers, ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}) };
  };
}

/** A vLLM-shaped list (what a local OpenAI-compatible server answers). */
export function vllmList(count: number, seed: number): unknown {
  const random = prng(seed);
  return {
    object: "list",
    data: Array.from({ length: count }, (_, i) => ({
      id: `org${i % 5}/model-${seed}-${i}-instruct`,
      object: "model",
      created: 1731878400 + i,
      owned_by: "vllm",
      root: `org${i % 5}/model-${seed}-${i}-instruct`,
      parent: null,
      max_model_len: [8192, 32768, 131072][Math.floor(random() * 3)],
      permission: [],
    })),
  };
}

/**
 * `count` openai-compatible providers, each its own definition file (with its own BASE_URL variable) and its own
 * server, each answering after `delayMs`.
 */
export async function startSlowFleet(
  dir: string,
  count: number,
  delayMs: number,
  modelsEach: number,
): Promise<ProviderFleet> {
  const defs = path.join(dir, "providers");
  await mkdir(defs, { recursive: true });
  const servers: LoopbackServer[] = [];
  const env: Record<string, string> = {};
  const arrivals: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const id = `bench_${String(i).padStart(2, "0")}`;
      const upper = id.toUpperCase();
      await writeFile(
        path.join(defs, `${id}.json`),
        `${JSON.stringify(
          {
            id,
            displayName: `Bench server ${i}`,
            adapter: "openai-compatible",
            baseUrl: { env: [`${upper}_API_URL`] },
            apiKey: { env: [`${upper}_API_KEY`], required: false },
          },
          null,
          2,
        )}\n`,
      );
      const server = await startLoopbackServer(
        preserializedListHandler(JSON.stringify(vllmList(modelsEach, i)), { prefix: "/v1", delayMs, arrivals }),
      );
      servers.push(server);
      env[`${upper}_API_URL`] = `${server.origin}/v1`;
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  return {
    env,
    providerGlobs: ["providers/*.json"],
    cwd: dir,
    servers,
    arrivals,
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
}

const OR_VENDORS = [
  "openai",
  "anthropic",
  "google",
  "meta-llama",
  "mistralai",
  "qwen",
  "deepseek",
  "moonshotai",
  "z-ai",
  "x-ai",
  "cohere",
  "nvidia",
];
const OR_PARAMS = [
  "tools",
  "tool_choice",
  "max_tokens",
  "temperature",
  "top_p",
  "response_format",
  "structured_outputs",
  "reasoning",
  "include_reasoning",
  "seed",
  "stop",
];

/** An OpenRouter-shaped list: the richest shape an adapter reads (prices as per-token strings, modalities, parameters). */
export function openRouterList(count: number, seed = 7): unknown {
  const random = prng(seed);
  const perToken = (perMillion: number) => (perMillion / 1_000_000).toPrecision(3).replace(/\.?0+$/, "");
  return {
    data: Array.from({ length: count }, (_, i) => {
      const vendor = OR_VENDORS[i % OR_VENDORS.length]!;
      const free = random() < 0.05;
      const id = `${vendor}/model-${i}${free ? ":free" : ""}`;
      const input = free ? 0 : 0.05 + random() * 10;
      const output = free ? 0 : input * (2 + random() * 3);
      const context = [8192, 32768, 131072, 200000, 1048576][Math.floor(random() * 5)]!;
      const vision = random() < 0.3;
      const params = OR_PARAMS.filter(() => random() < 0.5);
      return {
        id,
        canonical_slug: id.replace(/:free$/, ""),
        name: `${vendor}: Model ${i}${free ? " (free)" : ""}`,
        created: 1700000000 + i * 60,
        description: `Synthetic model ${i} by ${vendor}, for the benchmark. It answers in text${vision ? " and reads images" : ""}.`,
        context_length: context,
        architecture: {
          modality: vision ? "text+image->text" : "text->text",
          input_modalities: vision ? ["text", "image"] : ["text"],
          output_modalities: random() < 0.97 ? ["text"] : ["image"],
          tokenizer: "Other",
          instruct_type: null,
        },
        pricing: {
          prompt: free ? "0" : perToken(input),
          completion: free ? "0" : perToken(output),
          request: "0",
          image: "0",
          ...(random() < 0.4 ? { input_cache_read: perToken(input / 4) } : {}),
        },
        top_provider: {
          context_length: context,
          max_completion_tokens: random() < 0.2 ? null : 16384,
          is_moderated: random() < 0.3,
        },
        per_request_limits: null,
        supported_parameters: params,
      };
    }),
  };
}

export const OPENROUTER_KEY = "sk-or-bench-0000";

/** The built-in openrouter provider pointed at one loopback server answering `body`. */
export async function startBigProvider(body: string): Promise<{ env: Record<string, string>; server: LoopbackServer }> {
  const server = await startLoopbackServer(
    preserializedListHandler(body, { prefix: "/api/v1", apiKey: OPENROUTER_KEY }),
  );
  return { env: { OPENROUTER_API_URL: `${server.origin}/api/v1`, OPENROUTER_API_KEY: OPENROUTER_KEY }, server };
}
