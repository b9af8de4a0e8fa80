// The requests each conformance snapshot is asked. Broad batteries (every category under every kind of
// requirement, every provider, every model by name) and targeted rows for one rule each; the expected answers are
// always what the TypeScript selector says today (scripts/conformance.ts), never written here.
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";

export interface RequestCase {
  readonly id: string;
  /** What the case exercises, for people reading a failure: rules of docs/selection.md. */
  readonly covers: string;
  readonly request: unknown;
}

const CATEGORIES = ["fast_response", "balanced", "extended_reasoning"] as const;

const REQUIREMENTS: [string, Record<string, unknown>][] = [
  ["vision", { vision: true }],
  ["tools", { tools: true }],
  ["reasoning", { reasoning: true }],
  ["json", { json: true }],
  ["tools-json", { tools: true, json: true }],
  ["vision-reasoning", { vision: true, reasoning: true }],
  ["false-flags", { vision: false, tools: false }],
  ["min-context-100k", { minContext: 100000 }],
  ["min-context-200k", { minContext: 200000 }],
  ["min-context-10m", { minContext: 10000000 }],
  ["min-output-16k", { minOutput: 16000 }],
  ["min-output-0", { minOutput: 0 }],
  ["vision-min-context", { vision: true, minContext: 100000 }],
  ["everything", { vision: true, tools: true, reasoning: true, json: true, minContext: 1, minOutput: 1 }],
];

/** The requirement sets the policy variants are asked under (the base snapshots get them all). */
const SHORT = new Set(["vision", "tools-json", "min-context-200k", "min-output-16k", "everything"]);

/** Every category under every kind of requirement (or the short list), and with nothing asked. */
function battery(full: boolean): RequestCase[] {
  const cases: RequestCase[] = [
    { id: "empty-request", covers: "rule 2 or 3 with nothing asked; balanced is the default category", request: {} },
    { id: "auto", covers: "model auto is the same as no model", request: { model: "auto" } },
    { id: "auto-upper-case", covers: "auto in any case", request: { model: "AUTO" } },
  ];
  for (const category of CATEGORIES) {
    cases.push({ id: `${category}`, covers: `rule 3, ranking on merit for ${category}`, request: { category } });
    for (const [name, requires] of REQUIREMENTS) {
      if (!full && !SHORT.has(name)) continue;
      cases.push({ id: `${category}/${name}`, covers: "rule 3 with requirements; which models can serve", request: { category, requires } });
    }
  }
  cases.push({ id: "requires-only", covers: "a requirement is a routing criterion (rule 2 not applied)", request: { requires: { tools: true } } });
  return cases;
}

function perProvider(snapshot: ProviderRegistrySnapshot): RequestCase[] {
  const ids = [...new Set([...snapshot.providers.map((p) => p.id), ...snapshot.models.map((m) => m.provider)])];
  const cases: RequestCase[] = [];
  for (const id of ids) {
    cases.push({ id: `provider/${id}`, covers: "a named provider: only its models", request: { provider: id } });
    cases.push({ id: `provider/${id}/upper-case/extended_reasoning`, covers: "provider in any case", request: { provider: id.toUpperCase(), category: "extended_reasoning" } });
    cases.push({ id: `provider/${id}/fast_response/tools`, covers: "provider and requirement", request: { provider: id, category: "fast_response", requires: { tools: true } } });
  }
  return cases;
}

/** Every model by id (and the first alias in upper case), as it is and under a requirement it may miss. */
function perModel(snapshot: ProviderRegistrySnapshot): RequestCase[] {
  const cases: RequestCase[] = [];
  const seen = new Set<string>();
  for (const m of snapshot.models) {
    if (!seen.has(m.id)) {
      seen.add(m.id);
      cases.push({ id: `model/${m.id}`, covers: "rule 1: an explicit model, its fallbacks the same model elsewhere", request: { model: m.id } });
      cases.push({ id: `model/${m.id}/vision-200k`, covers: "rule 1 with requirements: REQUIREMENTS_NOT_MET", request: { model: m.id, requires: { vision: true, minContext: 200000 } } });
    }
    const alias = m.aliases[0];
    if (alias !== undefined && !seen.has(`alias:${alias}`)) {
      seen.add(`alias:${alias}`);
      cases.push({ id: `alias/${alias}`, covers: "names: an alias in any case", request: { model: alias.toUpperCase() } });
    }
  }
  return cases;
}

/** Requests the selector must refuse with INVALID_REQUEST, and the edges of what it accepts. */
export function invalidRequests(): RequestCase[] {
  const bad: [string, unknown][] = [
    ["not-an-object", "fast_response"],
    ["array", [{ category: "balanced" }]],
    ["null", null],
    ["unknown-field", { category: "balanced", minContex: 100000 }],
    ["unknown-fields-index-first", { zeta: 1, "7": 2, category: "balanced" }],
    ["unknown-requirement", { requires: { minContex: 100000 } }],
    ["unknown-category", { category: "fast" }],
    ["category-wrong-case", { category: "Balanced" }],
    ["category-null", { category: null }],
    ["category-number", { category: 1 }],
    ["model-empty", { model: "" }],
    ["model-number", { model: 42 }],
    ["model-null", { model: null }],
    ["provider-unknown", { provider: "nowhere" }],
    ["provider-empty", { provider: "" }],
    ["provider-number", { provider: 7 }],
    ["requires-array", { requires: ["vision"] }],
    ["requires-null", { requires: null }],
    ["requires-string-flag", { requires: { vision: "yes" } }],
    ["requires-null-flag", { requires: { tools: null } }],
    ["requires-number-flag", { requires: { json: 1 } }],
    ["min-context-negative", { requires: { minContext: -1 } }],
    ["min-context-text", { requires: { minContext: "100000" } }],
    ["min-output-object", { requires: { minOutput: { at: 1 } } }],
    ["min-output-fraction-negative", { requires: { minOutput: -0.5 } }],
    ["exclude-string", { exclude: "glm-4.6" }],
    ["exclude-with-number", { exclude: ["glm-4.6", 3] }],
    ["exclude-with-empty", { exclude: [""] }],
    ["unicode-in-message", { category: "bälanced\u2028" }],
    ["float-in-message", { requires: { minContext: -1e-7 } }],
    ["big-number-in-message", { requires: { minOutput: -1e21 } }],
    ["nested-in-message", { category: { name: "balanced", weights: [0.5, 1e-7, 123456789012] } }],
    // Quoted in part: a message quotes 1,000 characters of a value and 256 of a name, never half a surrogate pair.
    ["long-value-in-message", { category: "b".repeat(998) + "\u{1F600}" + "c".repeat(400) }],
    ["long-provider-in-message", { provider: "p".repeat(255) + "\u{1F600}" + "q".repeat(40) }],
  ];
  const ok: [string, unknown][] = [
    ["min-context-fraction", { requires: { minContext: 0.5 } }],
    ["min-context-float-whole", { requires: { minContext: 100000.0 } }],
    ["exclude-empty", { exclude: [] }],
    ["exclude-unknown-names", { exclude: ["no-such-model", "GHOST"] }],
    ["model-and-category", { model: "glm-4.6", category: "fast_response" }],
    ["model-longer-than-any-id", { model: "glm-4.6-" + "x".repeat(300) }],
    ["model-id-length", { model: "m".repeat(256) }],
  ];
  return [
    ...bad.map(([id, request]) => ({ id: `invalid/${id}`, covers: "INVALID_REQUEST: the request is checked", request })),
    ...ok.map(([id, request]) => ({ id: `edge/${id}`, covers: "edges a request may have", request })),
  ];
}

/** Hand-picked rows per snapshot: the rule each one is there for is in its `covers`. */
const TARGETED: Record<string, RequestCase[]> = {
  demo: [
    { id: "names/id-any-case", covers: "names: an id in any case", request: { model: "GLM-4.6" } },
    { id: "names/unknown-with-suggestion", covers: "NO_SUCH_MODEL with close names suggested", request: { model: "glm-4" } },
    { id: "names/unknown-short", covers: "NO_SUCH_MODEL without suggestions (name under 3 characters)", request: { model: "gl" } },
    { id: "names/unknown-no-match", covers: "NO_SUCH_MODEL without suggestions", request: { model: "completely-different" } },
    { id: "names/not-listed", covers: "NO_SUCH_MODEL: not_listed", request: { model: "kimi-latest-8k" } },
    { id: "names/not-chat", covers: "NO_SUCH_MODEL: not_chat", request: { model: "embedding-3" } },
    { id: "names/other-provider", covers: "NO_SUCH_MODEL: the named provider does not serve it; other_provider in the trace", request: { model: "glm-4.6", provider: "kimi" } },
    { id: "names/at-provider", covers: "rule 1 restricted to a provider", request: { model: "moonshotai/kimi-k2", provider: "OpenRouter" } },
    { id: "exclude/by-alias-upper-case", covers: "exclude: aliases in any case", request: { exclude: ["KIMI-K2"] } },
    { id: "exclude/requested", covers: "MODEL_NOT_ALLOWED: the requested model is excluded", request: { model: "glm-4.6", exclude: ["glm-4.6"] } },
    { id: "exclude/everything-at-glm", covers: "exclude everything a provider has: the next provider wins", request: { provider: "glm", exclude: ["glm-4.6", "glm-4.5", "glm-4.5-air", "glm-4.5-flash", "glm-4.5v"] } },
    { id: "exclude/chain", covers: "exclusions and requirements together", request: { category: "fast_response", exclude: ["kimi-k2-turbo", "glm-4.5-flash"], requires: { json: true } } },
    { id: "nothing-fits/vision-json-reasoning-1m", covers: "NO_MODEL_AVAILABLE: relax the request", request: { requires: { vision: true, json: true, minContext: 1000000 } } },
    { id: "nothing-fits/at-provider", covers: "NO_MODEL_AVAILABLE at a named provider", request: { provider: "custom", requires: { vision: true } } },
  ],
  "demo-policy": [
    { id: "allow-list/not-allowed", covers: "MODEL_NOT_ALLOWED: not in the allow-list (names the variable)", request: { model: "glm-4.5" } },
    { id: "allow-list/provider-disabled", covers: "MODEL_NOT_ALLOWED: provider_disabled", request: { model: "Qwen/Qwen2.5-7B-Instruct" } },
    { id: "allow-list/provider-not-allowed", covers: "MODEL_NOT_ALLOWED: provider_not_allowed", request: { model: "openai/gpt-4o-mini" } },
    { id: "allow-list/allowed-any-case", covers: "allow-lists compared without regard to case", request: { model: "glm-4.6" } },
    { id: "allow-list/nothing-routable-at-provider", covers: "NO_MODEL_AVAILABLE: nothing there can be routed at all", request: { provider: "openrouter" } },
    { id: "default/passed-over-excluded", covers: "rule 2: the default passed over (not allowed), reason says why", request: { exclude: ["glm-4.6"] } },
    { id: "preferences/alias-in-list", covers: "preferences may name aliases; names the snapshot lacks appear as not_in_snapshot", request: { provider: "kimi" } },
    { id: "preferences/passed-over", covers: "a preferred model that cannot serve is dropped with the preference named", request: { provider: "kimi", requires: { vision: true } } },
    { id: "preferences/category", covers: "category preference before provider preference", request: { provider: "kimi", category: "extended_reasoning" } },
  ],
  "demo-default-model": [
    { id: "default/used", covers: "rule 2: the default model (as an alias, any case) when nothing is named", request: {} },
    { id: "default/excluded", covers: "rule 2: the default excluded, passed over", request: { exclude: ["kimi-k2-0905-preview"] } },
    { id: "default/not-considered", covers: "a routing criterion skips rule 2", request: { category: "balanced" } },
  ],
  "demo-default-missing": [{ id: "default/missing", covers: "rule 2: the default is not in the snapshot", request: { model: "Auto" } }],
  ties: [
    { id: "names/id-beats-alias", covers: "names: within a provider an id wins over an alias", request: { model: "SHARED" } },
    { id: "names/alias-of-two", covers: "names: an alias of two models means both", request: { model: "both" } },
    { id: "names/same-name-two-providers", covers: "names: the same name at two providers; fallbacks the same model", request: { model: "tie-a" } },
    { id: "names/same-name-excluded-at-first", covers: "names: exclude applies at every provider", request: { model: "tie-a", requires: { vision: true } } },
    { id: "exclude/alias-of-two", covers: "exclude by an alias that names two models", request: { provider: "acme", category: "fast_response", exclude: ["BOTH", "shared"] } },
    { id: "unknown-sizes/min-output", covers: "an unknown maxOutput fails any minimum, even 0", request: { model: "unknown-size", requires: { minOutput: 0 } } },
    { id: "unknown-sizes/min-context", covers: "an unknown contextWindow fails any minimum", request: { model: "unknown-size", requires: { minContext: 1 } } },
  ],
  "ties-preferences": [
    { id: "preferences/everything", covers: "category, provider, provider default, merit; unresolved names once; not_allowed preferred", request: { category: "fast_response", provider: "acme" } },
    { id: "preferences/default-model-other-provider", covers: "rule 2 with the default at a later provider", request: {} },
    { id: "preferences/default-model-excluded", covers: "rule 2 passed over, routing from the first provider", request: { exclude: ["shared"] } },
  ],
  empty: [{ id: "no-models/explicit", covers: "NO_SUCH_MODEL in a snapshot without models", request: { model: "glm-4.6" } }],
};

const FULL = new Set(["demo", "complaint", "ties", "schema-2-all-fields"]);

export function requestsFor(name: string, snapshot: ProviderRegistrySnapshot): RequestCase[] {
  const cases = [...battery(FULL.has(name)), ...(FULL.has(name) || name === "demo-policy" ? perProvider(snapshot) : []), ...(TARGETED[name] ?? [])];
  if (name === "demo" || name === "ties" || name === "schema-2-all-fields" || name === "demo-policy" || name === "stale-unverified" || name === "stale-unverified-routed") cases.push(...perModel(snapshot));
  if (name === "demo") cases.push(...invalidRequests());
  return cases;
}
