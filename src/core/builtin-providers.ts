// The providers that ship in data/providers/, one id per file (a test keeps the two equal). The order is the
// default provider priority: the first four as they always were, then the later ones.
export const DEFAULT_PROVIDER_PRIORITY = [
  "kimi",
  "glm",
  "custom",
  "openrouter",
  "openai",
  "anthropic",
  "gemini",
  "mistral",
  "deepseek",
  "xai",
  "groq",
  "together",
  "fireworks",
  "ollama",
  "lmstudio",
] as const;

export type BuiltinProviderId = (typeof DEFAULT_PROVIDER_PRIORITY)[number];

export const BUILTIN_PROVIDER_IDS: readonly BuiltinProviderId[] = [...DEFAULT_PROVIDER_PRIORITY].sort();
