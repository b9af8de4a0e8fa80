// What one select call decided about its request, kept by the choice so that its lazy parts can be built later.
import type { NormalizedRequest } from "./request.js";
import type { ModelRecord, ProviderRecord, SnapshotIndex } from "./snapshot-index.js";

export interface SelectionContext {
  readonly index: SnapshotIndex;
  readonly req: NormalizedRequest;
  /** request.provider resolved; null when the request does not restrict the provider. */
  readonly provider: ProviderRecord | null;
  /** The models the request's exclude names; null when it names none. */
  readonly excluded: ReadonlySet<ModelRecord> | null;
}

/** How the choice was reached, which decides its reason, fallbacks and trace. */
export type Path = "requested" | "default_model" | "routed";

/** The providers a request may be routed to, in priority order. */
export function providersInScope(ctx: SelectionContext): readonly ProviderRecord[] {
  return ctx.provider === null ? ctx.index.providers : [ctx.provider];
}
