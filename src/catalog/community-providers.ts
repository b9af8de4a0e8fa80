// Which of a community catalog's providers hold facts for which of ours. Documented in the README
// ("Community catalogs"); keep the two in step. Each table names every built-in provider and no other (the compiler
// checks it against src/core/builtin-providers.ts).
import type { BuiltinProviderId } from "../core/builtin-providers.js";
import { ownValue } from "../core/json-object.js";

type ByBuiltinProvider = Readonly<Record<BuiltinProviderId, readonly string[]>>;

/**
 * models.dev `api.json` provider keys, by our provider id, most trusted first: where two keys list the same model
 * id, the earlier key's entry is used. Regional (`moonshotai-cn`) and subscription (`zai-coding-plan`) keys are
 * left out on purpose: they price differently from the endpoint we probe.
 */
export const MODELS_DEV_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  kimi: ["moonshotai"],
  glm: ["zai", "zhipuai"],
  openrouter: ["openrouter"],
  // Whatever an OpenAI-compatible server serves: no catalog can say which provider's facts apply.
  custom: [],
  openai: ["openai"],
  anthropic: ["anthropic"],
  gemini: ["google"],
  mistral: ["mistral"],
  deepseek: ["deepseek"],
  groq: ["groq"],
  xai: ["xai"],
  together: ["togetherai"],
  fireworks: ["fireworks-ai"],
  // Local servers run whatever was pulled; models.dev's "ollama-cloud" and "lmstudio" keys price hosted or sample
  // entries, not the user's own machine.
  ollama: [],
  lmstudio: [],
} satisfies ByBuiltinProvider;

/**
 * LiteLLM `litellm_provider` values, by our provider id, most trusted first. A key spelled `<litellm_provider>/<id>`
 * (`moonshot/kimi-k2-0905-preview`, `openrouter/moonshotai/kimi-k2`) is read as `<id>`.
 */
export const LITELLM_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  kimi: ["moonshot"],
  glm: ["zai", "zhipuai"],
  openrouter: ["openrouter"],
  custom: [],
  // Not "text-completion-openai": its entries are completion-only models (babbage-002), which LiteLLM files as chat-like.
  openai: ["openai"],
  anthropic: ["anthropic"],
  gemini: ["gemini"],
  mistral: ["mistral"],
  deepseek: ["deepseek"],
  groq: ["groq"],
  xai: ["xai"],
  together: ["together_ai"],
  fireworks: ["fireworks_ai"],
  // LiteLLM's "ollama" entries describe the models by their Ollama names (context length, tools), priced at 0.
  ollama: ["ollama", "ollama_chat"],
  lmstudio: [],
} satisfies ByBuiltinProvider;

/**
 * The catalog's names for one of our providers: the table's, or — for a provider the table does not know, one from a
 * user's own provider definition file — its own id.
 */
export function sourceNames(table: Readonly<Record<string, readonly string[]>>, provider: string): readonly string[] {
  return ownValue(table, provider) ?? [provider];
}
