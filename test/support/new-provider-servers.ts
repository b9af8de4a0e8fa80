// Loopback servers for the providers beyond the first four (kimi, glm, openrouter, custom), each answering in its
// provider's shape, with its provider's authentication checked (x-api-key + anthropic-version, x-goog-api-key,
// bearer) and its pagination (Anthropic, Gemini) walked page by page. The answers are the fixtures of test/fixtures/providers (see SOURCES.md there).
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  startLoopbackServer,
  type LoopbackHandler,
  type LoopbackResponse,
  type LoopbackServer,
  type RecordedRequest,
} from "../../src/cli/demo/loopback-server.js";
import { packageRoot } from "../../src/core/package-root.js";

export type NewProviderId =
  | "openai"
  | "anthropic"
  | "gemini"
  | "mistral"
  | "deepseek"
  | "groq"
  | "xai"
  | "together"
  | "fireworks"
  | "ollama"
  | "lmstudio";
export const NEW_PROVIDERS: readonly NewProviderId[] = [
  "anthropic",
  "deepseek",
  "fireworks",
  "gemini",
  "groq",
  "lmstudio",
  "mistral",
  "ollama",
  "openai",
  "together",
  "xai",
];

export function providerFixture(file: string): any {
  return JSON.parse(readFileSync(path.join(packageRoot, "test", "fixtures", "providers", file), "utf8"));
}

/** Canary keys: none may ever appear in any output. Long enough to count as keys (16+ characters). */
export const NEW_CANARY: Readonly<Record<NewProviderId, string>> = {
  openai: "sk-proj-canary-openai-7d1e0c44",
  anthropic: "sk-ant-api03-canary-anthropic-51f2",
  gemini: "AIzaSy-canary-gemini-0b9e7a3c5d",
  mistral: "canary-mistral-3e8a1f6b2c90",
  deepseek: "sk-canary-deepseek-9a4c2e71",
  groq: "gsk_canary_groq_6f0b3d8e2a",
  xai: "xai-canary-xai-2c7e5a9d1f",
  together: "tgp_v1_canary_together_84c1",
  fireworks: "fw_canary_fireworks_5b2d9e",
  ollama: "canary-ollama-key-1a2b3c4d",
  lmstudio: "canary-lmstudio-key-4d3c2b1a",
};

/** Where each provider's list lives below its base URL, and the base URL's path. */
export const BASE_PATH: Readonly<Record<NewProviderId, string>> = {
  openai: "/v1",
  anthropic: "/v1",
  gemini: "/v1beta",
  mistral: "/v1",
  deepseek: "",
  groq: "/openai/v1",
  xai: "/v1",
  together: "/v1",
  fireworks: "/inference/v1",
  ollama: "",
  lmstudio: "",
};
const LIST_PATH: Readonly<Record<NewProviderId, string>> = {
  openai: "/models",
  anthropic: "/models",
  gemini: "/models",
  mistral: "/models",
  deepseek: "/models",
  groq: "/models",
  xai: "/models",
  together: "/models",
  fireworks: "/models",
  ollama: "/api/tags",
  lmstudio: "/api/v0/models",
};
export const KEY_VARIABLE: Readonly<Record<NewProviderId, string>> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  gemini: "GEMINI_API_KEY",
  mistral: "MISTRAL_API_KEY",
  deepseek: "DEEPSEEK_API_KEY",
  groq: "GROQ_API_KEY",
  xai: "XAI_API_KEY",
  together: "TOGETHER_API_KEY",
  fireworks: "FIREWORKS_API_KEY",
  ollama: "OLLAMA_API_KEY",
  lmstudio: "LMSTUDIO_API_KEY",
};
const URL_VARIABLE = (id: NewProviderId) => `${id.toUpperCase()}_API_URL`;

/** The OpenAI answer of the fixture, plus current ids the built-in catalog prices (the recorded one is from 2023). */
export function openAiAnswer(): unknown {
  const recorded = providerFixture("openai-models.json");
  const current = [
    "gpt-5.5",
    "gpt-5.4",
    "gpt-5.4-mini",
    "gpt-5.4-nano",
    "gpt-5-mini",
    "o3",
    "text-embedding-3-small",
    "tts-1",
    "dall-e-3",
    "omni-moderation-latest",
  ];
  return {
    ...recorded,
    data: [
      ...recorded.data,
      ...current.map((id) => ({ id, object: "model", created: 1767225600, owned_by: "system" })),
    ],
  };
}

export const ANSWERS: Readonly<Record<NewProviderId, () => unknown>> = {
  openai: openAiAnswer,
  anthropic: () => providerFixture("anthropic-models.json"),
  gemini: () => providerFixture("gemini-models.json"),
  mistral: () => providerFixture("mistral-models.json"),
  deepseek: () => providerFixture("deepseek-models.json"),
  groq: () => providerFixture("groq-models.json"),
  xai: () => providerFixture("xai-models.json"),
  together: () => providerFixture("together-models.json"),
  fireworks: () => providerFixture("fireworks-models.json"),
  ollama: () => providerFixture("ollama-tags.json"),
  lmstudio: () => providerFixture("lmstudio-models.json"),
};

/** Whether a request carries the provider's key where the provider expects it, and nowhere else. */
export function authorized(id: NewProviderId, request: RecordedRequest, key = NEW_CANARY[id]): boolean {
  const h = request.headers;
  switch (id) {
    case "anthropic":
      return h["x-api-key"] === key && h["anthropic-version"] === "2023-06-01" && h.authorization === undefined;
    case "gemini":
      return h["x-goog-api-key"] === key && h.authorization === undefined;
    case "ollama":
    case "lmstudio":
      // Local servers take no key; one that is set rides as a bearer, as OpenAI-compatible servers expect.
      return h.authorization === undefined || h.authorization === `Bearer ${key}`;
    default:
      return h.authorization === `Bearer ${key}`;
  }
}

const UNAUTHORIZED: Readonly<Record<NewProviderId, LoopbackResponse>> = {
  anthropic: {
    status: 401,
    json: { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } },
  },
  gemini: {
    status: 400,
    json: {
      error: {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID" }],
      },
    },
  },
  openai: {
    status: 401,
    json: { error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } },
  },
  mistral: { status: 401, json: { detail: "Unauthorized" } },
  deepseek: {
    status: 401,
    json: { error: { message: "Authentication Fails", type: "authentication_error", code: "invalid_request_error" } },
  },
  groq: {
    status: 401,
    json: { error: { message: "Invalid API Key", type: "invalid_request_error", code: "invalid_api_key" } },
  },
  xai: { status: 400, json: { code: "Client specified an invalid argument", error: "Incorrect API key provided" } },
  together: {
    status: 401,
    json: { error: { message: "Invalid API key provided", type: "invalid_request_error", code: "invalid_api_key" } },
  },
  fireworks: { status: 401, json: { error: { object: "error", type: "unauthorized", message: "unauthorized" } } },
  ollama: { status: 401, json: { error: "unauthorized" } },
  lmstudio: { status: 401, json: { error: "unauthorized" } },
};

/** Anthropic's pages: `size` entries each, walked with after_id; Gemini's with pageToken. */
export function paged(id: "anthropic" | "gemini", size: number, answer: any = ANSWERS[id]()): LoopbackHandler {
  const all: any[] = id === "anthropic" ? answer.data : answer.models;
  return (request) => {
    const url = new URL(request.path, "http://x");
    let start = 0;
    if (id === "anthropic") {
      const after = url.searchParams.get("after_id");
      if (after !== null) start = all.findIndex((m) => m.id === after) + 1;
    } else {
      const token = url.searchParams.get("pageToken");
      if (token !== null) start = Number(token.replace("page-", ""));
    }
    const page = all.slice(start, start + size);
    const more = start + size < all.length;
    return {
      json:
        id === "anthropic"
          ? { data: page, has_more: more, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null }
          : { models: page, ...(more ? { nextPageToken: `page-${start + size}` } : {}) },
    };
  };
}

/** Each provider's list at its path, its key checked; Ollama's /api/show answers from the recorded show. */
export function providerHandler(id: NewProviderId, options: { pageSize?: number } = {}): LoopbackHandler {
  const list = `${BASE_PATH[id]}${LIST_PATH[id]}`;
  const pages = id === "anthropic" || id === "gemini" ? paged(id, options.pageSize ?? 2) : undefined;
  return (request, response) => {
    if (!authorized(id, request)) return UNAUTHORIZED[id];
    const pathname = request.path.split("?")[0];
    if (id === "ollama" && request.method === "POST" && pathname === "/api/show") {
      const asked = (JSON.parse(request.body || "{}") as { model?: string }).model;
      const show = providerFixture("ollama-show.json");
      // The recorded show is gpt-oss's; each model gets its own context length so the test can tell them apart.
      const ctx = { "llama3:latest": 8192, "mistral:latest": 32768, "phi3:mini": 4096 }[asked ?? ""] ?? 0;
      return ctx === 0
        ? { status: 404, json: { error: `model '${asked}' not found` } }
        : {
            json: {
              ...show,
              capabilities: ["completion", "tools"],
              model_info: { ...show.model_info, "gptoss.context_length": ctx },
            },
          };
    }
    if (request.method !== "GET" || pathname !== list)
      return { status: 404, json: { error: { message: "not found" } } };
    return pages ? pages(request, response) : { json: ANSWERS[id]() };
  };
}

export interface NewProviderServers {
  readonly env: Record<string, string>;
  readonly servers: Record<NewProviderId, LoopbackServer>;
  close(): Promise<void>;
}

/** One server per new provider (or per `only` of them), each in its shape unless `overrides` says otherwise. */
export async function startNewProviderServers(
  overrides: Partial<Record<NewProviderId, LoopbackHandler>> = {},
  only: readonly NewProviderId[] = NEW_PROVIDERS,
): Promise<NewProviderServers> {
  const servers = {} as Record<NewProviderId, LoopbackServer>;
  const env: Record<string, string> = {};
  for (const id of only) {
    const server = await startLoopbackServer(overrides[id] ?? providerHandler(id));
    servers[id] = server;
    env[URL_VARIABLE(id)] = `${server.origin}${BASE_PATH[id]}`;
    env[KEY_VARIABLE[id]] = NEW_CANARY[id];
  }
  return { env, servers, close: async () => void (await Promise.all(Object.values(servers).map((s) => s.close()))) };
}

export function expectNoNewCanary(...texts: string[]): void {
  for (const text of texts) {
    for (const key of Object.values(NEW_CANARY)) {
      if (text.includes(key) || text.toLowerCase().includes(key.toLowerCase()))
        throw new Error(`a canary key leaked: ${key}`);
    }
  }
}
