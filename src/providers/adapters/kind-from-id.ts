// What a model is for, guessed from its id where an answer says nothing of it.
import type { Model } from "../../../generated/snapshot-types.js";

/** Ids of moderation and safety-classifier models, which answer with a verdict, not a reply. */
export const SAFETY_CLASSIFIER_ID =
  /moderation|(^|[-_/])(llama-?guard|guard|safeguard|shieldgemma|content-safety)([-_.:]|\d|$)/i;

// OpenAI's list mixes chat models with embeddings, speech, transcription, images and moderation, and says nothing
// of which is which. The catalogs say (built-in kind, LiteLLM mode, models.dev modalities); where none knows a
// model, its id is the only hint left, and it is taken as a hint only: every catalog outranks it.
const KIND_HINTS: readonly (readonly [RegExp, Model["kind"]])[] = [
  [/embed|similarity|-search-/i, "embedding"],
  [/whisper|(^|[-_/])tts([-_]|$)|transcribe|speech|audio|realtime/i, "audio"],
  [/dall-e|(^|[-_/])image([-_]|$)|gpt-image|sora|imagen|flux|stable-diffusion/i, "image"],
  // Moderation and safety classifiers (omni-moderation, llama-guard, gpt-oss-safeguard, shieldgemma, …-content-safety)
  // take and return text, but they judge content rather than answer it.
  [SAFETY_CLASSIFIER_ID, "other"],
  // Completion-only legacy models: no chat endpoint.
  [/^(babbage|davinci)(-\d+)?$/i, "other"],
];

export function kindFromId(id: string): Model["kind"] | undefined {
  return KIND_HINTS.find(([pattern]) => pattern.test(id))?.[1];
}
