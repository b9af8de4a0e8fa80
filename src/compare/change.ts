// What `compareSnapshots` reports: one typed change, classified as breaking for consumers or not, and the order
// changes are listed in.
import { compareText } from "../core/order.js";
import { compactSortedJson } from "./json-values.js";

export type ChangeKind =
  /** $schema, schemaVersion or generator. */
  | "snapshot_changed"
  | "provider_added"
  | "provider_removed"
  /** displayName, adapter, baseUrl, apiKeyVariable or its probe result (timestamps aside). */
  | "provider_changed"
  /** The provider filters now let it through, or no longer do. */
  | "provider_allowed"
  | "provider_disallowed"
  | "model_added"
  | "model_removed"
  | "availability_changed"
  | "price_changed"
  | "context_changed"
  | "max_output_changed"
  | "capability_gained"
  | "capability_lost"
  | "alias_added"
  | "alias_removed"
  | "kind_changed"
  /** Any other fact (name, status, tier, freeTier, movingAlias) or where an unchanged fact came from. */
  | "model_changed"
  /** The provider's allow-list now includes the model, or no longer does. */
  | "model_allowed"
  | "model_disallowed"
  /** policy.defaultModel, or a provider's defaultModel. */
  | "default_changed"
  /** Priority, preferences, ranking switches, or a filter change that lets no known provider or model in or out. */
  | "policy_changed"
  | "diagnostic_added"
  | "diagnostic_removed"
  /**
   * The same entries in another order (providers, models, diagnostics, a model's aliases), or any other difference
   * of spelling the comparisons above do not itemise: the content hash differs, so a change is reported.
   */
  | "order_changed";

export interface Change {
  readonly kind: ChangeKind;
  /** Absent for snapshot-wide changes (schema, generator, the global policy). */
  readonly provider?: string;
  readonly model?: string;
  /** Which fact, capability or policy field, where the kind alone does not say. */
  readonly field?: string;
  /** JSON values; null when there was none. */
  readonly before: unknown;
  readonly after: unknown;
  /** Whether a consumer that worked with the old snapshot can stop working with the new one. */
  readonly breaking: boolean;
}

/** Where each comparison hands the changes it finds. */
export type PushChange = (change: Change) => void;

const KIND_ORDER: readonly ChangeKind[] = [
  "snapshot_changed",
  "provider_removed",
  "provider_added",
  "provider_disallowed",
  "provider_allowed",
  "provider_changed",
  "model_removed",
  "model_added",
  "availability_changed",
  "model_disallowed",
  "model_allowed",
  "kind_changed",
  "context_changed",
  "max_output_changed",
  "capability_lost",
  "capability_gained",
  "alias_removed",
  "alias_added",
  "price_changed",
  "model_changed",
  "default_changed",
  "policy_changed",
  "diagnostic_removed",
  "diagnostic_added",
  "order_changed",
];

/** Snapshot-wide first, then by provider, the provider's own changes before its models', then by kind and field. */
export function byPlace(a: Change, b: Change): number {
  return (
    compareText(a.provider ?? "", b.provider ?? "") ||
    compareText(a.model ?? "", b.model ?? "") ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareText(a.field ?? "", b.field ?? "") ||
    compareText(compactSortedJson(a.before), compactSortedJson(b.before)) ||
    compareText(compactSortedJson(a.after), compactSortedJson(b.after))
  );
}
