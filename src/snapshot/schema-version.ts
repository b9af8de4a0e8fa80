import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";

/** The schema version this package writes. Minor versions only add optional fields; the major is in the $id. */
export const SCHEMA_VERSION = "2.0.0";
export const SCHEMA_ID: ProviderRegistrySnapshot["$schema"] =
  "https://provider-registry.dev/schema/v2/provider-registry-snapshot.schema.json";
