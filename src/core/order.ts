// The snapshot's order: by UTF-16 code unit, so the same on every machine and in every locale (localeCompare is not).

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of the snapshot's models: by provider, then by id. */
export function byProviderThenId(
  a: { readonly provider: string; readonly id: string },
  b: { readonly provider: string; readonly id: string },
): number {
  return compareText(a.provider, b.provider) || compareText(a.id, b.id);
}
