# @generated from schema/provider-registry-snapshot.schema.json and src/selector/check-snapshot.ts by scripts/conformance.ts.
# DO NOT EDIT BY HAND: run `npm run conformance`.
import json

SUPPORTED_SCHEMA_VERSION = "2.0.0"
OLDEST_SCHEMA_MAJOR = 1

SCHEMA_JSON = r"""{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://provider-registry.dev/schema/v2/provider-registry-snapshot.schema.json",
  "title": "ProviderRegistrySnapshot",
  "description": "The artifact written by `provider-registry register`: every configured provider, every known model with its facts and where each fact came from, the routing policy resolved from the environment, and what registration noticed. Schema major version 2: model ids may start with `~` (OpenRouter's moving aliases), `kind` has `router`, facts may be `inferred`; every 1.x snapshot is also a valid 2.x snapshot, so readers of 2.x read both. Minor versions only add optional fields.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "$schema",
    "schemaVersion",
    "generatedAt",
    "generator",
    "contentHash",
    "providers",
    "models",
    "policy",
    "diagnostics"
  ],
  "properties": {
    "$schema": {
      "description": "The schema this snapshot conforms to: the v2 $id for what this version writes; the v1 $id for a snapshot written by 1.x, which is still readable.",
      "enum": [
        "https://provider-registry.dev/schema/v2/provider-registry-snapshot.schema.json",
        "https://provider-registry.dev/schema/v1/provider-registry-snapshot.schema.json"
      ]
    },
    "schemaVersion": {
      "description": "Semver of the schema this snapshot was written against. Readers of 2.x accept any 1.x.y or 2.x.y.",
      "type": "string",
      "pattern": "^[12]\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"
    },
    "generatedAt": { "$ref": "#/$defs/dateTime" },
    "generator": {
      "type": "object",
      "additionalProperties": false,
      "required": ["name", "version"],
      "properties": {
        "name": { "type": "string", "minLength": 1, "maxLength": 100 },
        "version": { "type": "string", "minLength": 1, "maxLength": 100 }
      }
    },
    "contentHash": {
      "description": "sha256 of the canonical JSON of this snapshot without its timestamps (generatedAt, providers[].probe.checkedAt, models[].lastVerifiedAt) and without contentHash itself.",
      "type": "string",
      "pattern": "^sha256:[0-9a-f]{64}$"
    },
    "providers": {
      "description": "Every known provider, probed or not, sorted by id.",
      "type": "array",
      "items": { "$ref": "#/$defs/provider" }
    },
    "models": {
      "description": "Every known model, sorted by provider then id.",
      "type": "array",
      "items": { "$ref": "#/$defs/model" }
    },
    "policy": { "$ref": "#/$defs/policy" },
    "diagnostics": { "type": "array", "items": { "$ref": "#/$defs/diagnostic" } }
  },
  "$defs": {
    "dateTime": {
      "description": "RFC 3339 date-time in UTC. Carries a pattern as well as a format, since some validators skip format.",
      "type": "string",
      "format": "date-time",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$"
    },
    "calendarDate": { "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
    "providerId": { "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,63}$" },
    "modelId": {
      "description": "A model id as its provider spells it. Printable, no whitespace; a leading `~` marks an OpenRouter moving alias (`~anthropic/claude-sonnet-latest`).",
      "type": "string",
      "minLength": 1,
      "maxLength": 256,
      "pattern": "^~?[A-Za-z0-9][A-Za-z0-9._:/@+-]*$"
    },
    "modelRef": {
      "type": "object",
      "additionalProperties": false,
      "required": ["model", "provider"],
      "properties": { "model": { "$ref": "#/$defs/modelId" }, "provider": { "$ref": "#/$defs/providerId" } }
    },
    "modelIdList": { "type": "array", "items": { "$ref": "#/$defs/modelId" } },
    "factSource": {
      "description": "Where a fact came from: the provider's live answer (probe), the built-in catalog, an overlaid community catalog (overlay:<name>), an environment variable (env:<NAME>), a rule applied to the model's id or answer when nothing stated it (inferred), or a default when nothing said.",
      "type": "string",
      "pattern": "^(probe|catalog|default|inferred|overlay:[A-Za-z0-9._-]+|env:[A-Z][A-Z0-9_]*)$"
    },
    "provider": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "displayName", "adapter", "baseUrl", "apiKeyVariable", "probe"],
      "properties": {
        "id": { "$ref": "#/$defs/providerId" },
        "displayName": { "type": "string", "minLength": 1, "maxLength": 200 },
        "adapter": {
          "description": "Which response shape the probe expected (kimi, glm, openrouter, openai-compatible).",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,63}$"
        },
        "baseUrl": {
          "description": "The endpoint base, with any credentials removed; null when none was configured.",
          "type": ["string", "null"],
          "maxLength": 2048
        },
        "apiKeyVariable": {
          "description": "The name of the environment variable that held the key. Never the key itself.",
          "type": ["string", "null"],
          "pattern": "^[A-Z][A-Z0-9_]*$"
        },
        "probe": { "$ref": "#/$defs/probeResult" }
      }
    },
    "probeResult": {
      "type": "object",
      "additionalProperties": false,
      "required": ["status", "reason", "modelCount"],
      "properties": {
        "status": {
          "description": "ok: the model list was read; failed: the probe was attempted and failed; skipped: the provider was not probed.",
          "enum": ["ok", "failed", "skipped"]
        },
        "reason": { "type": "string", "minLength": 1, "maxLength": 1000 },
        "errorKind": { "description": "Present when status is failed.", "type": "string", "pattern": "^[a-z][a-z_]*$" },
        "httpStatus": { "type": "integer", "minimum": 100, "maximum": 599 },
        "attempts": { "type": "integer", "minimum": 1 },
        "modelCount": {
          "description": "How many models the probe listed (0 when not ok).",
          "type": "integer",
          "minimum": 0
        },
        "checkedAt": { "$ref": "#/$defs/dateTime" }
      }
    },
    "capabilities": {
      "type": "object",
      "additionalProperties": false,
      "required": ["vision", "tools", "reasoning", "json", "streaming"],
      "properties": {
        "vision": { "type": "boolean", "description": "Accepts image input." },
        "tools": { "type": "boolean", "description": "Function / tool calling." },
        "reasoning": { "type": "boolean", "description": "Extended reasoning (thinking)." },
        "json": { "type": "boolean", "description": "JSON mode or structured output." },
        "streaming": { "type": "boolean", "description": "Streamed responses." }
      }
    },
    "pricing": {
      "type": "object",
      "additionalProperties": false,
      "required": ["currency", "unit", "input", "output", "source"],
      "properties": {
        "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
        "unit": { "const": "per_million_tokens" },
        "input": {
          "type": "number",
          "minimum": 0,
          "description": "USD (or currency) per million input tokens; for tiered prices, the price up to the first tier."
        },
        "output": { "type": "number", "minimum": 0, "description": "Per million output tokens, up to the first tier." },
        "cachedInput": { "type": "number", "minimum": 0 },
        "source": {
          "description": "Where the price was read: a URL, or the fact source (probe, env:MODEL_COSTS_JSON, overlay:...).",
          "type": "string",
          "minLength": 1,
          "maxLength": 500
        },
        "asOf": { "$ref": "#/$defs/calendarDate" },
        "perRequest": { "type": "number", "minimum": 0, "description": "A charge per request on top of token prices." },
        "perImage": {
          "type": "number",
          "minimum": 0,
          "description": "A charge per input image on top of token prices."
        },
        "tiers": {
          "description": "Long-context prices, sorted by aboveInputTokens ascending: a request whose prompt is longer than a tier's aboveInputTokens pays the prices of the last such tier instead of input/output/cachedInput.",
          "type": "array",
          "items": { "$ref": "#/$defs/priceTier" }
        }
      }
    },
    "model": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "provider",
        "name",
        "aliases",
        "kind",
        "availability",
        "status",
        "movingAlias",
        "tier",
        "contextWindow",
        "maxOutput",
        "capabilities",
        "pricing",
        "freeTier",
        "sources"
      ],
      "properties": {
        "id": { "$ref": "#/$defs/modelId" },
        "provider": { "$ref": "#/$defs/providerId" },
        "name": { "type": "string", "minLength": 1, "maxLength": 300 },
        "aliases": {
          "description": "Other ids that resolve to this model (compared without regard to case).",
          "$ref": "#/$defs/modelIdList"
        },
        "kind": {
          "description": "What the model is for. Only chat models answer on merit; a router (a meta-model that forwards each request to a model it picks, such as openrouter/auto) is routed only when a request names it; the other kinds are never routed.",
          "enum": ["chat", "router", "embedding", "image", "audio", "other"]
        },
        "availability": {
          "description": "listed: the provider's probe listed it; not_listed: the probe succeeded and did not list it (not routable); unverified: its provider was not probed; stale: the probe failed and this comes from the last good snapshot.",
          "enum": ["listed", "not_listed", "unverified", "stale"]
        },
        "lastVerifiedAt": {
          "description": "For stale models: when a probe last listed it.",
          "$ref": "#/$defs/dateTime"
        },
        "status": { "enum": ["stable", "preview", "deprecated"] },
        "movingAlias": {
          "description": "True for ids that point at whatever the provider currently serves (kimi-latest*, OpenRouter's ~…-latest): pinned versions are preferred. sources.movingAlias says whether the provider, a catalog or a rule on the id (inferred) said so.",
          "type": "boolean"
        },
        "tier": {
          "description": "Speed / capability class: fast (small, cheap, quick), standard, flagship (most capable).",
          "enum": ["fast", "standard", "flagship"]
        },
        "contextWindow": { "type": ["integer", "null"], "minimum": 1 },
        "maxOutput": { "type": ["integer", "null"], "minimum": 1 },
        "capabilities": { "$ref": "#/$defs/capabilities" },
        "pricing": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/pricing" }] },
        "freeTier": { "type": "boolean" },
        "sources": {
          "description": "For each fact, where its value came from.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "aliasOf": { "$ref": "#/$defs/factSource" },
            "contextWindow": { "$ref": "#/$defs/factSource" },
            "freeTier": { "$ref": "#/$defs/factSource" },
            "json": { "$ref": "#/$defs/factSource" },
            "kind": { "$ref": "#/$defs/factSource" },
            "maxOutput": { "$ref": "#/$defs/factSource" },
            "movingAlias": { "$ref": "#/$defs/factSource" },
            "name": { "$ref": "#/$defs/factSource" },
            "pricing": { "$ref": "#/$defs/factSource" },
            "reasoning": { "$ref": "#/$defs/factSource" },
            "retiresAt": { "$ref": "#/$defs/factSource" },
            "routing": { "$ref": "#/$defs/factSource" },
            "status": { "$ref": "#/$defs/factSource" },
            "streaming": { "$ref": "#/$defs/factSource" },
            "tier": { "$ref": "#/$defs/factSource" },
            "tools": { "$ref": "#/$defs/factSource" },
            "variant": { "$ref": "#/$defs/factSource" },
            "vision": { "$ref": "#/$defs/factSource" }
          }
        },
        "aliasOf": {
          "description": "For a moving alias: the id it points at now, when the provider or a catalog says so.",
          "$ref": "#/$defs/modelId"
        },
        "variant": {
          "description": "For a variant that a provider serves under its own id (OpenRouter's `:free`, `:batch`, …): the id of the model it is a variant of, and the variant's tag.",
          "type": "object",
          "additionalProperties": false,
          "required": ["of", "tag"],
          "properties": {
            "of": { "$ref": "#/$defs/modelId" },
            "tag": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,31}$" }
          }
        },
        "routing": {
          "description": "merit (the default when absent): the selector may choose the model for any request it fits. by_name: only a request that names it gets it (routers, batch variants and other ids not meant for interactive calls).",
          "enum": ["merit", "by_name"]
        },
        "described": {
          "description": "False when neither a catalog nor the provider's answer described the model beyond its id, so its facts are defaults: it ranks on merit after every described model. Absent means true.",
          "type": "boolean"
        },
        "retiresAt": {
          "description": "When the provider retires the model (OpenRouter's expiration_date, a catalog's deprecation date). Past it at registration, status is deprecated.",
          "$ref": "#/$defs/calendarDate"
        }
      }
    },
    "categoryPreferences": {
      "type": "object",
      "additionalProperties": false,
      "required": ["fast_response", "balanced", "extended_reasoning"],
      "properties": {
        "fast_response": { "$ref": "#/$defs/modelIdList" },
        "balanced": { "$ref": "#/$defs/modelIdList" },
        "extended_reasoning": { "$ref": "#/$defs/modelIdList" }
      }
    },
    "providerPolicy": {
      "type": "object",
      "additionalProperties": false,
      "required": ["allowedModels", "preferredModels", "preferredByCategory", "defaultModel"],
      "properties": {
        "allowedModels": {
          "description": "Canonical ids the provider may route to; null when every model is allowed.",
          "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/modelIdList" }]
        },
        "preferredModels": { "$ref": "#/$defs/modelIdList" },
        "preferredByCategory": { "$ref": "#/$defs/categoryPreferences" },
        "defaultModel": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/modelId" }] }
      }
    },
    "policy": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "providerPriority",
        "allowedProviders",
        "disabledProviders",
        "defaultModel",
        "routeUnverified",
        "costAwareRouting",
        "freeTierPreference",
        "reasonableOutputPrice",
        "providers"
      ],
      "properties": {
        "providerPriority": {
          "description": "The order in which providers are tried; every known provider appears once.",
          "type": "array",
          "items": { "$ref": "#/$defs/providerId" }
        },
        "allowedProviders": {
          "oneOf": [{ "type": "null" }, { "type": "array", "items": { "$ref": "#/$defs/providerId" } }]
        },
        "disabledProviders": { "type": "array", "items": { "$ref": "#/$defs/providerId" } },
        "defaultModel": {
          "description": "DEFAULT_MODEL resolved to a canonical model; null when it is auto or unset.",
          "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/modelRef" }]
        },
        "routeUnverified": {
          "description": "Whether models of providers that were not probed may be chosen.",
          "type": "boolean"
        },
        "costAwareRouting": { "type": "boolean" },
        "freeTierPreference": { "type": "boolean" },
        "reasonableOutputPrice": {
          "description": "For the balanced category: models whose output price (USD per million tokens) is at most this count as reasonably priced.",
          "type": "number",
          "minimum": 0
        },
        "providers": {
          "type": "object",
          "propertyNames": { "$ref": "#/$defs/providerId" },
          "additionalProperties": { "$ref": "#/$defs/providerPolicy" }
        }
      }
    },
    "diagnostic": {
      "type": "object",
      "additionalProperties": false,
      "required": ["level", "code", "message"],
      "properties": {
        "level": { "enum": ["error", "warning", "info"] },
        "code": { "type": "string", "pattern": "^[A-Z][A-Z0-9_]*$" },
        "message": { "type": "string", "minLength": 1, "maxLength": 2000 },
        "variable": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
        "provider": { "$ref": "#/$defs/providerId" },
        "model": { "$ref": "#/$defs/modelId" }
      }
    },
    "priceTier": {
      "type": "object",
      "additionalProperties": false,
      "required": ["aboveInputTokens", "input", "output"],
      "properties": {
        "aboveInputTokens": {
          "type": "integer",
          "minimum": 1,
          "description": "The tier applies to requests whose prompt is longer than this many tokens."
        },
        "input": { "type": "number", "minimum": 0 },
        "output": { "type": "number", "minimum": 0 },
        "cachedInput": { "type": "number", "minimum": 0 }
      }
    }
  }
}"""

_parsed = None


def schema():
    global _parsed
    if _parsed is None:
        _parsed = json.loads(SCHEMA_JSON)
    return _parsed
