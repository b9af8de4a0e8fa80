// fast-check generators for untrusted provider answers: real shapes (data/demo and the providers' documented examples), mutated.
import fc from "fast-check";
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { providerFixture } from "./new-provider-servers.js";
import { CANARY, demoList } from "./provider-servers.js";

/** The response shapes a provider definition can name: the schema's list, through the generated types. */
export type AdapterName = ProviderDefinition["adapter"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const demoEntries = (file: "kimi" | "glm" | "openrouter" | "vllm") => (demoList(file) as { data: Json[] }).data;

/** Real entries per adapter: the recorded demo lists and the shapes the providers document. */
export const SEED_ENTRIES: Record<AdapterName, Json[]> = {
  // The demo lists already hold the documented Kimi, GLM and OpenRouter examples verbatim; only shapes they lack are added.
  kimi: demoEntries("kimi"),
  glm: [...demoEntries("glm"), { id: "embedding-3", object: "model" }],
  openrouter: demoEntries("openrouter"),
  "openai-compatible": [
    ...demoEntries("vllm"),
    { id: "gpt-4o", object: "model", created: 1715367049, owned_by: "system" },
    { id: "llama3.2:latest", object: "model", created: 1731878400, owned_by: "library" },
    {
      id: "Qwen/Qwen2.5-7B-Instruct",
      object: "model",
      max_model_len: 8192,
      root: "Qwen/Qwen2.5-7B-Instruct",
      parent: null,
    },
    ...(providerFixture("openai-models.json") as { data: Json[] }).data,
  ],
  // The answers of test/fixtures/providers (SOURCES.md there says which are recorded).
  anthropic: (providerFixture("anthropic-models.json") as { data: Json[] }).data,
  gemini: (providerFixture("gemini-models.json") as { models: Json[] }).models,
  mistral: (providerFixture("mistral-models.json") as { data: Json[] }).data,
  groq: (providerFixture("groq-models.json") as { data: Json[] }).data,
  together: providerFixture("together-models.json") as Json[],
  fireworks: (providerFixture("fireworks-models.json") as { data: Json[] }).data,
  ollama: (providerFixture("ollama-tags.json") as { models: Json[] }).models,
  lmstudio: (providerFixture("lmstudio-models.json") as { data: Json[] }).data,
};

/** The field that carries a model's id in each answer (Gemini's name, Ollama's model). */
const ID_FIELD: Partial<Record<AdapterName, string>> = { gemini: "name", ollama: "model" };

/** How each answer wraps its entries; OpenAI's {object, data} for the rest. */
const ENVELOPE: Partial<Record<AdapterName, (entries: Json[]) => Json>> = {
  anthropic: (data) => ({ data, has_more: false, first_id: null, last_id: null }),
  gemini: (models) => ({ models, nextPageToken: "" }),
  together: (entries) => entries,
  ollama: (models) => ({ models }),
};

/** Error bodies as the providers send them, to be mutated too. */
export const SEED_ERRORS: Json[] = [
  { error: { message: "Invalid Authentication", type: "invalid_authentication_error" } },
  { error: { message: "slow down", type: "rate_limit_reached_error" } },
  { error: { message: "no balance", type: "exceeded_current_quota_error" } },
  { error: { code: "1302", message: "Rate limit reached for requests" } },
  { error: { code: "1113", message: "余额不足或无可用资源包,请充值。" } },
  { error: { code: "1308", message: "usage limit reached" } },
  { code: 401, msg: "token expired or incorrect", success: false },
  { error: { code: 429, message: "Rate limit exceeded", metadata: { headers: {} } } },
  { object: "error", message: "not found", type: "NotFoundError", code: 404 },
  { error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } },
];

const WEIRD_STRINGS = [
  "",
  " ",
  "NaN",
  "-NaN",
  "Infinity",
  "-Infinity",
  "undefined",
  "null",
  "-1",
  "-0",
  "0",
  "0x10",
  "1e999999999",
  "-1e-999999999",
  "1e308",
  "9".repeat(400),
  "0.00000055",
  " 0.5 ",
  "1,5",
  "__proto__",
  "constructor",
  "toString",
  "\u0000",
  "\u001b[31mred\u001b[0m",
  "line\nbreak",
  "tab\there",
  "\u202eevil",
  "\ud800",
  "emoji 🙂",
  "x".repeat(5000),
  CANARY.kimi,
  CANARY.openrouter,
  `Bearer ${CANARY.glm}`,
];

const WEIRD_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1e-300,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53 + 1,
  1e21,
  262144,
  4294967296,
];

export const weirdString = fc.oneof(
  fc.constantFrom(...WEIRD_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
export const weirdNumber = fc.oneof(
  fc.constantFrom(...WEIRD_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value, biased towards what breaks parsers: odd strings and numbers, special keys, nesting. */
export const junk: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    weirdNumber,
    weirdString,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          "id",
          "data",
          "error",
          "code",
          "toString",
          "valueOf",
          "__proto__",
          "constructor",
          "name",
          "pricing",
        ),
        fc.string({ maxLength: 8 }),
      ),
      tie("value"),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** A model id as a provider might send it: real, odd case, duplicated, with control characters, absurdly long, a key. */
export const weirdId = fc.oneof(
  fc.constantFrom(
    "kimi-k2-0905-preview",
    "KIMI-K2-0905-PREVIEW",
    "glm-4.6",
    "moonshotai/kimi-k2",
    "moonshotai/kimi-k2:free",
    "embedding-3",
    "Qwen/Qwen2.5-7B-Instruct",
    "openrouter/auto",
  ),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,30}$/),
  weirdString,
  fc.constant("a".repeat(257)),
  fc.constant("a".repeat(256)),
);

/** Replace, drop, or nest junk at one random path of a value. */
function mutateAt(value: Json, path: readonly number[], action: "set" | "drop" | "wrap", replacement: Json): Json {
  if (value === null || typeof value !== "object") return action === "wrap" ? [value, replacement] : replacement;
  if (Array.isArray(value)) {
    if (value.length === 0) return action === "drop" ? value : [replacement];
    const i = path[0]! % value.length;
    if (path.length === 1) {
      if (action === "drop") return value.filter((_, j) => j !== i);
      const copy = [...value];
      copy[i] = action === "wrap" ? { value: copy[i]!, junk: replacement } : replacement;
      return copy;
    }
    const copy = [...value];
    copy[i] = mutateAt(copy[i]!, path.slice(1), action, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return action === "drop" ? value : { junk: replacement };
  const key = keys[path[0]! % keys.length]!;
  const copy: { [key: string]: Json } = { ...value };
  if (path.length === 1) {
    if (action === "drop") delete copy[key];
    else copy[key] = action === "wrap" ? { nested: copy[key]!, junk: replacement } : replacement;
    return copy;
  }
  copy[key] = mutateAt(copy[key]!, path.slice(1), action, replacement);
  return copy;
}

const mutation = fc.record({
  path: fc.array(fc.nat(50), { minLength: 1, maxLength: 4 }),
  action: fc.constantFrom("set" as const, "drop" as const, "wrap" as const),
  replacement: junk,
});

/** A value with 0–4 random mutations applied. */
export function mutated(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc
    .tuple(base, fc.array(mutation, { maxLength: 4 }))
    .map(([value, mutations]) => mutations.reduce((v, m) => mutateAt(v, m.path, m.action, m.replacement), value));
}

/** One entry of a list: a real one (with a strange id now and then), mutated. */
export function entry(adapter: AdapterName): fc.Arbitrary<Json> {
  const seed = fc.constantFrom(...SEED_ENTRIES[adapter]);
  const field = ID_FIELD[adapter] ?? "id";
  const withId = fc
    .tuple(seed, fc.option(weirdId, { freq: 3 }))
    .map(([e, id]) => (id === null ? e : { ...(e as object), [field]: id }));
  return fc.oneof({ arbitrary: mutated(withId), weight: 8 }, { arbitrary: junk, weight: 1 });
}

/** A whole answer body: mostly a list of mutated entries (duplicates included), sometimes an error, sometimes junk. */
export function body(adapter: AdapterName): fc.Arbitrary<Json> {
  const list = fc
    .tuple(fc.array(entry(adapter), { maxLength: 12 }), fc.array(fc.nat(11), { maxLength: 3 }))
    .map(([entries, dupes]): Json => {
      const all = [...entries, ...dupes.filter((i) => i < entries.length).map((i) => entries[i]!)];
      return ENVELOPE[adapter]?.(all) ?? { object: "list", data: all };
    });
  return fc.oneof(
    { arbitrary: list, weight: 6 },
    { arbitrary: mutated(list), weight: 3 },
    { arbitrary: mutated(fc.constantFrom(...SEED_ERRORS)), weight: 2 },
    { arbitrary: junk, weight: 1 },
  );
}

/** Numbers fast-check produces that JSON cannot carry (-0 becomes 0): what a body would really hold. */
export function throughJson(value: Json): unknown {
  return JSON.parse(JSON.stringify(value));
}
