// provider-registry, the build-time library: what `provider-registry register` does, as calls.
// The runtime selector is a separate, dependency-free entry: `provider-registry/selector`.
// Everything exported here is public API under semver; test/docs/library-exports.test.ts pins the list, so that a
// new export is a deliberate change. Helpers the command line shares with the library stay in their modules.

export { register, type RegisterOptions, type RegisterResult } from "./register.js";
export type { ProviderRun } from "./probe/provider-run.js";
export { loadEnv } from "./config/load-env.js";
export type { Env } from "./config/env-values.js";

export { schemaProblems, type SchemaName } from "./validate/schema-validator.js";
export { SCHEMA_VERSION, SCHEMA_ID } from "./snapshot/schema-version.js";
export { canonicalJson } from "./snapshot/canonical-json.js";
export { contentHash } from "./snapshot/content-hash.js";

export {
  RegistryError,
  UsageError,
  ConfigError,
  InvalidDocumentError,
  StrictProbeError,
  ExitCode,
} from "./core/errors.js";

export { loadBuiltinCatalog, type Catalog, type CatalogEntry } from "./catalog/load-catalog.js";
export {
  loadCommunityCatalog,
  parseModelsDevCatalog,
  parseLiteLLMCatalog,
  type CommunityCatalogFormat,
  type CommunityCatalogOptions,
  type CommunityOverlay,
} from "./catalog/community-catalog.js";

// The snapshot's types, generated from its schema (also at `provider-registry/types`).
export type * from "../generated/snapshot-types.js";
export type { ProviderDefinition } from "../generated/provider-definition-types.js";
export type { ModelCatalog } from "../generated/model-catalog-types.js";
