// provider-registry, the build-time library: what `provider-registry register` does, as calls.
// The runtime selector is a separate, dependency-free entry: `provider-registry/selector`.

export { register, DEFAULT_TIMEOUT_MS, type RegisterOptions, type RegisterResult } from "./register.js";
export { loadEnv, layerEnv, parseEnvFile } from "./config/load-env.js";
export type { Env } from "./config/env-values.js";

export { schemaProblems, schemaPath, loadSchema, createAjv, formatErrors, type SchemaName } from "./validate/schema-validator.js";
export { SCHEMA_VERSION, SCHEMA_ID } from "./snapshot/schema-version.js";
export { canonicalChunks, canonicalJson } from "./snapshot/canonical-json.js";
export { contentHash } from "./snapshot/content-hash.js";
export { writeFileAtomic } from "./snapshot/write-snapshot.js";

export { RegistryError, UsageError, ConfigError, InvalidDocumentError, StrictProbeError, ExitCode } from "./core/errors.js";

export { loadBuiltinCatalog, type Catalog, type CatalogEntry } from "./catalog/load-catalog.js";
export {
  loadCommunityCatalog,
  parseCommunityCatalog,
  parseModelsDevCatalog,
  parseLiteLLMCatalog,
  detectCatalogFormat,
  overlayCounts,
  MODELS_DEV_PROVIDERS,
  LITELLM_PROVIDERS,
  type CommunityCatalogFormat,
  type CommunityCatalogOptions,
  type CommunityOverlay,
} from "./catalog/community-catalog.js";

export { packageVersion } from "./core/package-root.js";

// The snapshot's types, generated from its schema (also at `provider-registry/types`).
export type * from "../generated/snapshot-types.js";
export type { ProviderDefinition } from "../generated/provider-definition-types.js";
export type { ModelCatalog } from "../generated/model-catalog-types.js";
