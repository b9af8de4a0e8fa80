import type { ProviderAdapter } from "../adapter.js";
import { glmAdapter } from "./glm.js";
import { kimiAdapter } from "./kimi.js";
import { openAiCompatibleAdapter } from "./openai-compatible.js";
import { openRouterAdapter } from "./openrouter.js";

/** Adapters by the name a provider definition gives in its "adapter" field. */
export const adapters: Readonly<Record<string, ProviderAdapter<any>>> = {
  kimi: kimiAdapter,
  glm: glmAdapter,
  openrouter: openRouterAdapter,
  "openai-compatible": openAiCompatibleAdapter,
};
