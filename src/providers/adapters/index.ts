import type { ProviderAdapter } from "../adapter.js";
import { anthropicAdapter } from "./anthropic.js";
import { fireworksAdapter } from "./fireworks.js";
import { geminiAdapter } from "./gemini.js";
import { glmAdapter } from "./glm.js";
import { groqAdapter } from "./groq.js";
import { kimiAdapter } from "./kimi.js";
import { lmStudioAdapter } from "./lmstudio.js";
import { mistralAdapter } from "./mistral.js";
import { ollamaAdapter } from "./ollama.js";
import { openAiCompatibleAdapter } from "./openai-compatible.js";
import { openRouterAdapter } from "./openrouter.js";
import { togetherAdapter } from "./together.js";

const ALL_ADAPTERS: readonly ProviderAdapter[] = [
  kimiAdapter,
  glmAdapter,
  openRouterAdapter,
  openAiCompatibleAdapter,
  anthropicAdapter,
  geminiAdapter,
  mistralAdapter,
  groqAdapter,
  togetherAdapter,
  fireworksAdapter,
  ollamaAdapter,
  lmStudioAdapter,
];

/** Adapters by the name a provider definition gives in its "adapter" field: each adapter's own id. */
export const adapters: Readonly<Record<string, ProviderAdapter>> = Object.fromEntries(
  ALL_ADAPTERS.map((adapter) => [adapter.id, adapter]),
);
