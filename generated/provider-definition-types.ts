// @generated from schema/provider-definition.schema.json by scripts/generate.ts. DO NOT EDIT BY HAND: run `npm run generate`.

/**
 * This interface was referenced by `ProviderDefinition`'s JSON-Schema
 * via the `definition` "variableName".
 */
export type VariableName = string;

/**
 * One provider that `register` can probe. Built-in providers are files of this shape in data/providers; `--providers GLOB` adds more, so a further OpenAI-compatible server needs no code.
 */
export interface ProviderDefinition {
  $schema?: string;
  /**
   * Lower-case id; its upper-case form is the prefix of its variables (KIMI_ALLOWED_MODELS).
   */
  id: string;
  displayName: string;
  /**
   * Which response shape to expect.
   */
  adapter:
    | "kimi"
    | "glm"
    | "openrouter"
    | "openai-compatible"
    | "anthropic"
    | "gemini"
    | "mistral"
    | "groq"
    | "together"
    | "fireworks"
    | "ollama"
    | "lmstudio";
  baseUrl: {
    /**
     * Variables that may hold the base URL, first wins.
     *
     * @minItems 1
     */
    env: [VariableName, ...VariableName[]];
    /**
     * Used when none of the variables is set; without it the provider is skipped.
     */
    default?: string;
    /**
     * A value written without a scheme (host:port, as OLLAMA_HOST is) is read with this one.
     */
    schemelessAs?: "http" | "https";
  };
  apiKey: {
    /**
     * Variables that may hold the key, first wins.
     */
    env: VariableName[];
    /**
     * When true the provider is skipped without a key; local servers usually need none.
     */
    required: boolean;
  };
  /**
   * A variable that, set to a false value (false, 0, no, off), skips the provider.
   */
  enableFlag?: string;
  /**
   * When false (local servers), the default URL is used only when enableFlag is set true; otherwise the provider is probed only when one of its URL variables is set.
   */
  enabledByDefault?: boolean;
  /**
   * Paths below the base URL tried in order when the list path answers 404 (LM Studio's /v1/models behind /api/v0/models).
   */
  fallbackModelsPaths?: string[];
  /**
   * Path of the model list below the base URL.
   */
  modelsPath?: string;
  /**
   * Further variables read as this provider's default model, besides <ID>_DEFAULT_MODEL (for older configurations).
   */
  defaultModelEnv?: VariableName[];
  docs?: string;
}
