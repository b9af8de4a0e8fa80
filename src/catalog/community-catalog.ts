// Community catalogs (models.dev, LiteLLM) as overlays beneath the built-in catalog: `register --catalog FILE`.
// Which format a file is in is told from its shape; the facts land in the snapshot as `overlay:<name>`.
import { readTextFile } from "../selector/shared.js";
import { readFailureReason } from "../core/read-failure.js";
import { tooDeepAt } from "../core/json-depth.js";
import path from "node:path";
import { isObject } from "../core/json-object.js";
import { ConfigError } from "../core/errors.js";
import type { CommunityCatalogOptions, OverlayCatalog } from "./community-common.js";
import { LITELLM_NAME, parseLiteLLMCatalog } from "./community-litellm.js";
import { MODELS_DEV_NAME, parseModelsDevCatalog } from "./community-models-dev.js";

export type { CommunityCatalogOptions, OverlayCatalog, OverlayEntry } from "./community-common.js";
export { MODELS_DEV_PROVIDERS, LITELLM_PROVIDERS } from "./community-providers.js";
export { parseModelsDevCatalog, MODELS_DEV_NAME, MODELS_DEV_SOURCE } from "./community-models-dev.js";
export { parseLiteLLMCatalog, LITELLM_NAME, LITELLM_SOURCE } from "./community-litellm.js";

export type CommunityCatalogFormat = typeof MODELS_DEV_NAME | typeof LITELLM_NAME;

/** An overlay as `register` takes it: `name` becomes the fact source `overlay:<name>`. */
export interface CommunityOverlay {
  readonly name: CommunityCatalogFormat;
  readonly file: string;
  readonly catalog: OverlayCatalog;
}

/**
 * models.dev: providers by id, each with a `models` object. LiteLLM: models by name, each with `litellm_provider`
 * or a per-token price (and a `sample_spec` entry). Undefined when neither fits.
 */
export function detectCatalogFormat(json: unknown): CommunityCatalogFormat | undefined {
  if (!isObject(json)) return undefined;
  // Counted, not required of every entry, so that a damaged entry is reported where it is rather than as "unknown format".
  const values = Object.values(json).filter(isObject);
  const modelsDev = values.filter((v) => "models" in v).length;
  const litellm =
    values.filter((v) => "litellm_provider" in v || "input_cost_per_token" in v || "max_input_tokens" in v).length +
    (Object.hasOwn(json, "sample_spec") ? 1 : 0);
  if (modelsDev > 0 && modelsDev >= litellm) return MODELS_DEV_NAME;
  if (litellm > 0) return LITELLM_NAME;
  return undefined;
}

/** Parses JSON already read, in whichever of the two formats it is. */
export function parseCommunityCatalog(
  json: unknown,
  options: CommunityCatalogOptions,
): { name: CommunityCatalogFormat; catalog: OverlayCatalog } {
  const format = detectCatalogFormat(json);
  if (format === MODELS_DEV_NAME) return { name: format, catalog: parseModelsDevCatalog(json, options) };
  if (format === LITELLM_NAME) return { name: format, catalog: parseLiteLLMCatalog(json, options) };
  throw new ConfigError(
    `${options.file}: not a community catalog this version reads: expected models.dev's api.json ({"<provider>": {"models": {...}}}) ` +
      `or LiteLLM's model_prices_and_context_window.json ({"<model>": {"litellm_provider": ..., "input_cost_per_token": ...}})`,
    { file: options.file, field: "/" },
  );
}

/** models.dev's api.json is about 2 MB and LiteLLM's table under 2 MB: a generous cap, far from a memory problem. */
export const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

/** Reads and parses one `--catalog FILE` (relative to cwd). */
export async function loadCommunityCatalog(
  file: string,
  options: Omit<CommunityCatalogOptions, "file"> & { cwd: string },
): Promise<CommunityOverlay> {
  const absolute = path.resolve(options.cwd, file);
  let text: string;
  try {
    text = readTextFile(absolute, MAX_CATALOG_BYTES);
  } catch (error) {
    throw new ConfigError(`--catalog ${file}: cannot read it: ${readFailureReason(error)}`, { file: absolute });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, { file: absolute });
  }
  const deep = tooDeepAt(json);
  if (deep !== null)
    throw new ConfigError(`${file}: nested too deep at ${deep.slice(0, 200)} for a community catalog`, {
      file: absolute,
      field: deep.slice(0, 200),
    });
  const { name, catalog } = parseCommunityCatalog(json, {
    file,
    asOf: options.asOf,
    ...(options.providers ? { providers: options.providers } : {}),
  });
  return { name, file: absolute, catalog };
}

/** How many entries an overlay holds for each provider, for a line a person reads. */
export function overlayCounts(catalog: OverlayCatalog): { provider: string; models: number }[] {
  return [...catalog].map(([provider, entries]) => ({ provider, models: entries.length })).filter((c) => c.models > 0);
}
