export { loadSnapshot } from "./load-snapshot.js";
export { checkSnapshot, SUPPORTED_SCHEMA_VERSION } from "./check-snapshot.js";
export { createSelector, type Selector } from "./select.js";
export { Choice, type ChoiceJSON } from "./choice.js";
export { SelectionError, SnapshotError, type SelectionErrorCode, type SnapshotErrorCode } from "./errors.js";
export { CATEGORIES, type Category, type Requirements, type SelectionRequest } from "./request.js";
export type { ModelChoice } from "./vocabulary.js";
export type { TraceEntry, TraceOutcome, TraceRule } from "./trace-entry.js";
export type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
export {
  renderTrace,
  renderBoundedTrace,
  renderFallbacks,
  boundTrace,
  boundFallbacks,
  DEFAULT_SHOWN_FALLBACKS,
  type BoundedTrace,
  type ExplainOptions,
} from "./explain.js";
export { MERIT_KEY_NAMES, STANDING_KEYS, TIE_BREAK_KEYS, categoryKeys, meritKeys, type MeritKeyName } from "./rank.js";
