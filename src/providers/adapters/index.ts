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

/** Adapters by the name a provider definition gives in its "adapter" field. */
export const adapters: Readonly<Record<string, ProviderAdapter>> = {
  kimi: kimiAdapter,
  glm: glmAdapter,
  openrouter: openRouterAdapter,
  "openai-compatible": openAiCompatibleAdapter,
  anthropic: anthropicAdapter,
  gemini: geminiAdapter,
  mistral: mistralAdapter,
  groq: groqAdapter,
  together: togetherAdapter,
  fireworks: fireworksAdapter,
  ollama: ollamaAdapter,
  lmstudio: lmStudioAdapter,
};
