// The listed models, made safe to keep: translated by the adapter, no echoed credential, no unusable or repeated id,
// in an order that does not depend on the provider's. Pure.
import type { ProbedModel, ProviderAdapter } from "../providers/adapter.js";
import { holdsAnyCredential } from "../core/redact.js";
import { sortKeysDeep } from "../snapshot/canonical-json.js";
import { cleanModelList, type CleanedList } from "./clean-model-list.js";

/** Each raw entry of the list as the adapter reads it. */
export function translateEntries<Raw>(adapter: ProviderAdapter<Raw>, entries: readonly Raw[]): ProbedModel[] {
  return entries.map((raw) => adapter.translateModel(raw));
}

/** Without `credentials`: provider API keys are far longer (Moonshot 51, Zhipu 49, OpenRouter 73 characters). */
const MIN_ECHOED_KEY_LENGTH = 16;

/**
 * The values a model id, name or alias must not hold: the credentials proper when known, of any length; otherwise
 * only the secrets of key length, since secrets may hold settings such as ?api-version=2024-10-21 that a real model
 * id contains.
 */
export function echoedKeyCandidates(
  secrets: readonly string[],
  credentials: readonly string[] | undefined,
): readonly string[] {
  return credentials ?? secrets.filter((secret) => secret.length >= MIN_ECHOED_KEY_LENGTH);
}

/** The listed models, cleaned: no echoed key, no unusable or repeated id; a model dropped for its key counts as invalid. */
export function normaliseModels(models: readonly ProbedModel[], keys: readonly string[]): CleanedList {
  // A provider (or a proxy) that echoes a credential back as a model id, name or alias must not carry it into the
  // snapshot, whatever its length (a short one counts as a whole word: see holdsCredential).
  const withoutSecrets = models.filter((m) => !holdsAnyCredential(m.id, keys));
  const echoed = models.length - withoutSecrets.length;
  // In a fixed order before repeats are dropped, so that which of `Model-A` and `model-a` is kept (the first) depends
  // on the ids and facts alone, never on the order the provider happened to list them in.
  const cleaned = cleanModelList(inFixedOrder(withoutSecrets.map((m) => withoutEchoes(m, keys))));
  return {
    models: cleaned.models,
    dropped: { invalid: cleaned.dropped.invalid + echoed, duplicates: cleaned.dropped.duplicates },
  };
}

/** What a successful probe says: how many models it kept, where from (`via`), and how many it dropped. */
export function describeListing(list: CleanedList, via: string): string {
  const count = list.models.length;
  const notes = [
    list.dropped.invalid > 0 ? `${list.dropped.invalid} unusable id(s) dropped` : "",
    list.dropped.duplicates > 0 ? `${list.dropped.duplicates} duplicate(s) dropped` : "",
  ].filter(Boolean);
  return `listed ${count} model${count === 1 ? "" : "s"}${via}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
}

/** A name or alias that carries the key is dropped; the model stays. */
function withoutEchoes(model: ProbedModel, keys: readonly string[]): ProbedModel {
  let out = model;
  if (out.name !== undefined && holdsAnyCredential(out.name, keys)) out = withoutName(out);
  if (out.aliases && out.aliases.some((a) => holdsAnyCredential(a, keys)))
    out = { ...out, aliases: out.aliases.filter((a) => !holdsAnyCredential(a, keys)) };
  return out;
}

/** By id in code-unit order, then by content: the same list in any order comes out the same. */
function inFixedOrder(models: readonly ProbedModel[]): ProbedModel[] {
  // Facts are spelt out only for the rare ids listed twice.
  const facts = new Map<ProbedModel, string>();
  const factsOf = (m: ProbedModel) => facts.get(m) ?? facts.set(m, JSON.stringify(sortKeysDeep(m))).get(m)!;
  return [...models].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : factsOf(a) < factsOf(b) ? -1 : factsOf(a) > factsOf(b) ? 1 : 0,
  );
}

function withoutName(model: ProbedModel): ProbedModel {
  const { name: _name, ...rest } = model;
  return rest;
}
