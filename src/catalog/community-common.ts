// What the community catalog parsers share: the catalog they build, and collecting entries per provider without two
// answering to one id. Reading their files field by field is catalog-field-reader.ts.
import type { Facts } from "../core/facts.js";
import { compareText } from "../core/order.js";
import { isCalendarDate } from "../core/calendar-date.js";

/** One model in a community catalog: only the facts the file states, so that facts blend one by one. */
export interface OverlayEntry {
  readonly id: string;
  readonly facts: Facts;
}

/** Overlay entries by our provider id. */
export type OverlayCatalog = ReadonlyMap<string, readonly OverlayEntry[]>;

export interface CommunityCatalogOptions {
  /** The file the JSON came from, for messages. */
  readonly file: string;
  /**
   * The day of the run (YYYY-MM-DD; SOURCE_DATE_EPOCH's day when set): a retirement date on or before it makes a
   * model deprecated. Prices are never dated with it: a file that does not date its prices leaves them undated.
   */
  readonly asOf: string;
  /** Our provider ids to collect facts for; default: the built-in providers. */
  readonly providers?: readonly string[];
}

export function checkOptions(options: CommunityCatalogOptions): void {
  if (!isCalendarDate(options.asOf))
    throw new TypeError(`asOf must be a calendar date (YYYY-MM-DD), not ${JSON.stringify(options.asOf)}`);
}

/** Entries per provider; the first entry to claim an id (compared without regard to case) keeps it. */
export class CatalogBuilder {
  private readonly byProvider = new Map<string, Map<string, OverlayEntry>>();

  add(provider: string, entry: OverlayEntry): void {
    let entries = this.byProvider.get(provider);
    if (!entries) this.byProvider.set(provider, (entries = new Map()));
    const key = entry.id.toLowerCase();
    if (!entries.has(key)) entries.set(key, entry);
  }

  build(): OverlayCatalog {
    const catalog = new Map<string, OverlayEntry[]>();
    for (const [provider, entries] of [...this.byProvider].sort(([a], [b]) => compareText(a, b))) {
      catalog.set(provider, [...entries.values()]);
    }
    return catalog;
  }
}

/** Drops the keys whose value is undefined: a fact the file did not state is no fact at all. */
export function dropUnstated(facts: { [K in keyof Facts]: Facts[K] | undefined }): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Facts;
}
