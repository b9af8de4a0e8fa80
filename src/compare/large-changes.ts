// Changes large enough that a person should look before a release ships them, in the spirit of careful catalog
// maintainers: a provider's list shrinking sharply, a model that disappears, a price that moves more than tenfold
// or crosses zero, a context window that shrinks. Derived from compareSnapshots, so `diff` and `register` agree.
import type { Pricing, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { isRoutable } from "../core/availability.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { modelKey } from "../core/model-id.js";
import { compareSnapshots, type Change } from "./compare-snapshots.js";
import { describeChange } from "./format-changes.js";

/** The names `--fail-on` takes. */
export const LARGE_CHANGE_KINDS = ["list-shrank", "model-disappeared", "price-jump", "context-shrank"] as const;
export type LargeChangeKind = (typeof LARGE_CHANGE_KINDS)[number];

export const LARGE_CHANGE_CODES: Record<LargeChangeKind, string> = {
  "list-shrank": "LIST_SHRANK",
  "model-disappeared": "MODEL_DISAPPEARED",
  "price-jump": "PRICE_JUMP",
  "context-shrank": "CONTEXT_SHRANK",
};

export interface LargeChange {
  readonly kind: LargeChangeKind;
  readonly diagnostic: Diagnostic;
}

/** More than this factor, either way, is a price jump. */
export const PRICE_JUMP_FACTOR = 10;

function routableCounts(snapshot: ProviderRegistrySnapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of snapshot.models) counts.set(m.provider, (counts.get(m.provider) ?? 0) + (isRoutable(m) ? 1 : 0));
  return counts;
}

export function largeChanges(
  before: ProviderRegistrySnapshot,
  after: ProviderRegistrySnapshot,
  changes: readonly Change[] = compareSnapshots(before, after),
): LargeChange[] {
  const out: LargeChange[] = [];
  const add = (kind: LargeChangeKind, provider: string, model: string | undefined, message: string) =>
    out.push({
      kind,
      diagnostic: {
        level: "warning",
        code: LARGE_CHANGE_CODES[kind],
        provider,
        ...(model !== undefined ? { model } : {}),
        message,
      },
    });

  // Counted in one pass over the models, not once per provider.
  const routableBefore = routableCounts(before);
  const routableAfter = routableCounts(after);
  const providers = [...new Set([...routableBefore.keys(), ...routableAfter.keys()])].sort();
  for (const provider of providers) {
    const was = routableBefore.get(provider) ?? 0;
    const now = routableAfter.get(provider) ?? 0;
    if (was > 0 && now * 2 < was) {
      add(
        "list-shrank",
        provider,
        undefined,
        `${provider} has ${now} routable model${now === 1 ? "" : "s"}, down from ${was} in the previous snapshot: more than half are gone.`,
      );
    }
  }

  const previous = new Map(before.models.map((m) => [modelKey(m), m]));
  for (const change of changes) {
    if (change.provider === undefined || change.model === undefined) continue;
    const where = `${change.provider}/${change.model}`;
    const was = previous.get(modelKey({ provider: change.provider, id: change.model }));
    if (change.kind === "model_removed" && was && isRoutable(was)) {
      add(
        "model-disappeared",
        change.provider,
        change.model,
        `${where} was routable in the previous snapshot and is gone from this one.`,
      );
    } else if (change.kind === "availability_changed" && change.breaking) {
      add(
        "model-disappeared",
        change.provider,
        change.model,
        `${where} was routable in the previous snapshot and is now ${String(change.after)}.`,
      );
    } else if (change.kind === "price_changed") {
      const jumps = priceJumps(change.before as Pricing | null, change.after as Pricing | null);
      if (jumps.length > 0)
        add("price-jump", change.provider, change.model, `${where}: ${describeChange(change)}: ${jumps.join("; ")}.`);
    } else if (change.kind === "context_changed" && change.breaking) {
      add("context-shrank", change.provider, change.model, `${where}: ${describeChange(change)}.`);
    }
  }
  return out;
}

/** Each price (input, output, cached input) that both sides state and that moved more than tenfold or crossed zero. */
export function priceJumps(before: Pricing | null, after: Pricing | null): string[] {
  if (before === null || after === null) return [];
  const out: string[] = [];
  for (const field of ["input", "output", "cachedInput"] as const) {
    const a = before[field];
    const b = after[field];
    if (a === undefined || b === undefined || a === b) continue;
    if ((a === 0) !== (b === 0)) out.push(`${field} crossed zero: ${a} → ${b}`);
    else if (Math.max(a, b) > PRICE_JUMP_FACTOR * Math.min(a, b))
      out.push(`${field} moved more than ${PRICE_JUMP_FACTOR}-fold: ${a} → ${b}`);
  }
  return out;
}

/** Parses `--fail-on list-shrank,price-jump` (or `any`); names it does not know come back in `unknown`. */
export function parseFailOn(values: readonly string[]): { kinds: Set<LargeChangeKind>; unknown: string[] } {
  const kinds = new Set<LargeChangeKind>();
  const unknown: string[] = [];
  for (const raw of values.flatMap((v) => v.split(","))) {
    const name = raw.trim().toLowerCase();
    if (name === "") continue;
    if (name === "any") for (const k of LARGE_CHANGE_KINDS) kinds.add(k);
    else if ((LARGE_CHANGE_KINDS as readonly string[]).includes(name)) kinds.add(name as LargeChangeKind);
    else unknown.push(raw.trim());
  }
  return { kinds, unknown };
}
