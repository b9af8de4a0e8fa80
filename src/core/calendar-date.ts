// The schemas' calendar date (format "date"), as code: a date from outside (a provider's answer, a community catalog)
// that fails it could never be written to a snapshot, so it is dropped where it is read.

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** YYYY-MM-DD naming a day that exists: 2026-02-30 does not (Date.parse would roll it over to March). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** Whether a model's retirement date (retiresAt) has come by the run's day: both are YYYY-MM-DD, so text compares. */
export function isRetired(retiresAt: string | undefined, asOf: string | undefined): boolean {
  return retiresAt !== undefined && asOf !== undefined && retiresAt <= asOf;
}
